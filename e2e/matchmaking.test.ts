import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, postAs, settledDialog, signedInAt } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

const env = startServerAndBrowser();
/** Where the screenshots of the page go, to be looked at (not compared). */
const SHOTS = process.env.MUTUALIS_SCREENSHOTS ?? '/tmp';

const signedIn = (email: string, width = 1280) => signedInAt(env.browser, env.server.url, email, width);
const post = (page: Page, path: string, data: unknown) => postAs(page, env.server.url, path, data);

async function clean(page: Page) {
  await page.waitForLoadState('networkidle');
  expect(await accessibilityViolations(page)).toEqual([]);
}

describe('« Besoins et forces »', () => {
  it('a developer sees a need matched to her office with its reasons, declares its capacity and offers it', async () => {
    // Léa Schmitt, developer at the CPAM du Bas-Rhin, from the projects list.
    const developer = await signedIn('dev.basrhin@mutualis.demo');
    await developer.getByRole('navigation').getByRole('link', { name: 'Projets en cours' }).click();
    await developer.getByRole('heading', { level: 1, name: 'Projets en cours' }).waitFor();
    await developer.getByRole('main').getByRole('link', { name: 'Besoins et forces' }).click();
    await developer.getByRole('heading', { level: 1, name: 'Besoins et forces' }).waitFor();
    // The navigation marks this page, not the projects list above it, as the current one.
    expect(
      await developer.getByRole('navigation').locator('[aria-current="page"]').allTextContents(),
    ).toEqual(['Besoins et forces']);

    // Her office's capacity fits the IJ dashboard of Marseille: the skills it mentions are the reason.
    const dashboard = developer.getByRole('listitem').filter({
      has: developer.getByRole('heading', {
        name: 'CPAM du Bas-Rhin pour « Tableau de bord des délais de paiement des IJ »',
      }),
    });
    await dashboard.getByText('Compétences citées par le besoin : Tableaux de bord, Indicateurs').waitFor();
    await dashboard.getByText('Proposition envoyée, en attente du porteur').waitFor();
    // Marseille's call routing: her office already works in customer relations.
    const calls = developer.getByRole('listitem').filter({
      has: developer.getByRole('heading', {
        name: 'CPAM du Bas-Rhin pour « Orientation des appels entrants par motif »',
      }),
    });
    await calls.getByText('L’organisme travaille déjà dans le domaine « Relation client »').waitFor();
    expect(
      await developer
        .getByRole('region', { name: 'Besoins sans développeurs' })
        .getByRole('link', { name: 'Orientation des appels entrants par motif' })
        .count(),
    ).toBe(1);

    // She declares her office's capacity for this quarter: the form shows what was declared, she replaces it.
    const form = developer.getByRole('region', { name: 'La capacité de mon organisme' });
    await expect
      .poll(() => form.getByRole('textbox', { name: 'Jours-personne disponibles' }).inputValue())
      .toBe('40');
    await form.getByRole('textbox', { name: 'Jours-personne disponibles' }).fill('25');
    await form
      .getByRole('textbox', { name: 'Compétences' })
      .fill('Téléphonie, Tableaux de bord, Appels entrants');
    await form.getByRole('button', { name: 'Déclarer la capacité' }).click();
    await developer
      .getByRole('status')
      .filter({ hasText: /Capacité de CPAM du Bas-Rhin pour 20\d\d-T[1-4] enregistrée : 25 jours-personne/ })
      .waitFor();
    await developer
      .getByRole('region', { name: 'Forces disponibles' })
      .getByText('Compétences : Téléphonie, Tableaux de bord, Appels entrants')
      .waitFor();
    // The call routing now also matches on a skill its need mentions.
    await calls.getByText('Compétences citées par le besoin : Appels entrants').waitFor();

    // She offers her office's capacity to the call routing (the offer flow of the project page).
    await calls.getByRole('button', { name: /Proposer notre capacité/ }).click();
    const dialog = await settledDialog(developer);
    await dialog.getByText(/CPAM du Bas-Rhin propose à CPAM des Bouches-du-Rhône/).waitFor();
    await dialog.getByRole('button', { name: 'Envoyer la proposition' }).click();
    await developer
      .getByRole('status')
      .filter({
        hasText:
          'Votre proposition a été envoyée au porteur de « Orientation des appels entrants par motif »',
      })
      .waitFor();
    await calls.getByText('Proposition envoyée, en attente du porteur').waitFor();
    await developer.context().close();
  });

  for (const width of [1280, 390]) {
    it(`is clean for axe at ${width} px, with its offer dialog, in French and English`, async () => {
      // Marseille declares an online agenda team: it fits the online appointments of Strasbourg.
      const developer = await signedIn('dev.marseille@mutualis.demo', width);
      const quarter = `${new Date().getUTCFullYear()}-T${Math.floor(new Date().getUTCMonth() / 3) + 1}`;
      await post(developer, '/api/capacities', { quarter, personDays: 30, skills: ['Agenda en ligne'] });
      await developer.goto(`${env.server.url}/projets/besoins-et-forces`);
      await developer.getByRole('heading', { level: 1, name: 'Besoins et forces' }).waitFor();
      await developer.getByRole('heading', { level: 2, name: 'Rapprochements suggérés' }).waitFor();
      await developer.getByText('Compétences citées par le besoin', { exact: false }).first().waitFor();
      await clean(developer);
      await developer.screenshot({ path: `${SHOTS}/besoins-et-forces-${width}.png`, fullPage: true });
      // The lists side by side on a desktop, one under the other on a phone.
      const needs = await developer.getByRole('region', { name: 'Besoins sans développeurs' }).boundingBox();
      const forces = await developer.getByRole('region', { name: 'Forces disponibles' }).boundingBox();
      if (width === 1280) expect(forces?.y).toBe(needs?.y);
      else expect(forces?.y).toBeGreaterThan((needs?.y ?? 0) + (needs?.height ?? 0) - 1);
      await developer
        .getByRole('listitem')
        .filter({
          has: developer.getByRole('heading', {
            name: 'CPAM des Bouches-du-Rhône pour « Rendez-vous en ligne pour les assurés »',
          }),
        })
        .getByRole('button', { name: /Proposer notre capacité/ })
        .click();
      await settledDialog(developer);
      await clean(developer);
      await developer.screenshot({ path: `${SHOTS}/besoins-et-forces-offre-${width}.png` });
      await developer.keyboard.press('Escape');

      await developer.getByText('EN', { exact: true }).click();
      await developer.getByRole('heading', { level: 1, name: 'Needs and capacity' }).waitFor();
      await developer.getByText('Skills the need mentions', { exact: false }).first().waitFor();
      await developer
        .getByText('The office already works in the domain “Customer relations”')
        .first()
        .waitFor();
      await clean(developer);
      await developer.screenshot({ path: `${SHOTS}/besoins-et-forces-${width}-en.png`, fullPage: true });
      await developer.context().close();
    });
  }
});
