import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, signedInAt } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

const env = startServerAndBrowser();
const signedIn = (email: string, width = 1280) => signedInAt(env.browser, env.server.url, email, width);
const SHOTS = process.env.MUTUALIS_SCREENSHOTS;

async function clean(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  expect(await accessibilityViolations(page), name).toEqual([]);
  // Nothing scrolls sideways, at 390 px as at 1280.
  await expect(
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).resolves.toBeLessThanOrEqual(0);
}

describe('the portal’s statistics and the effort of a project', () => {
  it('the DDO and the board read every figure with its table and export, in French and English, axe clean at 1280 and 390 px', async () => {
    for (const [email, width] of [
      ['ddo@mutualis.demo', 1280],
      ['gouvernance@mutualis.demo', 390],
    ] as const) {
      const page = await signedIn(email, width);
      await page.goto(`${env.server.url}/statistiques`);
      await page.getByRole('heading', { level: 1, name: 'Statistiques du portail' }).waitFor();
      for (const caption of [
        'Applications déclarées par mois',
        'Projets par filière et phase',
        'Temps passé dans chaque état',
        'Objectifs du support',
      ])
        await page.getByRole('table', { name: caption }).waitFor();
      expect(await page.getByRole('link', { name: /^Exporter « / }).count()).toBe(8);
      await clean(page, `statistics-${width}`);
      await page.getByText('EN', { exact: true }).click();
      await page.getByRole('heading', { level: 1, name: "The portal's statistics" }).waitFor();
      await clean(page, `statistics-en-${width}`);
      await page.context().close();
    }
    // A developer has no link to them.
    const developer = await signedIn('dev.basrhin@mutualis.demo');
    await developer.goto(`${env.server.url}/effort`);
    await developer.getByRole('heading', { level: 1, name: 'Effort déclaré' }).waitFor();
    expect(await developer.getByRole('link', { name: 'Statistiques', exact: true }).count()).toBe(0);
    await developer.context().close();
  });

  it('a developer of the holder office records effort from the project page, axe clean at 1280 and 390 px', async () => {
    for (const width of [1280, 390]) {
      const developer = await signedIn('dev.basrhin@mutualis.demo', width);
      const projects = (await (
        await developer.request.get(`${env.server.url}/api/projects?pageSize=100`)
      ).json()) as { items: { id: string; holderOrganisation: { code: string } }[] };
      const project = projects.items.find((p) => p.holderOrganisation.code === 'CPAM-67');
      expect(project, 'a demo project held by the CPAM du Bas-Rhin').toBeDefined();
      await developer.goto(`${env.server.url}/projets/${project?.id}`);
      await developer.getByRole('heading', { name: 'Effort de votre organisme sur ce projet' }).waitFor();
      await developer.getByRole('textbox', { name: 'Jours-personnes' }).fill('2,5');
      await developer.getByRole('button', { name: 'Ajouter la ligne' }).click();
      await developer.getByText('Ligne enregistrée.').waitFor();
      await clean(developer, `project-effort-${width}`);
      await developer.context().close();
    }
  });
});
