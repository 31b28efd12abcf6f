import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, settledDialog, signedInAt, VIEWS } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

/**
 * The user club of an application in the browser: an office joins the club of « Gestion des
 * réclamations » (designed by the CPAM des Bouches-du-Rhône) and proposes an evolution, two member offices
 * vote on it, the designer office plans it « prévue en version 3.4 ». Axe on the page at 1280 and 390 px,
 * in French and English.
 */
const env = startServerAndBrowser();
/** Where the screenshots go, when asked for (MUTUALIS_SCREENSHOTS). */
const SHOTS = process.env.MUTUALIS_SCREENSHOTS;
const signedIn = (email: string, width = 1280) => signedInAt(env.browser, env.server.url, email, width);

async function clean(page: Page) {
  await page.waitForLoadState('networkidle');
  expect(await accessibilityViolations(page)).toEqual([]);
}

async function applicationId(page: Page, code: string) {
  const response = await page.request.get(`${env.server.url}/api/applications?q=${encodeURIComponent(code)}`);
  const items = (await response.json()).items as { id: string; code: string }[];
  const found = items.find((item) => item.code === code);
  if (!found) throw new Error(`no demo application ${code}`);
  return found.id;
}

const WISH = 'Réponse type par motif de réclamation';

describe('a user club', () => {
  it('an office joins and proposes an evolution, two offices vote, the designer office plans it', async () => {
    const agent = await signedIn('agent.rhone@mutualis.demo');
    const id = await applicationId(agent, 'RECLAMATIONS');
    await agent.goto(`${env.server.url}/catalogue/${id}`);
    await agent.getByRole('link', { name: 'Club utilisateurs' }).click();
    await agent
      .getByRole('heading', { level: 1, name: 'Club utilisateurs — Gestion des réclamations' })
      .waitFor();
    await agent.getByText('Aucun organisme n’a encore adhéré au club.').waitFor();
    await agent.getByRole('button', { name: 'Faire adhérer mon organisme' }).click();
    await agent.getByText('Votre organisme est membre du club ; vous en êtes contact.').waitFor();
    await agent
      .getByRole('region', { name: 'Organismes membres' })
      .getByText('CPAM du Rhône', { exact: true })
      .waitFor();
    await agent.getByRole('textbox', { name: 'Titre de l’évolution' }).fill(WISH);
    await agent
      .getByRole('textbox', { name: 'Description' })
      .fill('Proposer au technicien une réponse type selon le motif choisi, qu’il complète avant l’envoi.');
    await agent.getByRole('button', { name: 'Proposer', exact: true }).click();
    await agent.getByText('Évolution proposée.').waitFor();
    const wish = agent.getByRole('article', { name: WISH });
    await wish.getByRole('button', { name: /^Voter pour/ }).click();
    await wish.getByText('Vote de votre organisme : pour').waitFor();
    await clean(agent);

    const director = await signedIn('directeur.basrhin@mutualis.demo', 390);
    await director.goto(`${env.server.url}/catalogue/${id}/club`);
    await director.getByRole('button', { name: 'Faire adhérer mon organisme' }).click();
    await director.getByText('Votre organisme est membre du club ; vous en êtes contact.').waitFor();
    const seen = director.getByRole('article', { name: WISH });
    await seen.getByRole('button', { name: /^Voter pour/ }).click();
    await seen.getByText('Pour : 2 · Contre : 0').waitFor();
    await clean(director);

    const designer = await signedIn('dev.marseille@mutualis.demo');
    await designer.goto(`${env.server.url}/catalogue/${id}/club`);
    const answered = designer.getByRole('article', { name: WISH });
    await answered.getByText('Pour : 2 · Contre : 0').waitFor();
    // The designer office animates the club: it neither joins nor votes.
    expect(await designer.getByRole('button', { name: 'Faire adhérer mon organisme' }).count()).toBe(0);
    expect(await answered.getByRole('button', { name: /^Voter pour/ }).count()).toBe(0);
    await answered.getByRole('button', { name: /^Prévoir dans une version/ }).click();
    const dialog = await settledDialog(designer);
    await dialog.getByRole('textbox', { name: /Version prévue/ }).fill('3.4');
    await dialog.getByRole('button', { name: 'Prévoir dans une version' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await answered.getByText('Prévue en version 3.4').waitFor();
    await clean(designer);
    if (SHOTS) await designer.screenshot({ path: `${SHOTS}/club-designer-1280.png`, fullPage: true });

    // The member who proposed it hears of the answer.
    await agent.goto(`${env.server.url}/notifications`);
    await agent
      .getByText(/l’évolution « Réponse type par motif de réclamation » est prévue en version 3\.4/)
      .waitFor();
  }, 180_000);
});

describe('accessibility of the club page (axe, WCAG 2.1 AA)', () => {
  for (const { width, language } of VIEWS)
    it(`at ${width} px in ${language}: a member's view and the designer's forms`, async () => {
      const member = await signedIn('directeur.basrhin@mutualis.demo', width);
      await member.evaluate((lang) => localStorage.setItem('mutualis.language', lang), language);
      const id = await applicationId(member, 'GESCONGES');
      await member.goto(`${env.server.url}/catalogue/${id}/club`);
      await member.getByRole('heading', { level: 1, name: /GesCongés/ }).waitFor();
      await member
        .getByRole('article', { name: 'Déléguer la validation pendant les congés du manager' })
        .waitFor();
      await clean(member);
      const designer = await signedIn('directeur.rhone@mutualis.demo', width);
      await designer.evaluate((lang) => localStorage.setItem('mutualis.language', lang), language);
      await designer.goto(`${env.server.url}/catalogue/${id}/club`);
      await designer
        .getByRole('heading', {
          level: 3,
          name: language === 'fr' ? 'Publier une actualité' : 'Publish news',
        })
        .waitFor();
      await clean(designer);
      if (SHOTS) {
        await member.screenshot({ path: `${SHOTS}/club-member-${width}.png`, fullPage: true });
        await designer.screenshot({ path: `${SHOTS}/club-designer-forms-${width}.png`, fullPage: true });
      }
    }, 120_000);
});
