import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, settledDialog, signedInAt, VIEWS } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

/**
 * The developer community in the browser: a developer finds colleagues in the directory and keeps his
 * profile; an office's director applies to become referent of an uncovered region; the DDSI accepts and
 * the coverage table names the office. Axe on every page, at 1280 and 390 px, in French and English.
 */
const env = startServerAndBrowser();
/** Where the screenshots go, when asked for (MUTUALIS_SCREENSHOTS). */
const SHOTS = process.env.MUTUALIS_SCREENSHOTS;
const signedIn = (email: string, width = 1280) => signedInAt(env.browser, env.server.url, email, width);

async function clean(page: Page) {
  await page.waitForLoadState('networkidle');
  expect(await accessibilityViolations(page)).toEqual([]);
}

const regionRow = (page: Page, region: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: region }) });

describe('the developer community', () => {
  it('a developer searches the directory and updates his profile; a director applies, the DDSI accepts', async () => {
    const developer = await signedIn('dev.marseille@mutualis.demo');
    await developer.goto(`${env.server.url}/communaute/developpeurs`);
    await developer.getByRole('heading', { level: 1, name: 'Annuaire des développeurs' }).waitFor();
    await developer.getByRole('searchbox', { name: /Rechercher/ }).fill('twig');
    await developer.getByRole('link', { name: 'Léa Schmitt', exact: true }).waitFor();
    await expect
      .poll(() => developer.getByRole('link', { name: 'Karim Benali', exact: true }).count(), {
        timeout: 10_000,
      })
      .toBe(0);
    await developer
      .getByText('Formée le', { exact: false })
      .or(developer.getByText(/Formé le/))
      .first()
      .waitFor();

    await developer.getByRole('link', { name: 'Mon profil de développeur' }).click();
    await developer.getByRole('heading', { level: 1, name: 'Karim Benali' }).waitFor();
    await developer.getByRole('button', { name: 'Modifier mon profil' }).click();
    const technologies = developer.getByRole('combobox', { name: 'Langages et frameworks' });
    await technologies.fill('Laravel');
    await technologies.press('Enter');
    await developer.getByRole('checkbox', { name: /disponible pour collaborer/ }).check();
    await developer.getByRole('button', { name: 'Enregistrer' }).click();
    await developer.getByText('Profil enregistré.').waitFor();
    await developer.getByText('PHP, Symfony, JavaScript, Oracle, Laravel').waitFor();
    await developer.getByText('Disponible', { exact: true }).waitFor();

    const director = await signedIn('directeur.basrhin@mutualis.demo');
    await director.goto(`${env.server.url}/communaute/referents`);
    await regionRow(director, 'Normandie').getByText('Non couverte').waitFor();
    await director.getByRole('combobox', { name: 'Région' }).click();
    await director.getByRole('option', { name: 'Normandie' }).click();
    await director
      .getByRole('textbox', { name: 'Motivation' })
      .fill('Nous formons déjà les développeurs des caisses normandes qui le souhaitent.');
    await director.getByRole('button', { name: 'Déposer la candidature' }).click();
    await director.getByText('Candidature déposée', { exact: false }).waitFor();
    await expect
      .poll(() => regionRow(director, 'Normandie').getByRole('cell').last().textContent(), {
        timeout: 10_000,
      })
      .toBe('1');

    const ddsi = await signedIn('ddsi@mutualis.demo');
    await ddsi.goto(`${env.server.url}/communaute/referents`);
    const application = ddsi
      .getByRole('row')
      .filter({ hasText: 'Normandie' })
      .filter({ hasText: 'En attente' });
    await application.getByRole('link', { name: 'CPAM du Bas-Rhin' }).click();
    await ddsi
      .getByRole('heading', { level: 1, name: 'Candidature de CPAM du Bas-Rhin pour Normandie' })
      .waitFor();
    await ddsi.getByRole('button', { name: 'Accepter la candidature' }).click();
    const dialog = await settledDialog(ddsi);
    await dialog.getByRole('textbox').fill('Bienvenue parmi les référents.');
    await dialog.getByRole('button', { name: 'Accepter la candidature' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await ddsi.getByRole('cell', { name: 'Bienvenue parmi les référents.' }).waitFor();
    await ddsi.goto(`${env.server.url}/communaute/referents`);
    await regionRow(ddsi, 'Normandie').getByText('CPAM du Bas-Rhin').waitFor();
    await regionRow(ddsi, 'Normandie').getByText('Couverte', { exact: true }).waitFor();
  }, 180_000);
});

describe('accessibility of the community pages (axe, WCAG 2.1 AA)', () => {
  for (const { width, language } of VIEWS)
    it(`at ${width} px in ${language}: the directory, a profile and its form, the referents, an application`, async () => {
      const page = await signedIn('dev.basrhin@mutualis.demo', width);
      await page.evaluate((lang) => localStorage.setItem('mutualis.language', lang), language);
      await page.goto(`${env.server.url}/communaute/developpeurs`);
      await page.getByRole('link', { name: 'Karim Benali' }).waitFor();
      await clean(page);
      await page.getByRole('link', { name: 'Léa Schmitt', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Léa Schmitt' }).waitFor();
      await clean(page);
      await page
        .getByRole('button', { name: language === 'fr' ? 'Modifier mon profil' : 'Edit my profile' })
        .click();
      await page.getByRole('combobox', { name: language === 'fr' ? 'Compétences' : 'Skills' }).waitFor();
      await clean(page);

      const director = await signedIn('directeur.basrhin@mutualis.demo', width);
      await director.evaluate((lang) => localStorage.setItem('mutualis.language', lang), language);
      await director.goto(`${env.server.url}/communaute/referents`);
      await director.getByRole('table').first().waitFor();
      await clean(director);
      const ddsi = await signedIn('ddsi@mutualis.demo', width);
      await ddsi.evaluate((lang) => localStorage.setItem('mutualis.language', lang), language);
      await ddsi.goto(`${env.server.url}/communaute/referents`);
      await ddsi.getByRole('link', { name: 'CPAM des Bouches-du-Rhône' }).first().click();
      await ddsi.getByRole('heading', { level: 1, name: /CPAM des Bouches-du-Rhône/ }).waitFor();
      await clean(ddsi);
      if (SHOTS && width === 390) {
        await director.screenshot({ path: `${SHOTS}/community-referents-390.png`, fullPage: true });
        await page.screenshot({ path: `${SHOTS}/community-profile-390.png`, fullPage: true });
      }
      if (SHOTS && width === 1280) {
        await director.screenshot({ path: `${SHOTS}/community-referents-1280.png`, fullPage: true });
        await page.goto(`${env.server.url}/communaute/developpeurs`);
        await page.getByRole('link', { name: 'Karim Benali' }).waitFor();
        await page.screenshot({ path: `${SHOTS}/community-directory-1280.png`, fullPage: true });
      }
    }, 120_000);
});

describe('the training pages (axe, WCAG 2.1 AA)', () => {
  for (const width of [1280, 390])
    it(`at ${width} px: the sessions with the demand and the form to publish one, a session as its referent, the support page`, async () => {
      const page = await signedIn('dev.basrhin@mutualis.demo', width);
      await page.goto(`${env.server.url}/communaute/formations`);
      await page.getByRole('link', { name: 'Starter kit PHP — promotion Grand Est' }).waitFor();
      await page.getByText('Karim Benali', { exact: false }).waitFor();
      // The referent's form to publish a session is on the list's page.
      await page.getByRole('heading', { name: 'Publier une session' }).waitFor();
      await clean(page);
      await page.getByRole('link', { name: 'Starter kit PHP — promotion Grand Est' }).click();
      await page.getByRole('heading', { level: 1, name: 'Starter kit PHP — promotion Grand Est' }).waitFor();
      await clean(page);
      if (SHOTS && width === 1280)
        await page.screenshot({ path: `${SHOTS}/community-session-1280.png`, fullPage: true });
      // The support page: its opening form and the office's queue.
      await page.goto(`${env.server.url}/support`);
      await page.getByRole('heading', { level: 1, name: 'Support' }).waitFor();
      await page.getByRole('button', { name: 'Ouvrir le ticket' }).waitFor();
      await clean(page);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/support-${width}.png`, fullPage: true });
    }, 120_000);
});
