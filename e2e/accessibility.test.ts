import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser, newPage, settledDialog, signIn } from './support/browser.ts';
import { type RunningServer, removeDataDir, startServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let admin: Page;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await newPage(browser);
  await signIn(admin, server.url, 'admin@mutualis.demo');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

async function settle(page: Page, heading: string | RegExp) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
}

describe('accessibility (axe, WCAG 2.1 AA)', () => {
  // Each page as it opens is checked in templates.test.ts; here, what a reader's actions show.
  it('the login page keeps no violation with an error shown, and once switched to English', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/connexion`);
    await settle(page, 'Mutualis');
    // An error shown on the form is announced and keeps the page clean.
    await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill('personne@mutualis.demo');
    await page.getByRole('textbox', { name: 'Mot de passe' }).fill('mauvais mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the user form with its errors and the deactivation dialog have no violation', async () => {
    await admin.goto(`${server.url}/administration/utilisateurs`);
    await settle(admin, 'Utilisateurs');
    await admin.getByRole('button', { name: 'Créer un compte' }).click();
    await settledDialog(admin);
    await admin.getByRole('dialog').getByRole('button', { name: 'Créer' }).click();
    await admin
      .getByRole('dialog')
      .getByRole('link', { name: "L'adresse e-mail n'est pas valide." })
      .waitFor();
    expect(await accessibilityViolations(admin)).toEqual([]);
    await admin.keyboard.press('Escape');

    await admin.getByRole('button', { name: 'Désactiver le compte Antoine Martin' }).click();
    await settledDialog(admin);
    expect(await accessibilityViolations(admin)).toEqual([]);
    await admin.keyboard.press('Escape');
  });

  it('an account page with its lifecycle, folded parts open, and a transition dialog have no violation', async () => {
    await admin.goto(`${server.url}/administration/utilisateurs`);
    await settle(admin, 'Utilisateurs');
    await admin.getByRole('link', { name: 'Antoine Martin' }).click();
    await settle(admin, 'Antoine Martin');
    await admin.getByRole('list', { name: 'Étapes — Statut du compte' }).waitFor();
    await admin.getByText('Une autre action, possible à une autre étape').click();
    expect(await accessibilityViolations(admin)).toEqual([]);
    await admin
      .getByRole('region', { name: 'Statut du compte' })
      .getByRole('button', { name: 'Désactiver le compte' })
      .click();
    await settledDialog(admin);
    expect(await accessibilityViolations(admin)).toEqual([]);
    await admin.keyboard.press('Escape');
  });

  it("a sheet's publication and certification tab has no violation", async () => {
    await admin.goto(`${server.url}/catalogue?q=GesCongés`);
    await admin.getByRole('link', { name: 'GesCongés' }).click();
    await settle(admin, 'GesCongés');
    await admin.getByRole('tab', { name: 'Publication et certification' }).click();
    await admin.getByRole('list', { name: 'Étapes — Certification' }).waitFor();
    expect(await accessibilityViolations(admin)).toEqual([]);
  });

  it("without GitLab configured, a demo sheet's forge activity says it is demonstration data, without violation", async () => {
    const page = await newPage(browser);
    await signIn(page, server.url, 'agent.rhone@mutualis.demo');
    const list = await (await page.request.get(`${server.url}/api/applications?pageSize=20`)).json();
    let shown: string | null = null;
    for (const item of list.items as { id: string }[]) {
      const panel = await (
        await page.request.get(`${server.url}/api/applications/${item.id}/forge-activity`)
      ).json();
      if (panel.source === 'demo' && panel.activity.lastCommits.length > 0) {
        shown = item.id;
        break;
      }
    }
    expect(shown).not.toBeNull();
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}/catalogue/${shown}`);
      const panel = page.getByRole('region', { name: 'Activité sur la Forge' });
      await panel
        .getByText(
          /GitLab n’est pas configuré sur ce portail : activité de démonstration, données du \d\d\/\d\d/,
        )
        .waitFor();
      await panel.getByRole('img', { name: /Commits par semaine/ }).waitFor();
      await page
        .getByRole('region', { name: 'Santé des builds (usine logicielle)' })
        .getByText(/Jenkins n’est pas configuré sur ce portail : builds de démonstration/)
        .waitFor();
      await page.waitForLoadState('networkidle');
      if (process.env.SCREENSHOT_DIR)
        await page.screenshot({
          path: `${process.env.SCREENSHOT_DIR}/forge-demo-sheet-${width}.png`,
          fullPage: true,
        });
      expect(await accessibilityViolations(page)).toEqual([]);
    }
    await page.context().close();
  });

  it('the API documentation opens', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/api/docs`);
    // Swagger UI's bundle is large: on a busy machine it takes longer than a page of the portal.
    await page.getByText('Mutualis API').first().waitFor({ timeout: 60_000 });
    await page.context().close();
  });
});
