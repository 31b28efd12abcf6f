import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, settledDialog, signedInAt } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

const env = startServerAndBrowser();
const signedIn = (email: string, width = 1280) => signedInAt(env.browser, env.server.url, email, width);
const SHOTS = process.env.MUTUALIS_SCREENSHOTS;

async function clean(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  expect(await accessibilityViolations(page), name).toEqual([]);
}

/** Fires a transition from the lifecycle panel, through its dialog. */
async function fire(page: Page, label: string) {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = await settledDialog(page);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

// The demo holds the last twelve months; the journey records three months of the year before them.
const year = new Date().getFullYear() - 2;
const months = ['01', '02', '03'].map((m) => `${year}-${m}`);

describe('compensation: effort given, confirmed, valued by an agreement', () => {
  it('the CPAM du Bas-Rhin records three months on its application, its director confirms, the DDO and the office approve the agreement; axe clean at 1280 and 390 px', async () => {
    const developer = await signedIn('dev.basrhin@mutualis.demo');
    await developer.goto(`${env.server.url}/effort`);
    await developer.getByRole('heading', { level: 1, name: 'Effort déclaré' }).waitFor();
    await clean(developer, 'effort');
    await developer.getByRole('combobox', { name: 'Application' }).click();
    await developer.getByRole('option', { name: /Tableau de bord de production/ }).click();
    for (const month of months) {
      await developer.getByRole('textbox', { name: /^Mois/ }).fill(month);
      await developer.getByRole('textbox', { name: 'Jours-personnes' }).fill('4,5');
      await developer.getByRole('button', { name: 'Ajouter la ligne' }).click();
      await developer.getByText('Ligne enregistrée.').waitFor();
    }
    // A month with a bad format is refused in French.
    await developer.getByRole('textbox', { name: /^Mois/ }).fill(`${year}-3`);
    await developer.getByRole('button', { name: 'Ajouter la ligne' }).click();
    await developer.getByText('Le mois est un mois au format AAAA-MM (2026-03).').first().waitFor();

    const director = await signedIn('directeur.basrhin@mutualis.demo', 390);
    await director.goto(`${env.server.url}/effort`);
    await director.getByRole('combobox', { name: 'Année' }).click();
    await director.getByRole('option', { name: String(year) }).click();
    for (const month of months) {
      await director.getByRole('button', { name: `Confirmer ${month}` }).click();
      await director
        .getByRole('cell', { name: /Confirmé par/ })
        .nth(months.indexOf(month))
        .waitFor();
    }
    await clean(director, 'effort-confirmed-390');

    const ddo = await signedIn('ddo@mutualis.demo');
    await ddo.goto(`${env.server.url}/conventions`);
    await ddo.getByRole('heading', { level: 1, name: 'Conventions de compensation' }).waitFor();
    await clean(ddo, 'agreements');
    await ddo.getByRole('link', { name: 'Rédiger une convention' }).click();
    await ddo.getByRole('textbox', { name: 'Titre' }).fill('Maintenance 2024-2027 du tableau de bord');
    await ddo.getByRole('combobox', { name: 'Organisme' }).click();
    await ddo.getByRole('combobox', { name: 'Organisme' }).fill('Bas-Rhin');
    await ddo.getByRole('option', { name: /CPAM du Bas-Rhin/ }).click();
    await ddo.getByRole('combobox', { name: 'Application concernée' }).click();
    await ddo.getByRole('option', { name: /Tableau de bord de production/ }).click();
    await ddo
      .getByRole('textbox', { name: 'Signataire pour l’organisme' })
      .fill('La directrice de la CPAM du Bas-Rhin');
    await ddo
      .getByRole('textbox', { name: 'Signataire pour la DDO' })
      .fill('Le directeur délégué aux opérations');
    await ddo.getByRole('textbox', { name: /^Premier mois/ }).fill(`${year}-01`);
    await ddo.getByRole('textbox', { name: /^Dernier mois/ }).fill(`${year + 3}-12`);
    await ddo.getByRole('textbox', { name: 'Plafond (€)' }).fill('50000');
    await ddo
      .getByRole('textbox', { name: 'Texte initial (facultatif)' })
      .fill('Article 1 — Objet : maintenance.');
    await clean(ddo, 'agreement-form');
    await ddo.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await ddo.getByRole('heading', { level: 1, name: 'Maintenance 2024-2027 du tableau de bord' }).waitFor();
    const url = ddo.url();
    await fire(ddo, 'Ouvrir la négociation');

    const office = await signedIn('directeur.basrhin@mutualis.demo');
    await office.goto(url);
    await office
      .getByRole('textbox', { name: 'Texte de la convention' })
      .fill('Article 1 — Objet : maintenance et support.');
    await office.getByRole('button', { name: 'Proposer cette version' }).click();
    await office.getByText('Différences').waitFor();
    await fire(office, "Approuver pour l'organisme");
    await office.getByText("Approuvée par l'organisme").first().waitFor();

    await ddo.reload();
    await fire(ddo, 'Approuver pour la DDO');
    await fire(ddo, 'Mettre en vigueur');
    await ddo.getByText('En vigueur').first().waitFor();
    // Confirmed effort of the period, valued: the demo's year and the journey's three months.
    await ddo.getByRole('rowheader', { name: 'Dans le plafond' }).waitFor();
    await clean(ddo, 'agreement-active');
    const pdf = await ddo.request.get(`${url.replace('/conventions/', '/api/agreements/')}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    // The first quarter's statement: 3 × 4.5 d = 13.5 d × 520.00 € (version 1 of the rate table, the
    // period being older than every version) = 7 020.00 €, within the ceiling of 50 000.00 €.
    await ddo.getByRole('button', { name: `Calculer le relevé ${year}-01` }).click();
    await ddo.getByRole('heading', { level: 1, name: `Relevé ${year}-01 → ${year}-03` }).waitFor();
    const payable = ddo.getByRole('row', { name: /^À verser/ });
    expect((await payable.textContent())?.replace(/\s/g, '')).toBe('Àverser7020,00€');
    expect(
      (await ddo.getByRole('row', { name: /^Au-delà du plafond/ }).textContent())?.replace(/\s/g, ''),
    ).toBe('Au-delàduplafond0,00€');
    await clean(ddo, 'statement-draft');
    await fire(ddo, 'Valider le relevé');
    await ddo.getByText('Validé par la DDO').first().waitFor();
    const [download] = await Promise.all([
      ddo.waitForEvent('download'),
      ddo.getByRole('link', { name: 'Exporter en CSV (comptabilité)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^rel-cpam-67-${year}-01-.*\\.csv$`));
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv.startsWith('\uFEFFRéférence;Code organisme;Organisme;')).toBe(true);
    expect(csv).toContain(
      `;${year}-01;${year}-03;Barème journalier par profil;Version 1;13,5;7020,00;0,00;50000,00;7020,00;0,00;Validé par la DDO;`,
    );
    const statementUrl = ddo.url();

    const narrow = await signedIn('ddo@mutualis.demo', 390);
    await narrow.goto(statementUrl);
    await narrow.getByRole('heading', { level: 1, name: `Relevé ${year}-01 → ${year}-03` }).waitFor();
    await clean(narrow, 'statement-validated-390');
    await narrow.goto(url);
    await narrow.getByRole('heading', { level: 2, name: 'Relevés' }).waitFor();
    await clean(narrow, 'agreement-statements-390');
  });

  it('the DDO reads the network balance with its savings formula; axe clean at 1280 and 390 px', async () => {
    for (const width of [1280, 390]) {
      const ddo = await signedIn('ddo@mutualis.demo', width);
      await ddo.goto(`${env.server.url}/conventions/bilan`);
      await ddo.getByRole('heading', { level: 1, name: 'Bilan du réseau' }).waitFor();
      await ddo.getByText(/Économie estimée = Σ applications/).waitFor();
      await ddo.getByRole('cell', { name: 'CPAM du Bas-Rhin' }).first().waitFor();
      await clean(ddo, `balance-${width}`);
      if (width === 1280) {
        // Its own link is the current page, not the agreements' above it.
        const nav = ddo.getByRole('navigation', { name: 'Navigation principale' });
        expect(await nav.getByRole('link', { name: 'Bilan du réseau' }).getAttribute('aria-current')).toBe(
          'page',
        );
        expect(await nav.getByRole('link', { name: 'Conventions' }).getAttribute('aria-current')).toBeNull();
      }
    }
    const english = await signedIn('ddo@mutualis.demo');
    await english.evaluate(() => localStorage.setItem('mutualis.language', 'en'));
    await english.goto(`${env.server.url}/conventions/bilan`);
    await english.getByRole('heading', { level: 1, name: 'Network balance' }).waitFor();
    await clean(english, 'balance-en');
  });
});
