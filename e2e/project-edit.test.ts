import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, newPage, settledDialog, signIn } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

const env = startServerAndBrowser();

async function signedIn(email: string, width: number): Promise<Page> {
  const page = await newPage(env.browser);
  await page.setViewportSize({ width, height: 900 });
  await signIn(page, env.server.url, email);
  return page;
}

/** A call to the API with the page's session (its CSRF token from /api/me). */
async function call(page: Page, method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) {
  const me = await (await page.request.get(`${env.server.url}/api/me`)).json();
  const response = await page.request.fetch(`${env.server.url}${path}`, {
    method,
    ...(data === undefined ? {} : { data }),
    headers: { 'X-CSRF-Token': me.csrfToken },
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return response.json();
}

async function clean(page: Page) {
  await page.waitForLoadState('networkidle');
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** Screenshots to look at, when SCREENSHOT_DIR names a folder. */
const shoot = async (page: Page, name: string, width: number) => {
  if (process.env.SCREENSHOT_DIR)
    await page.screenshot({
      path: `${process.env.SCREENSHOT_DIR}/project-edit-${width}-${name}.png`,
      fullPage: true,
    });
};

/** A labelling project of the CPAM du Bas-Rhin, sponsored by the DDGOS and framed: development is open. */
async function sponsoredProject(holder: Page, sponsor: Page, title: string) {
  const project = await call(holder, 'POST', '/api/projects', {
    title,
    need: 'Les caisses suivent leurs conventions avec les partenaires dans des tableurs.',
    domainCode: 'ressources-humaines',
    track: 'labelling',
    forgeUrl: 'https://forge.assurance-maladie.fr/cpam-67/conventions',
  });
  const directorates = await call(holder, 'GET', '/api/organisations?type=national&pageSize=100');
  const ddgos = directorates.items.find((o: { code: string }) => o.code === 'CNAM-DDGOS');
  const asked = await call(holder, 'POST', `/api/projects/${project.id}/sponsorship-requests`, {
    directorateId: ddgos.id,
    pitch: 'Un suivi commun des conventions, utile à toutes les caisses du réseau.',
  });
  await call(sponsor, 'POST', `/api/sponsorship-requests/${asked.id}/decision`, {
    decision: 'accepted',
    rationale: 'Priorité de la DDGOS.',
    version: asked.version,
  });
  const current = await call(holder, 'GET', `/api/projects/${project.id}`);
  await call(holder, 'POST', `/api/projects/${project.id}/transitions`, {
    action: 'frame',
    version: current.version,
  });
  return project.id as string;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('editing a project, its files, withdrawing its sponsorship', () => {
  for (const width of [1280, 390]) {
    it(`at ${width} px: edits past a refusal and a stale version, attaches a document, withdraws the sponsorship`, async () => {
      const title = `Suivi des conventions (${width})`;
      const holder = await signedIn('dev.basrhin@mutualis.demo', width);
      const sponsor = await signedIn('sponsor@mutualis.demo', width);
      const id = await sponsoredProject(holder, sponsor, title);

      await holder.goto(`${env.server.url}/projets/${id}`);
      await holder.getByRole('heading', { level: 1, name: title }).waitFor();
      await holder.getByRole('link', { name: 'Modifier le projet' }).click();
      await holder.getByRole('heading', { level: 1, name: `Modifier « ${title} »` }).waitFor();
      expect(await holder.getByRole('textbox', { name: 'Titre du projet' }).inputValue()).toBe(title);
      await clean(holder);
      await shoot(holder, 'form', width);
      expect(await holder.evaluate(() => document.scrollingElement?.scrollWidth)).toBe(width);

      // The server's refusal, next to the field it names.
      await holder.getByRole('textbox', { name: 'Titre du projet' }).fill('ab');
      await holder.getByRole('button', { name: 'Enregistrer' }).click();
      await holder.getByRole('alert').filter({ hasText: 'Le projet n’a pas été enregistré' }).waitFor();
      await holder.getByText('Le titre compte au moins 3 caractères.').first().waitFor();
      await clean(holder);

      // Someone saves in between: the save is refused (409) and the form reloads what is saved now.
      const renamed = `${title} — revu`;
      await holder.getByRole('textbox', { name: 'Titre du projet' }).fill(renamed);
      await holder.getByRole('button', { name: 'Ajouter un contact' }).click();
      await holder.getByRole('textbox', { name: 'Nom' }).fill('Léa Schmitt');
      await holder.getByRole('textbox', { name: 'Rôle' }).fill('Cheffe de projet');
      const now = await call(holder, 'GET', `/api/projects/${id}`);
      await call(holder, 'PATCH', `/api/projects/${id}`, {
        version: now.version,
        need: `${now.need} Changé ailleurs.`,
      });
      await holder.getByRole('button', { name: 'Enregistrer' }).click();
      const conflict = holder.getByRole('alert').filter({ hasText: 'Projet modifié entre-temps' });
      await conflict.getByText(/Ce projet a été modifié par quelqu'un d'autre/).waitFor();
      await clean(holder);
      await shoot(holder, 'conflict', width);
      await conflict.getByRole('button', { name: /Recharger le projet à jour/ }).click();
      await expect
        .poll(() => holder.getByRole('textbox', { name: 'Le besoin' }).inputValue())
        .toContain('Changé ailleurs.');
      expect(await holder.getByRole('alert').count()).toBe(0);
      await holder.getByRole('textbox', { name: 'Titre du projet' }).fill(renamed);
      await holder.getByRole('button', { name: 'Ajouter un contact' }).click();
      await holder.getByRole('textbox', { name: 'Nom' }).fill('Léa Schmitt');
      await holder.getByRole('textbox', { name: 'Début prévu' }).first().fill('2027-01-04');
      await holder.getByRole('button', { name: 'Enregistrer' }).click();
      await holder.getByRole('heading', { level: 1, name: renamed }).waitFor();
      await expect
        .poll(() => holder.getByRole('row', { name: /Contacts/ }).textContent())
        .toContain('Léa Schmitt');

      // A document, attached from the project page and listed there.
      const files = holder.getByRole('region', { name: 'Fichiers du projet' });
      await files.getByRole('combobox', { name: 'Type de fichier' }).click();
      await holder.getByRole('option', { name: 'Document' }).click();
      await files
        .getByLabel('Fichier', { exact: true })
        .setInputFiles({ name: 'convention-type.pdf', mimeType: 'application/pdf', buffer: PDF });
      await files.getByRole('button', { name: 'Envoyer' }).click();
      await files
        .getByRole('status')
        .filter({ hasText: 'Le fichier « convention-type.pdf » est joint' })
        .waitFor();
      await files.getByRole('link', { name: /convention-type\.pdf/ }).waitFor();
      await clean(holder);

      // Development is open while the sponsorship stands; withdrawn, its guard closes again.
      const progress = holder.getByRole('region', { name: 'Avancement du projet' });
      await progress.getByRole('button', { name: 'Lancer le développement' }).waitFor();
      await holder.getByRole('button', { name: /^Retirer le sponsor — / }).click();
      const dialog = await settledDialog(holder);
      await dialog.getByRole('heading', { name: /Retirer le sponsor de/ }).waitFor();
      await clean(holder);
      await shoot(holder, 'withdraw-dialog', width);
      await dialog
        .getByRole('textbox', { name: /Motif du retrait/ })
        .fill('Le projet sera repris par la DDGOS elle-même.');
      await dialog.getByRole('button', { name: 'Retirer le sponsor' }).click();
      await holder
        .getByRole('status')
        .filter({ hasText: /Le sponsor de .* est retiré/ })
        .waitFor();
      await holder.getByRole('dialog').waitFor({ state: 'hidden' });
      await progress.getByText(/ne peut pas entrer en développement sans sponsor national accepté/).waitFor();
      expect(await progress.getByRole('button', { name: 'Lancer le développement' }).count()).toBe(0);
      await clean(holder);
      await shoot(holder, 'withdrawn', width);
      expect(await holder.evaluate(() => document.scrollingElement?.scrollWidth)).toBe(width);

      for (const page of [holder, sponsor]) await page.context().close();
    });
  }
});
