import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, newPage, signIn, textContrasts } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

const env = startServerAndBrowser();
const NOWHERE = '00000000-0000-4000-8000-000000000000';

async function signedIn(email: string, width = 1280): Promise<Page> {
  const page = await newPage(env.browser);
  await page.setViewportSize({ width, height: 900 });
  await signIn(page, env.server.url, email);
  return page;
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return { tag: element?.tagName ?? '', id: element?.id ?? '', text: element?.textContent?.trim() ?? '' };
  });
const pageWidth = (page: Page) => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);

async function clean(page: Page) {
  await page.waitForLoadState('networkidle');
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** The id of a demo sheet, found by its name through the API (the page's session). */
async function sheetId(page: Page, name: string) {
  const found = await page.request.get(`${env.server.url}/api/applications?q=${encodeURIComponent(name)}`);
  const item = (await found.json()).items.find((a: { name: string }) => a.name === name);
  if (!item) throw new Error(`no sheet named ${name}`);
  return item.id as string;
}

describe('keyboard and focus', () => {
  it('a skip link right after the search box leads to the results', async () => {
    const page = await signedIn('agent.rhone@mutualis.demo');
    await page.goto(`${env.server.url}/catalogue`);
    await page.getByRole('searchbox', { name: 'Rechercher une application' }).focus();
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Aller aux résultats');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'resultats');
    // The next Tab reaches the first result, not one of the filters.
    await page.keyboard.press('Tab');
    const first = await page.getByRole('article').first().getByRole('heading').textContent();
    expect((await focused(page)).text).toBe(first);
    await page.context().close();
  });

  it('focus goes to the heading of each new page, and to the sheet after it is saved', async () => {
    const page = await signedIn('admin@mutualis.demo');
    await page.getByRole('navigation').getByRole('link', { name: 'Annuaire des organismes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Annuaire des organismes' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect((await focused(page)).text).toBe('Annuaire des organismes');

    await page.goto(`${env.server.url}/catalogue?q=GesCong%C3%A9s`);
    await page.getByRole('link', { name: 'GesCongés' }).click();
    await page.waitForFunction(() => document.activeElement?.textContent === 'GesCongés');
    await page.getByRole('link', { name: 'Modifier' }).click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect((await focused(page)).text).toBe('Modifier « GesCongés »');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/catalogue\/[0-9a-f-]+$/);
    await page.waitForFunction(() => document.activeElement?.textContent === 'GesCongés');
    expect((await focused(page)).tag).toBe('H1');
    await page.context().close();
  });
});

describe('form errors', () => {
  it('a refused sheet: the summary takes focus and links to each field; an empty choice is "obligatoire"', async () => {
    const page = await signedIn('dev.basrhin@mutualis.demo');
    await page.goto(`${env.server.url}/catalogue/nouvelle`);
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Suivi des clés');
    await page.getByRole('button', { name: 'Déclarer l’application' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'La fiche n’a pas été enregistrée' });
    await summary.waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    const toTrack = summary.getByRole('link', { name: 'La filière est obligatoire : choisissez-en une.' });
    await toTrack.waitFor();
    expect(await summary.getByRole('link').count()).toBeGreaterThanOrEqual(4);
    await toTrack.click();
    const track = page.getByRole('combobox', { name: 'Filière' });
    expect(await track.evaluate((element) => element === document.activeElement)).toBe(true);
    await clean(page);
    await page.context().close();
  });

  it('an account refused: the summary in the dialog links to the field', async () => {
    const page = await signedIn('admin@mutualis.demo');
    await page.goto(`${env.server.url}/administration/utilisateurs`);
    await page.getByRole('button', { name: 'Créer un compte' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    const link = dialog.getByRole('alert').getByRole('link', { name: "L'adresse e-mail n'est pas valide." });
    await link.waitFor();
    await link.click();
    expect(
      await dialog
        .getByRole('textbox', { name: 'Adresse e-mail' })
        .evaluate((element) => element === document.activeElement),
    ).toBe(true);
    await page.context().close();
  });

  it('the edit form of a sheet the reader may not edit does not open', async () => {
    const page = await signedIn('agent.rhone@mutualis.demo');
    const id = await sheetId(page, 'GesCongés');
    await page.goto(`${env.server.url}/catalogue/${id}/modifier`);
    await page
      .getByRole('heading', { level: 1, name: 'Vous ne pouvez pas modifier « GesCongés »' })
      .waitFor();
    expect(await page.getByRole('textbox', { name: 'Nom', exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Retour' }).click();
    await page.getByRole('heading', { level: 1, name: 'GesCongés' }).waitFor();
    await page.context().close();
  });
});

describe('not found', () => {
  it('an unknown address and unknown ids get a page of their own, with its title', async () => {
    const page = await signedIn('admin@mutualis.demo');
    for (const [path, heading] of [
      ['/gouvernance', 'Page introuvable'],
      [`/projets/${NOWHERE}`, 'Projet introuvable'],
      ['/projets/pas-un-identifiant', 'Projet introuvable'],
      [`/catalogue/${NOWHERE}`, 'Fiche introuvable'],
      [`/catalogue/${NOWHERE}/modifier`, 'Fiche introuvable'],
      ['/catalogue/pas-un-identifiant', 'Fiche introuvable'],
      [`/administration/utilisateurs/${NOWHERE}`, 'Compte introuvable'],
      [`/organismes/${NOWHERE}`, 'Organisme introuvable'],
    ] as const) {
      await page.goto(`${env.server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await page.title()).toBe(`${heading} — Mutualis`);
    }
    await clean(page);
    // No link in the navigation leads to a part that is not built.
    const links = await page.getByRole('navigation').getByRole('link').allTextContents();
    expect(links.filter((text) => /Forge|Gouvernance/.test(text))).toEqual([]);
    await page.context().close();
  });
});

describe('the catalogue', () => {
  it('writes facet values in the address as repeated keys, and still reads the JSON addresses', async () => {
    const page = await signedIn('agent.rhone@mutualis.demo');
    await page.goto(`${env.server.url}/catalogue`);
    await page.getByRole('checkbox', { name: /^Labellisation \(/ }).check();
    await page.getByRole('checkbox', { name: /^Homologation \(/ }).check();
    await page.waitForURL(/track=labelling&track=homologation|track=homologation&track=labelling/);
    expect(page.url()).not.toContain('%5B');

    await page.goto(`${env.server.url}/catalogue?track=${encodeURIComponent('["labelling"]')}`);
    expect(await page.getByRole('checkbox', { name: /^Labellisation \(/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^Homologation \(/ }).isChecked()).toBe(false);
    await page.context().close();
  });

  it('finds a value of a long facet by typing', async () => {
    const page = await signedIn('agent.rhone@mutualis.demo');
    await page.goto(`${env.server.url}/catalogue`);
    const offices = page.getByRole('group', { name: 'Organisme concepteur' });
    await offices.getByRole('searchbox', { name: 'Chercher parmi « Organisme concepteur »' }).fill('rhone');
    await offices.getByRole('checkbox', { name: /^CPAM du Rhône \(/ }).check();
    await page.waitForURL(/organisation=/);
    const names = await offices
      .getByRole('checkbox')
      .evaluateAll((boxes) => boxes.map((box) => box.closest('.mantine-Checkbox-root')?.textContent ?? ''));
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => /Rh[ôo]ne/.test(name))).toBe(true);
    await page.context().close();
  });

  it('keeps the chosen values of a facet in view, however far down the list they are', async () => {
    const page = await signedIn('agent.rhone@mutualis.demo');
    await page.goto(`${env.server.url}/catalogue?usedBy=CPAM-69&usedBy=CPAM-42`);
    const users = page.getByRole('group', { name: 'Utilisée par' });
    await users.getByRole('checkbox').first().waitFor();
    await expect
      .poll(() => users.getByRole('checkbox', { checked: true }).count(), { timeout: 15_000 })
      .toBe(2);
    await page.context().close();
  });

  it('on a 390 px phone: results first, the filters in a drawer, nothing wider than the screen', async () => {
    const page = await signedIn('agent.rhone@mutualis.demo', 390);
    await page.goto(`${env.server.url}/catalogue`);
    await page.getByRole('article').first().waitFor();
    expect(await page.getByRole('group', { name: 'Filière' }).count()).toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await clean(page);
    await page.getByRole('button', { name: 'Filtres (0)' }).click();
    const drawer = page.getByRole('dialog', { name: 'Filtres' });
    await drawer.getByRole('checkbox', { name: /^Labellisation \(/ }).check();
    await page.waitForURL(/track=labelling/);
    await drawer.getByRole('button', { name: 'Voir les résultats' }).click();
    await page.getByRole('button', { name: 'Filtres (1)' }).waitFor();
    await page.context().close();
  });

  it('on a 390 px phone: the map, the users, the audit trail and the login page fit the screen', async () => {
    const page = await signedIn('admin@mutualis.demo', 390);
    for (const [path, heading] of [
      ['/catalogue/cartographie', 'Cartographie des usages'],
      ['/administration/utilisateurs', 'Utilisateurs'],
      [`/catalogue/${NOWHERE}`, 'Fiche introuvable'],
    ] as const) {
      await page.goto(`${env.server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await pageWidth(page), path).toBeLessThanOrEqual(390);
    }
    await page.context().close();
    const visitor = await newPage(env.browser);
    await visitor.setViewportSize({ width: 390, height: 900 });
    await visitor.goto(`${env.server.url}/connexion`);
    await visitor.getByRole('table', { name: 'Comptes de démonstration' }).waitFor();
    expect(await pageWidth(visitor)).toBeLessThanOrEqual(390);
    await visitor.context().close();
  });
});

describe('contrast (AA, 4.5:1) on light tints and subtle buttons', () => {
  it('a green alert title and the red "Retirer" button are readable', async () => {
    const page = await signedIn('admin@mutualis.demo');
    const id = await sheetId(page, 'GesCongés');
    const login = await page.request.post(`${env.server.url}/api/auth/login`, {
      data: { email: 'admin@mutualis.demo', password: 'mutualis-demo' },
    });
    const { csrfToken } = await login.json();
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    const uploaded = await page.request.post(`${env.server.url}/api/applications/${id}/attachments`, {
      headers: { 'X-CSRF-Token': csrfToken },
      multipart: { kind: 'document', file: { name: 'note.pdf', mimeType: 'application/pdf', buffer: pdf } },
    });
    expect(uploaded.status()).toBe(201);
    await page.goto(`${env.server.url}/catalogue/${id}?onglet=documents`);
    const remove = page.getByRole('button', { name: 'Retirer le fichier note.pdf' });
    await remove.waitFor();
    const measured = await textContrasts(remove.locator('.mantine-Button-label'));

    await page.goto(`${env.server.url}/catalogue/import`);
    const header =
      'Identifiant;Nom;Description courte;Domaine métier;Organisme concepteur;Filière;Cycle de vie;Hébergement';
    const row = `CONTRASTE-1;Application contraste;Application importée pour mesurer un contraste.;Gestion documentaire;CPAM-67;Hors standard;En production;Serveur de l'organisme`;
    await page.getByLabel('Fichier à importer').setInputFiles({
      name: 'inventaire.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\n${row}`),
    });
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.getByText('Le fichier est valide').waitFor();
    measured.push(
      ...(await textContrasts(page.locator('.mantine-Alert-title').filter({ hasText: 'valide' }))),
    );

    expect(measured.map((m) => m.text)).toEqual(['Retirer', 'Le fichier est valide']);
    const unreadable = measured
      .filter((m) => m.ratio < 4.5)
      .map((m) => `${m.text}: ${m.color} on ${m.background} = ${m.ratio.toFixed(2)}:1`);
    expect(unreadable).toEqual([]);
    await page.context().close();
  });
});
