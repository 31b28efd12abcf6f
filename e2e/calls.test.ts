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

/** A day from today, AAAA-MM-JJ. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('a call for projects, from its draft to the questions of the offices', () => {
  it('a sponsor drafts and publishes a national call; an office asks, the sponsor answers; axe clean at 1280 and 390 px', async () => {
    const sponsor = await signedIn('sponsor@mutualis.demo');
    await sponsor.goto(`${env.server.url}/appels`);
    await sponsor.getByRole('heading', { level: 1, name: 'Appels à projets' }).waitFor();
    await clean(sponsor, 'calls-list');
    await sponsor.getByRole('link', { name: 'Préparer un appel' }).click();
    await sponsor.getByRole('heading', { level: 1, name: 'Préparer un appel à projets' }).waitFor();

    // A bad save names the fields, in French.
    await sponsor.getByRole('button', { name: 'Enregistrer' }).click();
    await sponsor.getByText('L’appel n’est pas enregistré').waitFor();
    await sponsor.getByText("Le titre de l'appel est obligatoire.").first().waitFor();

    await sponsor
      .getByRole('textbox', { name: 'Titre' })
      .fill('Signature électronique des courriers aux assurés');
    await sponsor.getByRole('combobox', { name: 'Domaine métier' }).click();
    await sponsor.getByRole('option', { name: 'Relation client' }).click();
    await sponsor
      .getByRole('textbox', { name: /^Contexte/ })
      .fill('Les courriers partent encore signés à la main.');
    await sponsor.getByRole('textbox', { name: 'Enveloppe (jours-personnes)' }).fill('200');
    for (const [index, [label, weight]] of [
      ['Valeur pour les assurés', '70'],
      ['Réutilisation', '30'],
    ].entries()) {
      await sponsor.getByRole('button', { name: 'Ajouter un critère' }).click();
      await sponsor.getByRole('textbox', { name: `Libellé du critère ${index + 1}` }).fill(label as string);
      await sponsor.getByRole('textbox', { name: `Poids du critère ${index + 1}` }).fill(weight as string);
    }
    await sponsor.getByText('Total des poids : 100').waitFor();
    await sponsor.getByLabel('Questions jusqu’au').fill(inDays(10));
    await sponsor.getByLabel('Propositions jusqu’au').fill(inDays(20));
    await sponsor.getByLabel('Sélection au plus tard le').fill(inDays(40));
    await clean(sponsor, 'call-form');
    await sponsor.getByRole('button', { name: 'Enregistrer' }).click();
    await sponsor
      .getByRole('heading', { level: 1, name: 'Signature électronique des courriers aux assurés' })
      .waitFor();
    const callUrl = sponsor.url();

    await sponsor.getByRole('button', { name: /^Publier l'appel/ }).click();
    const dialog = await settledDialog(sponsor);
    await dialog.getByRole('button', { name: /^Publier l'appel/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await sponsor.getByText(/Propositions jusqu’au .* — encore (19|20) j/).waitFor();

    // The terms of the call, attached from its page.
    const files = sponsor.getByRole('region', { name: 'Documents de l’appel' });
    await files.getByRole('combobox', { name: 'Type de fichier' }).click();
    await sponsor.getByRole('option', { name: 'Document' }).click();
    await files.getByLabel('Fichier', { exact: true }).setInputFiles({
      name: 'cahier-des-charges.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(
        '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
      ),
    });
    await files.getByRole('button', { name: 'Envoyer' }).click();
    await files.getByRole('link', { name: /cahier-des-charges\.pdf/ }).waitFor();
    await clean(sponsor, 'call-sheet-sponsor');

    // A developer of the Bas-Rhin finds it among the calls open to the office, and asks a question.
    const developer = await signedIn('dev.basrhin@mutualis.demo', 390);
    await developer.goto(`${env.server.url}/appels?forMyOffice=true`);
    await developer.getByRole('link', { name: 'Signature électronique des courriers aux assurés' }).click();
    await developer
      .getByRole('heading', { level: 1, name: 'Signature électronique des courriers aux assurés' })
      .waitFor();
    await developer
      .getByRole('textbox', { name: 'Votre question' })
      .fill('Un parapheur existant peut-il servir ?');
    await developer.getByRole('button', { name: 'Envoyer la question' }).click();
    await developer.getByText('En attente de réponse.').waitFor();
    await developer.getByRole('link', { name: /cahier-des-charges\.pdf/ }).waitFor();
    await clean(developer, 'call-sheet-390');

    await sponsor.goto(callUrl);
    await sponsor
      .getByRole('textbox', { name: 'Réponse à la question de Léa Schmitt' })
      .fill('Oui : citez-le dans la proposition.');
    await sponsor.getByRole('button', { name: 'Publier la réponse' }).click();
    await developer.reload();
    await developer.getByText('Oui : citez-le dans la proposition.').waitFor();

    await developer.goto(`${env.server.url}/appels`);
    await developer.getByRole('heading', { level: 1, name: 'Appels à projets' }).waitFor();
    await clean(developer, 'calls-list-390');
  });

  it('reads in English', async () => {
    const director = await signedIn('directeur.basrhin@mutualis.demo');
    await director.evaluate(() => localStorage.setItem('mutualis.language', 'en'));
    await director.goto(`${env.server.url}/appels?state=decided`);
    await director.getByRole('heading', { level: 1, name: 'Calls for projects' }).waitFor();
    await director.getByRole('link', { name: 'Suivi des contrôles médicaux des arrêts de travail' }).click();
    await director.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    await clean(director, 'call-sheet-en');
  });
});
