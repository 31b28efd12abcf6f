import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, postAs, settledDialog, signedInAt } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

const env = startServerAndBrowser();
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

/** A sheet of the signed-in developer's office, in production. */
async function declare(page: Page, name: string, summary: string) {
  const me = await (await page.request.get(`${env.server.url}/api/me`)).json();
  return (await postAs(page, env.server.url, '/api/applications', {
    name,
    summary,
    domainCode: 'informatique-outillage',
    designerOrganisationId: me.organisation.id,
    track: 'nonStandard',
    lifecycleStage: 'inProduction',
    hosting: 'officeServer',
  })) as { id: string; code: string; version: number };
}

const SHEETS = {
  1280: { subject: 'astreintes', shared: 'Planning mutualisé des astreintes' },
  390: { subject: 'habilitations', shared: 'Registre mutualisé des habilitations' },
} as const;

describe('a redundancy resolved on the sheet', () => {
  it('a writer retires a sheet in favour of a shared one: both sheets show it, in French and English, axe clean at 1280 and 390 px', async () => {
    for (const width of [1280, 390] as const) {
      const { subject, shared: sharedName } = SHEETS[width];
      const page = await signedInAt(env.browser, env.server.url, 'dev.basrhin@mutualis.demo', width);
      const shared = await declare(page, sharedName, `Outil partagé par le réseau pour les ${subject}.`);
      const localName = `Tableur local des ${subject}`;
      const local = await declare(page, localName, `Suivi des ${subject} de la caisse, en local.`);

      await page.goto(`${env.server.url}/catalogue/${local.id}`);
      await page.getByRole('heading', { level: 1, name: localName }).waitFor();
      await page.getByRole('button', { name: 'Retirer au profit d’une application mutualisée' }).click();
      const dialog = await settledDialog(page);
      await dialog.getByRole('button', { name: 'Continuer' }).click();
      await dialog.getByText('Choisissez l’application qui la remplace.').waitFor();
      const choice = dialog.getByRole('combobox', { name: 'Application mutualisée qui la remplace' });
      await choice.fill(sharedName);
      await page.getByRole('option', { name: `${sharedName} (${shared.code})` }).click();
      await clean(page, `replacement-choice-${width}`);
      await dialog.getByRole('button', { name: 'Continuer' }).click();
      await dialog
        .getByText(`« ${localName} » sera retirée au profit de « ${sharedName} ».`, { exact: false })
        .waitFor();
      await clean(page, `replacement-confirm-${width}`);

      if (width === 1280) {
        // Someone saves the sheet meanwhile: the API's refusal, in French, and the sheet read again.
        await page.request.fetch(`${env.server.url}/api/applications/${local.id}`, {
          method: 'PATCH',
          data: { version: local.version, summary: 'Suivi des astreintes de la caisse, tableur partagé.' },
          headers: {
            'X-CSRF-Token': (await (await page.request.get(`${env.server.url}/api/me`)).json()).csrfToken,
          },
        });
        await dialog.getByRole('button', { name: 'Confirmer le retrait' }).click();
        await dialog
          .getByRole('alert')
          .getByText(/a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte/)
          .waitFor();
        await dialog.getByRole('button', { name: 'Continuer' }).click();
      }
      await dialog.getByRole('button', { name: 'Confirmer le retrait' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `« ${localName} » est retirée au profit de « ${sharedName} ».` })
        .waitFor();
      const retired = page
        .getByRole('alert')
        .filter({ hasText: /Retirée le \d{1,2}(er)? \S+ \d{4} au profit de/ });
      await retired.waitFor();
      await page.getByText('Retirée', { exact: true }).first().waitFor();
      // Once retired in favour of another, the sheet offers it no more.
      expect(
        await page.getByRole('button', { name: 'Retirer au profit d’une application mutualisée' }).count(),
      ).toBe(0);
      await clean(page, `replacement-retired-${width}`);

      await retired.getByRole('link', { name: `${sharedName} (${shared.code})` }).click();
      await page.getByRole('heading', { level: 1, name: sharedName }).waitFor();
      const replaced = page.getByRole('alert').filter({ hasText: 'Cette application en a remplacé 1 autre' });
      await replaced.getByRole('link', { name: `${localName} (${local.code})` }).waitFor();
      await replaced.getByText(/retirée le \d{1,2}(er)? \S+ \d{4}/).waitFor();
      await clean(page, `replacement-shared-${width}`);

      // In English: the shared sheet, its form, and the retired sheet.
      await page.getByText('EN', { exact: true }).click();
      const english = page.getByRole('alert').filter({ hasText: 'This application replaced 1 other' });
      await english.getByRole('link', { name: `${localName} (${local.code})` }).waitFor();
      await clean(page, `replacement-shared-en-${width}`);
      await page.getByRole('button', { name: 'Retire in favour of a shared application' }).click();
      const form = await settledDialog(page);
      await form.getByRole('combobox', { name: 'Shared application replacing it' }).waitFor();
      await clean(page, `replacement-choice-en-${width}`);
      await form.getByRole('button', { name: 'Cancel' }).click();
      await english.getByRole('link', { name: `${localName} (${local.code})` }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /Retired on \d{1,2} \S+ \d{4} in favour of/ })
        .getByRole('link', { name: `${sharedName} (${shared.code})` })
        .waitFor();
      await clean(page, `replacement-retired-en-${width}`);
      await page.context().close();
    }
  });
});
