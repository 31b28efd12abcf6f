import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, postAs, settledDialog, signedInAt } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

const env = startServerAndBrowser();
const TITLE = 'Annuaire partagé des référents';

const signedIn = (email: string, width: number) => signedInAt(env.browser, env.server.url, email, width);
const post = (page: Page, path: string, data: unknown) => postAs(page, env.server.url, path, data);

async function clean(page: Page) {
  await page.waitForLoadState('networkidle');
  expect(await accessibilityViolations(page)).toEqual([]);
}

let projectUrl = '';
beforeAll(async () => {
  // A labelling project of the CPAM du Bas-Rhin, with a comment and a pending offer of another office.
  const holder = await signedIn('dev.basrhin@mutualis.demo', 1280);
  const project = await post(holder, '/api/projects', {
    title: TITLE,
    need: 'Les caisses cherchent leurs référents métier dans des listes tenues à la main.',
    description: '## Contexte\n\nUn annuaire **commun**, tenu par chaque caisse.',
    domainCode: 'ressources-humaines',
    track: 'labelling',
  });
  projectUrl = `${env.server.url}/projets/${project.id}`;
  await post(holder, `/api/projects/${project.id}/comments`, { body: 'Qui a déjà une **liste** ?' });
  const other = await signedIn('dev.marseille@mutualis.demo', 1280);
  await post(other, `/api/projects/${project.id}/offers`, {
    kind: 'pilotSite',
    message: 'La CPAM des Bouches-du-Rhône peut être site pilote.',
  });
  await holder.context().close();
  await other.context().close();
});

describe('accessibility of the project pages and their dialogs (axe, WCAG 2.1 AA)', () => {
  for (const width of [1280, 390]) {
    it(`at ${width} px: the project page, the transition, sponsorship, offer and decision dialogs, the sponsor's queue`, async () => {
      const holder = await signedIn('dev.basrhin@mutualis.demo', width);
      await holder.goto(projectUrl);
      await holder.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await clean(holder);
      await holder.getByRole('button', { name: 'Passer au cadrage' }).click();
      await settledDialog(holder);
      await clean(holder);
      await holder.keyboard.press('Escape');
      if (width === 1280) {
        // The holder asks for a sponsor (the 390 px run finds the request pending).
        await holder.getByRole('button', { name: 'Demander un sponsor' }).click();
        const ask = await settledDialog(holder);
        await ask.getByRole('button', { name: 'Envoyer la demande' }).click();
        await ask.getByText('La direction nationale sollicitée est obligatoire.').waitFor();
        await clean(holder);
        await ask.getByRole('combobox', { name: 'Direction nationale sollicitée' }).click();
        await holder.getByRole('option', { name: /DDGOS/ }).click();
        await ask
          .getByRole('textbox', { name: 'Présentation du projet à la direction' })
          .fill('Un annuaire commun des référents, utile à toutes les caisses du réseau.');
        await ask.getByRole('button', { name: 'Envoyer la demande' }).click();
        await holder
          .getByRole('status')
          .filter({ hasText: 'Votre demande de sponsor a été envoyée' })
          .waitFor();
        // axe measures colours: the dialog has faded out first.
        await holder.getByRole('dialog').waitFor({ state: 'hidden' });
        await clean(holder);
      }
      await holder.getByRole('button', { name: /^Refuser — CPAM des Bouches-du-Rhône/ }).click();
      await settledDialog(holder);
      await clean(holder);
      await holder.keyboard.press('Escape');
      expect(await holder.evaluate(() => document.scrollingElement?.scrollWidth)).toBe(width);

      const other = await signedIn('dev.marseille@mutualis.demo', width);
      await other.goto(projectUrl);
      await other.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await other.getByRole('button', { name: 'Proposer la participation de mon organisme' }).click();
      await settledDialog(other);
      await clean(other);

      const sponsor = await signedIn('sponsor@mutualis.demo', width);
      await sponsor.goto(`${env.server.url}/projets/parrainages`);
      await sponsor.getByRole('heading', { level: 1, name: 'Demandes de sponsor' }).waitFor();
      await sponsor.getByRole('button', { name: `Refuser — ${TITLE}` }).waitFor();
      await clean(sponsor);
      await sponsor.getByRole('button', { name: `Refuser — ${TITLE}` }).click();
      await settledDialog(sponsor);
      await clean(sponsor);
      expect(await sponsor.evaluate(() => document.scrollingElement?.scrollWidth)).toBe(width);

      const declare = await signedIn('dev.basrhin@mutualis.demo', width);
      await declare.goto(`${env.server.url}/projets/nouveau`);
      await declare.getByRole('textbox', { name: 'Titre du projet' }).fill('Gestion des congés');
      await declare
        .getByRole('textbox', { name: 'Le besoin' })
        .fill('Poser et valider les congés des agents.');
      await declare.getByRole('link', { name: 'GesCongés' }).waitFor();
      await declare
        .getByRole('radiogroup', { name: /D'autres organismes utiliseront-ils/ })
        .getByRole('radio', { name: 'Oui' })
        .check();
      // Homologation offers the transitional procedure of an existing application (§2.4).
      await declare.getByRole('button', { name: 'Choisir cette filière' }).click();
      await declare.getByRole('checkbox', { name: /procédure transitoire/ }).check();
      await declare.getByRole('combobox', { name: 'Fiche du catalogue concernée' }).waitFor();
      await declare.getByRole('button', { name: 'Déclarer le projet' }).click();
      await declare.getByText('Confirmez que votre projet n’est pas un doublon').waitFor();
      await clean(declare);
      expect(await declare.evaluate(() => document.scrollingElement?.scrollWidth)).toBe(width);

      for (const page of [holder, other, sponsor, declare]) await page.context().close();
    });
  }
});
