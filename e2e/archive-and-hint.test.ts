import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, newPage, settledDialog, signIn } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

const env = startServerAndBrowser();

async function signedIn(email: string): Promise<Page> {
  const page = await newPage(env.browser);
  await signIn(page, env.server.url, email);
  return page;
}

describe('declaring and archiving sheets in Chromium', () => {
  it('the form shows the sheets like the one being typed, announced politely', async () => {
    const page = await signedIn('dev.basrhin@mutualis.demo');
    await page.goto(`${env.server.url}/catalogue/nouvelle`);
    await page.getByRole('heading', { level: 1, name: 'Déclarer une application' }).waitFor();
    const hint = page.locator('#duplicate-hint');
    expect(await hint.getAttribute('aria-live')).toBe('polite');
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Recouvrement des indus');
    await page
      .getByRole('textbox', { name: 'Description courte' })
      .fill('Relances des assurés débiteurs et plans de recouvrement des indus de prestations.');
    await hint.filter({ hasText: /fiches? semblables? existe/ }).waitFor();
    await page.getByRole('link', { name: 'Recouvrement des indus' }).waitFor();
    await page.getByRole('link', { name: 'Suivi des indus' }).waitFor();
    expect(await page.getByRole('link', { name: 'Recouvrement des indus' }).getAttribute('target')).toBe(
      '_blank',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    // A name unlike any sheet: the hint goes quiet.
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Xylophone quantique');
    await page.getByRole('textbox', { name: 'Description courte' }).fill('Rien de connu.');
    await expect.poll(() => hint.textContent()).toBe('');
    expect(await page.getByRole('link', { name: 'Recouvrement des indus' }).count()).toBe(0);
    await page.context().close();
  });

  it('archive with a reason, find it under "Archivées seulement", restore it: never "En production" while archived', async () => {
    const admin = await signedIn('admin@mutualis.demo');
    await admin.goto(`${env.server.url}/catalogue?q=${encodeURIComponent('Suivi des indus')}`);
    await admin.getByRole('link', { name: 'Suivi des indus' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Suivi des indus' }).waitFor();
    await admin.getByText('En production', { exact: true }).first().waitFor();

    await admin.getByRole('button', { name: 'Archiver la fiche' }).click();
    const dialog = await settledDialog(admin);
    await dialog.getByRole('button', { name: 'Archiver la fiche' }).click();
    await dialog.getByText("Indiquez le motif de l'archivage (3 caractères au moins).").waitFor();
    await dialog
      .getByRole('textbox', { name: "Motif de l'archivage" })
      .fill('Fusionnée avec Recouvrement des indus');
    await dialog.getByRole('button', { name: 'Archiver la fiche' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: 'La fiche « Suivi des indus » est archivée' })
      .waitFor();
    await admin.getByRole('button', { name: 'Restaurer la fiche' }).waitFor();
    expect(await admin.getByText('En production').count()).toBe(0);
    await admin.getByRole('tab', { name: 'Présentation' }).click();
    expect(await admin.getByText('En production').count()).toBe(0);
    await admin.getByRole('tab', { name: 'Publication et certification' }).click();
    // The reason, in the history of the sheet's record.
    const record = admin.getByRole('region', { name: 'Publication de la fiche' });
    await record.getByText(/^Historique des états/).click();
    await record.getByText("Motif de l'archivage : Fusionnée avec Recouvrement des indus").waitFor();

    // The catalogue leaves it out, and finds it among the archived sheets only.
    await admin.goto(`${env.server.url}/catalogue?q=indus`);
    await admin.getByRole('link', { name: 'Recouvrement des indus' }).waitFor();
    expect(await admin.getByRole('link', { name: 'Suivi des indus' }).count()).toBe(0);
    await admin.getByRole('radio', { name: 'Archivées seulement' }).check();
    await admin.getByText('1 résultat', { exact: true }).waitFor();
    expect(admin.url()).toContain('archived=only');
    const card = admin
      .getByRole('article')
      .filter({ has: admin.getByRole('link', { name: 'Suivi des indus' }) });
    await card.getByText('Archivée', { exact: true }).waitFor();
    expect(await admin.getByRole('main').getByText('En production').count()).toBe(0);
    expect(await accessibilityViolations(admin)).toEqual([]);

    await card.getByRole('link', { name: 'Suivi des indus' }).click();
    await admin.getByRole('button', { name: 'Restaurer la fiche' }).click();
    const restore = await settledDialog(admin);
    await restore.getByRole('button', { name: 'Restaurer la fiche' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: 'La fiche « Suivi des indus » est restaurée' })
      .waitFor();
    await admin.getByText('En production', { exact: true }).first().waitFor();
    await admin.goto(`${env.server.url}/catalogue?q=indus`);
    await admin.getByRole('link', { name: 'Suivi des indus' }).waitFor();
    await admin.context().close();
  });
});
