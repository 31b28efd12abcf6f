import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, settledDialog, signedInAt } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

const env = startServerAndBrowser();
const RUNNING = 'Recette de la version 1.4 par les caisses pilotes';
const SIGNED = 'Recette nationale de la version 3.0';

const signedIn = (email: string, width = 1280) => signedInAt(env.browser, env.server.url, email, width);

async function openCampaign(page: Page, title: string) {
  await page.goto(`${env.server.url}/recettes`);
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return page.url();
}

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

describe('an acceptance campaign, from its testers to the signed report and the delivery', () => {
  it('testers execute cases, raise then close an anomaly; the accountant signs; the PDF verifies; the project is delivered and labelled', async () => {
    // A tester of the pilot offices records the last case and raises a blocking anomaly, then closes it.
    const tester = await signedIn('agent.rhone@mutualis.demo');
    const campaignUrl = await openCampaign(tester, RUNNING);
    await tester
      .getByRole('group', { name: 'Résultat de CT-05' })
      .getByRole('button', { name: 'Réussi' })
      .click();
    await tester
      .getByRole('row', { name: /CT-05/ })
      .getByText(/Réussi le/)
      .waitFor();
    await tester
      .getByRole('textbox', { name: 'Titre de l’anomalie' })
      .fill('La pièce jointe est perdue au rattachement');
    await tester.getByRole('combobox', { name: 'Gravité' }).click();
    await tester.getByRole('option', { name: 'Bloquante' }).click();
    await tester.getByRole('button', { name: 'Signaler une anomalie' }).click();
    const raised = tester.getByRole('row', { name: /AN-2 La pièce jointe est perdue/ });
    await raised.getByText('Ouverte').waitFor();
    await raised.getByRole('button', { name: 'Clore après nouveau test' }).click();
    await raised.getByText('Close').waitFor();
    const first = tester.getByRole('row', { name: /AN-1/ });
    await first.getByRole('button', { name: 'Clore après nouveau test' }).click();
    await first.getByText('Close').waitFor();

    // The DDSI asks for the report; the national accountant signs it with reservations.
    const ddsi = await signedIn('ddsi@mutualis.demo');
    await ddsi.goto(campaignUrl);
    await fireFromPanel(ddsi, /^Demander le procès-verbal/);
    const accountant = await signedIn('comptable@mutualis.demo');
    await accountant.goto(campaignUrl);
    await fireFromPanel(accountant, /^Signer le procès-verbal/, async (dialog) => {
      await dialog.getByRole('combobox', { name: 'Décision' }).click();
      await accountant.getByRole('option', { name: 'Recette prononcée avec réserves' }).click();
      await dialog.getByRole('textbox', { name: /Observations/ }).fill('Statistiques d’accueil à reprendre.');
    });
    await accountant.getByRole('link', { name: 'Voir le procès-verbal' }).click();
    await accountant.getByRole('heading', { level: 1, name: /^Procès-verbal PV-\d{4}-\d{4}$/ }).waitFor();
    const reportId = accountant.url().split('/').pop() as string;
    const pdf = await accountant.request.get(`${env.server.url}/api/acceptance-reports/${reportId}/pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await accountant.getByRole('link', { name: 'Vérifier son intégrité' }).click();
    await accountant.getByText('Procès-verbal authentique et intact.').waitFor();

    // The project can now be delivered; its sheet shows « Labellisée ».
    const admin = await signedIn('admin@mutualis.demo');
    const campaign = await (
      await admin.request.get(`${env.server.url}/api/acceptance-campaigns/${campaignUrl.split('/').pop()}`)
    ).json();
    await admin.goto(`${env.server.url}/projets/${campaign.subject.id}`);
    await fireFromPanel(admin, /^Livrer(?! sans)/);
    await admin.getByRole('status').filter({ hasText: 'Livré' }).waitFor();
    const list = await (
      await admin.request.get(`${env.server.url}/api/acceptance-reports?projectId=${campaign.subject.id}`)
    ).json();
    await admin.goto(`${env.server.url}/catalogue/${list.items[0].applicationId}`);
    await admin.getByText('Labellisée').first().waitFor();
  }, 180_000);
});

describe('accessibility of the acceptance pages (axe, WCAG 2.1 AA)', () => {
  for (const width of [1280, 390])
    for (const language of ['fr', 'en'])
      it(`at ${width} px in ${language}: the campaigns, a signed campaign, its report and the public verification`, async () => {
        const page = await signedIn('comptable@mutualis.demo', width);
        await page.evaluate((lang) => localStorage.setItem('mutualis.language', lang), language);
        await page.goto(`${env.server.url}/recettes`);
        await page.getByRole('link', { name: SIGNED }).waitFor();
        await clean(page);
        await page.getByRole('link', { name: SIGNED }).click();
        await page.getByRole('heading', { level: 1, name: SIGNED }).waitFor();
        await clean(page);
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
