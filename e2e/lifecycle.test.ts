import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../web/src/components/dates.ts';
import { accessibilityViolations, newPage, settledDialog, signIn } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

const env = startServerAndBrowser();

async function signedIn(email: string, locale?: string): Promise<Page> {
  const page = await newPage(env.browser, locale);
  await signIn(page, env.server.url, email);
  return page;
}

/** The day as the steps write it (« 1er décembre 2026 »), by the portal's own formatter. */
const longDate = (iso: string) => formatDateTime(iso, 'fr')?.split(' à ')[0] ?? '';

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

describe('lifecycles in Chromium', () => {
  it('an administrator deactivates an account with a reason through its dialog, then reads its lifecycle with its dates', async () => {
    const page = await signedIn('admin@mutualis.demo');
    await page.goto(`${env.server.url}/administration/utilisateurs`);
    const open = page.getByRole('button', { name: 'Désactiver le compte Léa Schmitt' });

    // Focus moves into the dialog, on its first field, and back to the button when it is closed.
    await open.click();
    const dialog = await settledDialog(page);
    const reason = dialog.getByRole('textbox', { name: 'Motif (facultatif)' });
    expect(await isFocused(reason)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => isFocused(open)).toBe(true);

    await open.click();
    await settledDialog(page);
    await dialog.getByText('Ses sessions ouvertes seront fermées immédiatement.').waitFor();
    expect(await dialog.getByRole('row', { name: /^État après l’action/ }).textContent()).toContain(
      'Désactivé',
    );
    await reason.fill('Mutation à la CPAM de la Gironde');
    await dialog.getByRole('button', { name: 'Désactiver le compte' }).click();
    const status = page.getByRole('status').filter({
      hasText: 'Action « Désactiver le compte » effectuée pour Léa Schmitt. Nouvel état : Désactivé.',
    });
    await status.waitFor();
    // The button that opened the dialog is gone: focus is on the message, not lost on the page.
    await expect.poll(() => isFocused(status)).toBe(true);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Léa Schmitt' }) });
    await row.getByRole('button', { name: 'Réactiver le compte Léa Schmitt' }).waitFor();
    expect(await row.textContent()).toContain('Désactivé');

    const link = row.getByRole('link', { name: 'Léa Schmitt' });
    const id = (await link.getAttribute('href'))?.split('/').at(-1);
    const account = await (await page.request.get(`${env.server.url}/api/users/${id}`)).json();
    const [created, deactivated] = account.lifecycles[0].reached as { state: string; at: string }[];
    expect([created?.state, deactivated?.state]).toEqual(['active', 'deactivated']);

    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Léa Schmitt' }).waitFor();
    const steps = page.getByRole('list', { name: 'Étapes — Statut du compte' });
    // The current state is marked in words (and for screen readers), not by colour alone.
    const current = steps.locator('[aria-current="step"]');
    await current.getByText('État actuel').waitFor();
    await current.getByText('Désactivé', { exact: true }).waitFor();
    await current.getByText(`depuis le ${longDate(deactivated?.at ?? '')} à`).waitFor();
    const first = steps.getByRole('listitem').first();
    await first.getByText('Actif', { exact: true }).waitFor();
    await first.getByText(`atteint le ${longDate(created?.at ?? '')} à`).waitFor();
    await page.getByText('Historique des états (2)').click();
    await page.getByRole('button', { name: 'Réactiver le compte' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('on their own account, an administrator reads why they cannot deactivate it, in French and in English', async () => {
    const page = await signedIn('admin@mutualis.demo');
    await page.goto(`${env.server.url}/administration/utilisateurs`);
    await page.getByRole('link', { name: 'Alice Administratrice', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Alice Administratrice' }).waitFor();
    await page.getByText('Actions impossibles pour le moment').waitFor();
    const refused = page.getByRole('listitem').filter({ hasText: 'Désactiver le compte' }).first();
    await refused
      .getByText('Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.')
      .waitFor();
    await refused.getByText('Qui peut le faire : Administrateur.').waitFor();
    expect(await page.getByRole('button', { name: 'Désactiver le compte' }).count()).toBe(0);

    await page.getByText('EN', { exact: true }).click();
    await page.getByText('You cannot deactivate your own account: ask another administrator.').waitFor();
    await page.getByText('One more action, possible at another step').click();
    await page.getByText('Possible when the state is: Deactivated.').waitFor();
    await page.getByText('FR', { exact: true }).click();
    await page.context().close();
  });

  it('when another administrator acted meanwhile, the dialog is refused, read again, and says the action is no longer possible', async () => {
    const first = await signedIn('admin@mutualis.demo');
    await first.goto(`${env.server.url}/administration/utilisateurs`);
    await first.getByRole('button', { name: 'Désactiver le compte Claire Dubois' }).click();
    const dialog = await settledDialog(first);

    const second = await signedIn('admin@mutualis.demo');
    await second.goto(`${env.server.url}/administration/utilisateurs`);
    await second.getByRole('button', { name: 'Désactiver le compte Claire Dubois' }).click();
    await (await settledDialog(second)).getByRole('button', { name: 'Désactiver le compte' }).click();
    await second.getByRole('status').waitFor();
    await second.context().close();

    await dialog.getByRole('button', { name: 'Désactiver le compte' }).click();
    const refusal = dialog.getByRole('alert').filter({ hasText: 'Cette action n’est plus possible' });
    await refusal
      .getByText("L'action « Désactiver le compte » n'est pas possible dans l'état « Désactivé ».")
      .waitFor();
    await expect
      .poll(() => isFocused(dialog.locator('form').getByRole('button', { name: 'Fermer' })))
      .toBe(true);
    expect(await dialog.getByRole('button', { name: 'Désactiver le compte' }).count()).toBe(0);
    await first.context().close();
  });

  it('the DDSI withdraws and grants a certification, an administrator archives and restores a sheet', async () => {
    const ddsi = await signedIn('ddsi@mutualis.demo');
    await ddsi.goto(`${env.server.url}/catalogue?q=GesCongés`);
    await ddsi.getByRole('link', { name: 'GesCongés' }).click();
    await ddsi.getByRole('tab', { name: 'Publication et certification' }).click();
    const certification = ddsi.getByRole('region', { name: 'Certification' });
    await certification.locator('[aria-current="step"]').getByText('Homologuée').waitFor();

    await certification.getByRole('button', { name: 'Retirer la certification' }).click();
    const dialog = await settledDialog(ddsi);
    await dialog.getByRole('button', { name: 'Retirer la certification' }).click();
    // The server's field error, under the field.
    await dialog.getByText('Indiquez le motif du retrait (3 caractères au moins).').waitFor();
    expect(await accessibilityViolations(ddsi)).toEqual([]);
    await dialog.getByRole('textbox', { name: 'Motif du retrait' }).fill('Procès-verbal de recette annulé');
    await dialog.getByRole('button', { name: 'Retirer la certification' }).click();
    await ddsi.getByRole('status').filter({ hasText: 'Nouvel état : Certification retirée.' }).waitFor();

    await certification.getByRole('button', { name: 'Certifier' }).click();
    await settledDialog(ddsi);
    await dialog
      .getByRole('textbox', { name: 'Fondement de la décision (procès-verbal, référence)' })
      .fill('PV de recette nationale 2026-14');
    await dialog.getByLabel('Date de la décision').fill('2026-03-02');
    await dialog.getByRole('button', { name: 'Certifier' }).click();
    await ddsi.getByRole('status').filter({ hasText: 'Nouvel état : Homologuée.' }).waitFor();
    // Checked once the dialog has faded out (half-transparent while it closes).
    await dialog.waitFor({ state: 'hidden' });
    expect(await accessibilityViolations(ddsi)).toEqual([]);
    await ddsi.context().close();

    const admin = await signedIn('admin@mutualis.demo');
    await admin.goto(`${env.server.url}/catalogue?q=GesCongés`);
    await admin.getByRole('link', { name: 'GesCongés' }).click();
    await admin.getByRole('button', { name: 'Archiver la fiche' }).click();
    await settledDialog(admin);
    await admin
      .getByRole('dialog')
      .getByRole('textbox', { name: "Motif de l'archivage" })
      .fill('Remplacée par une application nationale');
    await admin.getByRole('dialog').getByRole('button', { name: 'Archiver la fiche' }).click();
    await admin.getByRole('status').filter({ hasText: 'La fiche « GesCongés » est archivée' }).waitFor();
    await admin.getByRole('button', { name: 'Restaurer la fiche' }).click();
    await settledDialog(admin);
    await admin.getByRole('dialog').getByRole('button', { name: 'Restaurer la fiche' }).click();
    await admin.getByRole('status').filter({ hasText: 'La fiche « GesCongés » est restaurée' }).waitFor();
    await admin.context().close();
  });
});
