import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, postAs, settledDialog, signedInAt } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

/**
 * A developer answers the grid of a labelling project, the DDSI validates a technical answer (and
 * cannot review the CNIL's), in French and English; the DDSI edits, publishes and compares a grid
 * version. Each page is checked by axe at 1280 and 390 px.
 */
const env = startServerAndBrowser();
const SHOTS = process.env.MUTUALIS_SCREENSHOTS ?? '/tmp';

const signedIn = (email: string, width: number) => signedInAt(env.browser, env.server.url, email, width);

async function clean(page: Page, width: number) {
  await page.waitForLoadState('networkidle');
  expect(await accessibilityViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBe(width);
}

const requirement = (page: Page, code: string) =>
  page.getByRole('article').filter({ has: page.getByRole('heading', { level: 3, name: code, exact: true }) });

describe('evaluating a project against its grid', () => {
  for (const width of [1280, 390]) {
    it(`at ${width} px: the developer answers, the DDSI validates, in French and English`, async () => {
      const title = `Suivi des habilitations (${width})`;
      const developer = await signedIn('dev.basrhin@mutualis.demo', width);
      const project = await postAs(developer, env.server.url, '/api/projects', {
        title,
        need: 'Chaque caisse suit à la main qui a accès à quelle application locale.',
        domainCode: 'informatique-outillage',
        track: 'labelling',
      });
      await developer.goto(`${env.server.url}/projets/${project.id}`);
      await developer.getByRole('heading', { level: 1, name: title }).waitFor();
      await developer
        .getByText("L'évaluation selon la grille de la filière n'est pas encore engagée.")
        .waitFor();
      await developer.getByRole('button', { name: "Engager l'évaluation" }).click();
      await developer.getByRole('heading', { level: 1, name: `Évaluation — ${title}` }).waitFor();
      await developer.getByText('Grille de labellisation, version 1').waitFor();
      await clean(developer, width);

      // PAT-01 met with a link; CNIL-03 not applicable, refused first without its reason.
      const pat01 = requirement(developer, 'PAT-01');
      await pat01.getByRole('button', { name: 'Répondre PAT-01' }).click();
      await pat01.getByRole('radio', { name: 'Satisfaite', exact: true }).check();
      await pat01
        .getByRole('textbox', { name: /Liens de preuve/ })
        .fill('https://forge.assurance-maladie.fr/cpam-67/habilitations');
      await pat01.getByRole('button', { name: 'Enregistrer la réponse PAT-01' }).click();
      await developer
        .getByRole('status')
        .filter({ hasText: 'La réponse à PAT-01 est enregistrée' })
        .waitFor();
      await pat01.getByText('À relire').waitFor();
      const cnil03 = requirement(developer, 'CNIL-03');
      await cnil03.getByRole('button', { name: 'Répondre CNIL-03' }).click();
      await cnil03.getByRole('radio', { name: 'Non applicable' }).check();
      await cnil03.getByRole('button', { name: 'Enregistrer la réponse CNIL-03' }).click();
      await cnil03.getByText('Indiquez pourquoi cette exigence ne s’applique pas.').waitFor();
      await clean(developer, width);
      await cnil03
        .getByRole('textbox', { name: /Commentaire/ })
        .fill('Aucune donnée de santé : seuls les comptes des agents.');
      await cnil03.getByRole('button', { name: 'Enregistrer la réponse CNIL-03' }).click();
      await developer
        .getByRole('status')
        .filter({ hasText: 'La réponse à CNIL-03 est enregistrée' })
        .waitFor();
      await developer.getByText('2 réponses sur', { exact: false }).waitFor();
      await clean(developer, width);
      await developer.screenshot({ path: `${SHOTS}/evaluation-developpeur-${width}.png`, fullPage: true });

      // The DDSI validates PAT-01; the CNIL's items are the DDO's to review.
      const ddsi = await signedIn('ddsi@mutualis.demo', width);
      await ddsi.goto(developer.url());
      await ddsi.getByRole('heading', { level: 1, name: `Évaluation — ${title}` }).waitFor();
      await expect(
        requirement(ddsi, 'CNIL-03')
          .getByRole('button', { name: /Valider/ })
          .count(),
      ).resolves.toBe(0);
      await requirement(ddsi, 'PAT-01').getByRole('button', { name: 'Valider PAT-01' }).click();
      await ddsi.getByRole('status').filter({ hasText: 'La réponse à PAT-01 est validée.' }).waitFor();
      await requirement(ddsi, 'PAT-01').getByText('Validée', { exact: true }).waitFor();
      await clean(ddsi, width);
      await ddsi.screenshot({ path: `${SHOTS}/evaluation-ddsi-${width}.png`, fullPage: true });

      await ddsi.getByText('EN', { exact: true }).click();
      await ddsi.getByRole('heading', { level: 1, name: `Evaluation — ${title}` }).waitFor();
      await ddsi.getByText('Labelling grid, version 1').waitFor();
      await clean(ddsi, width);

      // Back on the project page, the figures of the evaluation.
      await developer.goto(`${env.server.url}/projets/${project.id}`);
      await developer.getByRole('link', { name: "Ouvrir l'évaluation" }).waitFor();
      await developer.getByText('1 validées', { exact: false }).waitFor();
      await clean(developer, width);
      await developer.context().close();
      await ddsi.context().close();
    });
  }

  for (const width of [1280, 390]) {
    it(`at ${width} px: the DDSI edits a draft of a grid, publishes it and compares the versions`, async () => {
      const ddsi = await signedIn('ddsi@mutualis.demo', width);
      await ddsi.goto(`${env.server.url}/grilles`);
      await ddsi.getByRole('heading', { level: 1, name: "Grilles d'évaluation" }).waitFor();
      await clean(ddsi, width);
      const homologation = ddsi.getByRole('region', { name: "Grille d'homologation" });
      await homologation.getByRole('button', { name: 'Ouvrir un brouillon' }).click();
      // The draft is the version after the latest, whatever other runs published before.
      const heading = ddsi.getByRole('heading', { level: 1, name: /^Grille d'homologation — Version \d+$/ });
      const next = Number((await heading.textContent())?.match(/\d+$/)?.[0]);
      expect(next).toBeGreaterThan(1);
      await ddsi.getByRole('button', { name: 'Modifier DEC-01' }).click();
      const dialog = await settledDialog(ddsi);
      await clean(ddsi, width);
      await dialog
        .getByRole('textbox', { name: "Texte de l'exigence" })
        .fill(
          `Le projet est déclaré sur le portail au moment d'engager le développement (révision ${next}).`,
        );
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await ddsi.getByRole('status').filter({ hasText: 'Le brouillon est enregistré.' }).waitFor();
      await ddsi.getByRole('dialog').waitFor({ state: 'hidden' });
      await ddsi.getByRole('button', { name: 'Publier cette version' }).click();
      const publish = await settledDialog(ddsi);
      await clean(ddsi, width);
      await publish.getByRole('button', { name: 'Publier cette version' }).click();
      await ddsi.getByRole('dialog').waitFor({ state: 'hidden' });
      await ddsi.getByText('Cette version est figée', { exact: false }).waitFor();
      await clean(ddsi, width);
      await ddsi.getByRole('link', { name: `Comparer avec la version ${next - 1}` }).click();
      await ddsi
        .getByRole('heading', { level: 1, name: `Version ${next} comparée à la version ${next - 1}` })
        .waitFor();
      await ddsi
        .getByRole('rowheader', { name: /DEC-01/ })
        .getByText('Modifiée')
        .waitFor();
      await clean(ddsi, width);
      await ddsi.screenshot({ path: `${SHOTS}/grille-comparaison-${width}.png`, fullPage: true });
      await ddsi.context().close();
    });
  }
});
