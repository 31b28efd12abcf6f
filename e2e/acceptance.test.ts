import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, postAs, settledDialog, signedInAt, VIEWS } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

const env = startServerAndBrowser();
const SIGNED = 'Recette nationale de la version 3.0';
const RUNNING = 'Recette de la version 1.4 par les caisses pilotes';
const SHOTS = process.env.MUTUALIS_SCREENSHOTS ?? '/tmp';

const signedIn = (email: string, width = 1280) => signedInAt(env.browser, env.server.url, email, width);

async function fireFromPanel(
  page: Page,
  action: RegExp,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByRole('button', { name: action }).click();
  const dialog = await settledDialog(page);
  await fill?.(dialog);
  await dialog.getByRole('button', { name: action }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function clean(page: Page) {
  await page.waitForLoadState('networkidle');
  expect(await accessibilityViolations(page)).toEqual([]);
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function workbook(rows: string[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Plan');
  sheet.addRow(['Code', 'Titre', 'Étapes', 'Résultat attendu', 'Exigences', 'Domaines fonctionnels']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A labelling project of the Bas-Rhin office, sponsored by the DDGOS, moved to its acceptance phase by the API. */
async function projectInAcceptance(developer: Page, title: string) {
  const url = env.server.url;
  const project = await postAs(developer, url, '/api/projects', {
    title,
    need: 'Chaque caisse recense à la main les rendez-vous pris au guichet et au téléphone.',
    domainCode: 'informatique-outillage',
    track: 'labelling',
    forgeUrl: 'https://forge.assurance-maladie.fr/cpam-67/rendez-vous',
  });
  const directorates = await (
    await developer.request.get(`${url}/api/organisations?type=national&pageSize=100`)
  ).json();
  const ddgos = directorates.items.find((o: { code: string }) => o.code === 'CNAM-DDGOS');
  const request = await postAs(developer, url, `/api/projects/${project.id}/sponsorship-requests`, {
    directorateId: ddgos.id,
    pitch: 'Un besoin partagé par toutes les caisses du réseau.',
  });
  const sponsor = await signedIn('sponsor@mutualis.demo');
  await postAs(sponsor, url, `/api/sponsorship-requests/${request.id}/decision`, {
    decision: 'accepted',
    rationale: 'Priorité nationale.',
    version: request.version,
  });
  await sponsor.context().close();
  for (const action of ['frame', 'startDevelopment', 'submitForAcceptance']) {
    const current = await (await developer.request.get(`${url}/api/projects/${project.id}`)).json();
    await postAs(developer, url, `/api/projects/${project.id}/transitions`, {
      action,
      version: current.version,
    });
  }
  return project.id as string;
}

const requirement = (page: Page, code: string) =>
  page.getByRole('article').filter({ has: page.getByRole('heading', { level: 3, name: code, exact: true }) });

describe('a labelling project, from its grid to the signed report and the delivery', () => {
  it('the developer answers the grid, the DDSI validates, testers execute and raise then close an anomaly, the accountant signs, the PDF verifies, the project is delivered and its sheet labelled', async () => {
    const title = 'Prise de rendez-vous en agence';
    const developer = await signedIn('dev.basrhin@mutualis.demo');
    const projectId = await projectInAcceptance(developer, title);

    // The developer starts the evaluation and answers every requirement of the grid.
    await developer.goto(`${env.server.url}/projets/${projectId}`);
    await developer.getByRole('button', { name: "Engager l'évaluation" }).click();
    await developer.getByRole('heading', { level: 1, name: `Évaluation — ${title}` }).waitFor();
    const evaluationUrl = developer.url();
    const evaluation = await (
      await developer.request.get(`${env.server.url}/api/evaluations/${evaluationUrl.split('/').pop()}`)
    ).json();
    const sections = evaluation.sections as { reviewer: string; requirements: { code: string }[] }[];
    expect(sections.flatMap((s) => s.requirements).length).toBeGreaterThan(10);
    for (const { requirements } of sections)
      for (const { code } of requirements) {
        const item = requirement(developer, code);
        await item.getByRole('button', { name: `Répondre ${code}` }).click();
        await item.getByRole('radio', { name: 'Satisfaite', exact: true }).check();
        await item.getByRole('button', { name: `Enregistrer la réponse ${code}` }).click();
        await item.getByText('À relire').waitFor();
      }

    // Each section's reviewer validates: the DDSI the technical items, the DDO the CNIL's, the DDFC/DC2R its own.
    const reviewers: Record<string, string> = {
      itDirectorate: 'ddsi@mutualis.demo',
      operationsDirectorate: 'ddo@mutualis.demo',
      nationalAccountant: 'comptable@mutualis.demo',
    };
    for (const [role, email] of Object.entries(reviewers)) {
      const reviewer = await signedIn(email);
      await reviewer.goto(evaluationUrl);
      for (const section of sections.filter((s) => s.reviewer === role))
        for (const { code } of section.requirements) {
          await requirement(reviewer, code)
            .getByRole('button', { name: `Valider ${code}` })
            .click();
          await requirement(reviewer, code).getByText('Validée', { exact: true }).waitFor();
        }
      await reviewer.context().close();
    }

    // The DDSI opens the campaign from the project page, writes a case and imports the rest of the plan.
    const ddsi = await signedIn('ddsi@mutualis.demo');
    await ddsi.goto(`${env.server.url}/projets/${projectId}`);
    await ddsi
      .getByRole('region', { name: 'Recette nationale' })
      .getByText('Aucune campagne de recette n’est ouverte.')
      .waitFor();
    await ddsi.getByRole('link', { name: 'Ouvrir une campagne de recette' }).click();
    await ddsi.getByRole('heading', { level: 1, name: 'Ouvrir une campagne de recette' }).waitFor();
    await ddsi.getByText(`Pour ${title}.`, { exact: false }).waitFor();
    await ddsi.getByRole('button', { name: 'Ouvrir la campagne' }).click();
    await ddsi.getByRole('alert').getByText('Le titre de la campagne est obligatoire.').first().waitFor();
    await clean(ddsi);
    await ddsi
      .getByRole('textbox', { name: 'Titre de la campagne' })
      .fill('Recette nationale des rendez-vous');
    await ddsi.getByRole('textbox', { name: 'Version recettée' }).fill('1.0.0');
    await ddsi.getByRole('combobox', { name: 'Testeurs nommés' }).fill('agent.rhone');
    await ddsi
      .getByRole('option', { name: /CPAM du Rhône/ })
      .first()
      .click();
    await ddsi.getByRole('button', { name: 'Ouvrir la campagne' }).click();
    await ddsi.getByRole('heading', { level: 1, name: 'Recette nationale des rendez-vous' }).waitFor();
    const campaignUrl = ddsi.url();
    await ddsi.getByRole('textbox', { name: 'Code' }).fill('CT-01');
    await ddsi.getByRole('textbox', { name: 'Cas de test' }).fill('Prendre un rendez-vous au guichet');
    await ddsi.getByRole('textbox', { name: 'Exigences' }).fill('tec-02, sec-01');
    await ddsi.getByRole('textbox', { name: 'Domaines fonctionnels' }).fill('Accueil');
    await ddsi.getByRole('button', { name: 'Ajouter le cas de test' }).click();
    await ddsi
      .getByRole('row', { name: /CT-01 Prendre un rendez-vous au guichet TEC-02, SEC-01 Accueil/ })
      .waitFor();
    const plan = ddsi.locator('section', {
      has: ddsi.getByRole('heading', { name: 'Importer un plan de tests (XLSX)' }),
    });
    const workbookType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await plan.locator('input[type=file]').setInputFiles({
      name: 'plan.xlsx',
      mimeType: workbookType,
      buffer: await workbook([['CT-02', 'Annuler un rendez-vous', '', '', 'SEC 02', 'Accueil']]),
    });
    await plan.getByRole('button', { name: 'Importer le plan' }).click();
    await plan.getByText('Ligne 2, colonne « Exigences »', { exact: false }).waitFor();
    await clean(ddsi);
    await plan.locator('input[type=file]').setInputFiles({
      name: 'plan.xlsx',
      mimeType: workbookType,
      buffer: await workbook([
        ['CT-02', 'Annuler un rendez-vous', 'Ouvrir, annuler', 'Créneau libéré', 'SEC-02', 'Accueil'],
      ]),
    });
    await plan.getByRole('button', { name: 'Importer le plan' }).click();
    await plan.getByRole('status').getByText('Cas de test importés : 1.').waitFor();
    await clean(ddsi);
    await fireFromPanel(ddsi, /^Lancer la campagne/);

    // The tester of the Rhône office executes, attaches a screenshot, raises a blocking anomaly, re-tests, closes it.
    const tester = await signedIn('agent.rhone@mutualis.demo');
    await tester.goto(campaignUrl);
    const resultOf = (code: string) => tester.getByRole('group', { name: `Résultat de ${code}` });
    await resultOf('CT-01').getByRole('button', { name: 'Réussi' }).click();
    await tester
      .getByRole('row', { name: /CT-01/ })
      .getByText(/Réussi le/)
      .waitFor();
    await resultOf('CT-02').getByRole('button', { name: 'En échec' }).click();
    const ct02 = tester.getByRole('row', { name: /CT-02/ });
    await ct02.getByText(/En échec le/).waitFor();
    await ct02
      .locator('input[type=file]')
      .setInputFiles({ name: 'creneau-non-libere.png', mimeType: 'image/png', buffer: PNG });
    await ct02.getByRole('button', { name: 'Joindre' }).click();
    await ct02.getByRole('link', { name: 'creneau-non-libere.png' }).waitFor();
    await tester
      .getByRole('textbox', { name: 'Titre de l’anomalie' })
      .fill('Le créneau annulé reste réservé');
    await tester.getByRole('combobox', { name: 'Gravité' }).click();
    await tester.getByRole('option', { name: 'Bloquante' }).click();
    await tester.getByRole('button', { name: 'Signaler une anomalie' }).click();
    const anomaly = tester.getByRole('row', { name: /AN-1 Le créneau annulé reste réservé/ });
    await anomaly.getByText('Ouverte').waitFor();
    await clean(tester);
    await resultOf('CT-02').getByRole('button', { name: 'Réussi' }).click();
    await ct02.getByText(/Réussi le/).waitFor();
    await anomaly.getByRole('button', { name: 'Clore après nouveau test' }).click();
    await anomaly.getByText('Close').waitFor();

    // The DDSI asks for the report; the national accountant signs it.
    await ddsi.goto(campaignUrl);
    await fireFromPanel(ddsi, /^Demander le procès-verbal/);
    const accountant = await signedIn('comptable@mutualis.demo');
    await accountant.goto(campaignUrl);
    await fireFromPanel(accountant, /^Signer le procès-verbal/, async (dialog) => {
      await dialog.getByRole('combobox', { name: 'Décision' }).click();
      await accountant.getByRole('option', { name: 'Recette prononcée', exact: true }).click();
    });
    await accountant.getByRole('link', { name: 'Voir le procès-verbal' }).click();
    await accountant.getByRole('heading', { level: 1, name: /^Procès-verbal PV-\d{4}-\d{4}$/ }).waitFor();

    // On the project page: the report, its signed PDF (downloaded) and its public verification; the delivery.
    await developer.goto(`${env.server.url}/projets/${projectId}`);
    const card = developer.getByRole('region', { name: 'Recette nationale' });
    await card.getByText(/^PV-\d{4}-\d{4} — Recette prononcée, version 1\.0\.0, signé le /).waitFor();
    const [download] = await Promise.all([
      developer.waitForEvent('download'),
      card.getByRole('link', { name: /^Télécharger le PDF signé PV-/ }).click(),
    ]);
    const pdf = readFileSync((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await clean(developer);
    await card.getByRole('link', { name: /^Vérifier le procès-verbal PV-/ }).click();
    await developer.getByText('Procès-verbal authentique et intact.').waitFor();
    await developer.goto(`${env.server.url}/projets/${projectId}`);
    await fireFromPanel(developer, /^Livrer(?! sans)/);
    await developer.getByRole('status').filter({ hasText: 'Livré' }).waitFor();
    const reports = await (
      await developer.request.get(`${env.server.url}/api/acceptance-reports?projectId=${projectId}`)
    ).json();
    await developer.goto(`${env.server.url}/catalogue/${reports.items[0].applicationId}`);
    await developer.getByText('Labellisée').first().waitFor();
    for (const page of [developer, ddsi, tester, accountant]) await page.context().close();
  }, 480_000);
});

describe('accessibility of the acceptance pages (axe, WCAG 2.1 AA)', () => {
  for (const { width, language } of VIEWS)
    it(`at ${width} px in ${language}: the campaigns, a signed campaign, its report and the public verification`, async () => {
      const page = await signedIn('comptable@mutualis.demo', width);
      await page.evaluate((lang) => localStorage.setItem('mutualis.language', lang), language);
      await page.goto(`${env.server.url}/recettes`);
      await page.getByRole('link', { name: SIGNED }).waitFor();
      await clean(page);
      await page.getByRole('link', { name: RUNNING }).click();
      await page.getByRole('heading', { level: 1, name: RUNNING }).waitFor();
      await clean(page);
      await page.screenshot({ path: `${SHOTS}/recette-en-cours-${width}-${language}.png`, fullPage: true });
      await page.goto(`${env.server.url}/recettes`);
      await page.getByRole('link', { name: SIGNED }).click();
      await page.getByRole('heading', { level: 1, name: SIGNED }).waitFor();
      await clean(page);
      const signedUrl = page.url();
      // The project of the signed campaign lists it with its report; a manager may open another campaign.
      await page.locator('main a[href^="/projets/"]').first().click();
      await page
        .getByRole('region', { name: language === 'fr' ? 'Recette nationale' : 'National acceptance' })
        .getByText(/PV-/)
        .first()
        .waitFor();
      await clean(page);
      await page.screenshot({ path: `${SHOTS}/projet-recette-${width}-${language}.png`, fullPage: true });
      await page
        .getByRole('link', {
          name: language === 'fr' ? 'Ouvrir une campagne de recette' : 'Open an acceptance campaign',
        })
        .click();
      await page
        .getByRole('heading', {
          level: 1,
          name: language === 'fr' ? 'Ouvrir une campagne de recette' : 'Open an acceptance campaign',
        })
        .waitFor();
      await clean(page);
      await page.screenshot({ path: `${SHOTS}/recette-nouvelle-${width}-${language}.png`, fullPage: true });
      await page.goto(signedUrl);
      await page
        .getByRole('link', { name: language === 'fr' ? 'Voir le procès-verbal' : 'See the report' })
        .click();
      await page.getByRole('heading', { level: 1, name: /PV-/ }).waitFor();
      await clean(page);
      const verification = page.url().replace('/recettes/pv/', '/verification/pv/');
      const outside = await env.browser.newContext({ viewport: { width, height: 900 } });
      const anonymous = await outside.newPage();
      await anonymous.goto(verification);
      await anonymous.getByRole('status').waitFor();
      await clean(anonymous);
      await outside.close();
      await page.context().close();
    }, 120_000);
});
