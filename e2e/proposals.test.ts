import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { draftBoardDecision, publishMinutes } from './support/board.ts';
import { expectAccessible as clean, postAs, settledDialog, signedInAt } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

const env = startServerAndBrowser();
const signedIn = (email: string, width = 1280) => signedInAt(env.browser, env.server.url, email, width);

async function inEnglish(page: Page) {
  await page.evaluate(() => localStorage.setItem('mutualis.language', 'en'));
}

/** A day from today, AAAA-MM-JJ (negative: in the past). */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function getAs<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${env.server.url}${path}`);
  if (!response.ok()) throw new Error(`${path}: ${response.status()}`);
  return response.json();
}

/** Fires a transition shown on the page: its button, then the same button in its dialog. */
async function fire(page: Page, name: RegExp, reason?: { label: string; text: string }) {
  await page.getByRole('button', { name }).first().click();
  const dialog = await settledDialog(page);
  if (reason) await dialog.getByRole('textbox', { name: reason.label }).fill(reason.text);
  await dialog.getByRole('button', { name }).click();
  await dialog.waitFor({ state: 'hidden' });
}

const CALL = 'Relance des assurés par SMS avant un rendez-vous';
const BAS_RHIN = 'Rappels SMS mutualisés du Bas-Rhin';
const RHONE = 'Rhône SMS reminder platform';

describe('proposals to a national call, from the drafts to the governance board’s confirmation', () => {
  it('two offices submit, two evaluators score, the sponsor selects, the board confirms; the project exists and the losing office reads why; axe clean at 1280 and 390 px, in French and English', async () => {
    // The sponsor drafts a national call (its form has its own journey) and publishes it from its page.
    const sponsor = await signedIn('sponsor@mutualis.demo');
    const draft = await postAs(sponsor, env.server.url, '/api/calls', {
      title: CALL,
      context: 'Un rendez-vous sur cinq est manqué faute de rappel.',
      expectedOutcome: 'Un rappel par SMS la veille de chaque rendez-vous.',
      scope: 'national',
      domainCode: 'relation-client',
      effortDays: 120,
      criteria: [
        { label: 'Valeur pour les assurés', weight: 60 },
        { label: 'Réutilisation', weight: 40 },
      ],
      questionsUntil: inDays(5),
      proposalsUntil: inDays(10),
      selectionBy: inDays(30),
    });
    await sponsor.goto(`${env.server.url}/appels/${draft.id}`);
    await fire(sponsor, /^Publier l'appel/);
    await sponsor.getByText(/Propositions jusqu’au .* — encore/).waitFor();

    // The Bas-Rhin: its developer drafts on a phone and asks for the director's approval.
    const developer = await signedIn('dev.basrhin@mutualis.demo', 390);
    await developer.goto(`${env.server.url}/appels/${draft.id}`);
    await developer.getByRole('link', { name: 'Répondre à l’appel' }).click();
    await developer.getByRole('heading', { level: 1, name: 'Répondre à un appel à projets' }).waitFor();
    await developer.getByRole('heading', { name: 'Ce qui répond peut-être déjà à l’appel' }).waitFor();
    await developer.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await developer.getByText('La proposition n’est pas enregistrée').waitFor();
    await developer.getByText('Le titre de la proposition est obligatoire.').first().waitFor();
    await developer.getByRole('textbox', { name: 'Titre' }).fill(BAS_RHIN);
    await developer
      .getByRole('textbox', { name: /^Approche/ })
      .fill('Reprendre la passerelle SMS de la caisse et la brancher sur les agendas.');
    await developer.getByRole('textbox', { name: 'Équipe' }).fill('Deux développeurs, une cheffe de projet.');
    await developer.getByRole('textbox', { name: 'Effort (jours-personnes)' }).fill('90');
    await developer.getByLabel('Début prévu').fill(inDays(40));
    await developer.getByLabel('Fin prévue').fill(inDays(160));
    // A catalogue application that may already answer the call is reused in one click.
    const reuse = developer.getByRole('button', { name: /^Réutiliser / }).first();
    const reused = ((await reuse.textContent()) ?? '').replace(/^Réutiliser/, '').trim();
    await reuse.click();
    await developer.getByRole('button', { name: `Réutilisée ${reused}` }).waitFor();
    await clean(developer, 'proposal-form-390');
    await developer.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await developer.getByRole('heading', { level: 1, name: BAS_RHIN }).waitFor();
    const basRhinUrl = developer.url();
    await developer.getByRole('link', { name: reused }).waitFor();
    await fire(developer, /^Demander l'accord du directeur/);
    await developer.getByText('En attente du directeur').first().waitFor();
    await clean(developer, 'proposal-awaiting-390');

    const basRhinDirector = await signedIn('directeur.basrhin@mutualis.demo');
    await basRhinDirector.goto(basRhinUrl);
    // Sent back first: the developer reads why on the proposal itself, then asks again.
    await fire(basRhinDirector, /^Renvoyer pour reprise/, {
      label: 'Ce qui est à reprendre',
      text: 'Chiffrez la recette avec la caisse.',
    });
    await developer.reload();
    const sentBack = developer.getByRole('region', { name: 'Proposition renvoyée pour reprise' });
    await sentBack.getByText('Chiffrez la recette avec la caisse.').waitFor();
    await clean(developer, 'proposal-sent-back-390');
    await fire(developer, /^Demander l'accord du directeur/);
    await sentBack.waitFor({ state: 'detached' });
    await basRhinDirector.reload();
    await fire(basRhinDirector, /^Approuver et déposer/);
    await basRhinDirector.getByText('Déposée').first().waitFor();

    // The Rhône, in English: its director drafts with the Bas-Rhin as partner, which confirms; then submits.
    const rhone = await signedIn('directeur.rhone@mutualis.demo');
    const basRhinOffice = (await getAs<{ user: { organisationId: string } }>(basRhinDirector, '/api/me')).user
      .organisationId;
    const rhoneDraft = await postAs(rhone, env.server.url, `/api/calls/${draft.id}/proposals`, {
      title: RHONE,
      approach: 'A shared SMS gateway for every office, **rendezvous-aware**.',
      team: 'Three developers.',
      effortDays: 110,
      partnerOfficeIds: [basRhinOffice],
    });
    await basRhinDirector.goto(`${env.server.url}/propositions/${rhoneDraft.id}`);
    await basRhinDirector
      .getByRole('button', { name: 'Confirmer la participation de mon organisme' })
      .click();
    await basRhinDirector.getByText(/^Confirmée le/).waitFor();
    await inEnglish(rhone);
    await rhone.goto(`${env.server.url}/propositions/${rhoneDraft.id}`);
    await rhone.getByRole('heading', { level: 2, name: 'Partner offices' }).waitFor();
    await clean(rhone, 'proposal-draft-en');
    await rhone.getByRole('link', { name: 'Edit' }).click();
    await rhone.getByRole('heading', { level: 1, name: `Edit the proposal “${RHONE}”` }).waitFor();
    await rhone.getByRole('heading', { name: 'What may already answer the call' }).waitFor();
    await clean(rhone, 'proposal-form-en');
    await rhone.getByRole('button', { name: 'Save the draft' }).click();
    await rhone.getByRole('heading', { level: 1, name: RHONE }).waitFor();
    await fire(rhone, /^Approve and submit/);
    await rhone.getByText('Submitted').first().waitFor();

    // The deadline moves to yesterday: the platform closes the call (the deadlines job, every minute).
    const before = await getAs<{ version: number }>(sponsor, `/api/calls/${draft.id}`);
    const me = await getAs<{ csrfToken: string }>(sponsor, '/api/me');
    const moved = await sponsor.request.patch(`${env.server.url}/api/calls/${draft.id}`, {
      data: { version: before.version, questionsUntil: inDays(-1), proposalsUntil: inDays(-1) },
      headers: { 'X-CSRF-Token': me.csrfToken },
    });
    expect(moved.status()).toBe(200);
    const closedBy = Date.now() + 150_000;
    while ((await getAs<{ state: string }>(sponsor, `/api/calls/${draft.id}`)).state !== 'closed') {
      if (Date.now() > closedBy) throw new Error('the call was not closed by its deadline');
      await sponsor.waitForTimeout(500);
    }

    // The sponsor opens the evaluation and names two evaluators of other offices.
    await sponsor.goto(`${env.server.url}/appels/${draft.id}`);
    // The timeline ticks the proposals' deadline once the call is closed, although it came before the
    // publication day; the selection is the step to come.
    const timeline = sponsor.getByRole('region', { name: 'Calendrier' });
    const step = (name: string) => timeline.locator('.mantine-Timeline-item', { hasText: name });
    expect(await step('Propositions jusqu’au').textContent()).toContain('✓');
    expect(await step('Publication').textContent()).toContain('✓');
    expect(await step('Propositions jusqu’au').getAttribute('aria-current')).toBeNull();
    await fire(sponsor, /^Ouvrir l'évaluation/);
    const evaluation = sponsor.getByRole('region', { name: 'Évaluation' });
    for (const [typed, name] of [
      ['Nicolas', /^Nicolas Petit/],
      ['Karim', /^Karim Benali/],
    ] as const) {
      await evaluation.getByRole('combobox', { name: 'Évaluateurs' }).fill(typed);
      await sponsor.getByRole('option', { name }).click();
    }
    await evaluation.getByRole('button', { name: 'Nommer les évaluateurs' }).click();
    await evaluation.getByText(/Évaluateurs : .*Karim Benali/).waitFor();

    // Each evaluator scores both proposals from the call's page.
    const scores: [string, number, [number, number], [number, number]][] = [
      ['ddsi@mutualis.demo', 1280, [3, 4], [5, 4]],
      ['dev.marseille@mutualis.demo', 390, [2, 3], [4, 5]],
    ];
    for (const [email, width, basRhin, rhoneScores] of scores) {
      const evaluator = await signedIn(email, width);
      if (width === 390) await inEnglish(evaluator);
      await evaluator.goto(`${env.server.url}/appels/${draft.id}`);
      const english = width === 390;
      for (const [title, values] of [
        [BAS_RHIN, basRhin],
        [RHONE, rhoneScores],
      ] as const) {
        const form = evaluator.getByRole('region', {
          name: english ? `Score “${title}”` : `Noter « ${title} »`,
        });
        const criteria = ['Valeur pour les assurés', 'Réutilisation'];
        for (const [k, criterion] of criteria.entries())
          await form
            .getByRole('textbox', { name: english ? `Score: ${criterion}` : `Note : ${criterion}` })
            .fill(String(values[k]));
        await form
          .getByRole('textbox', {
            name: english ? `Comment: ${criteria[0]}` : `Commentaire : ${criteria[0]}`,
          })
          .fill('Solide.');
        await form
          .getByRole('button', { name: english ? /^Save my scores/ : /^Enregistrer mes notes/ })
          .click();
        await form.getByText(english ? 'Your scores are saved.' : 'Vos notes sont enregistrées.').waitFor();
      }
      await clean(evaluator, english ? 'call-evaluation-en-390' : 'call-evaluation');
    }

    // The comparison ranks the Rhône first; the sponsor proposes the selection, for the board to confirm.
    await sponsor.reload();
    const table = sponsor.getByRole('table', { name: /^Tableau comparatif/ });
    await expect.poll(() => table.getByRole('row').nth(1).textContent()).toContain(RHONE);
    expect(await table.getByRole('row').nth(1).textContent()).toContain('4,5');
    await sponsor.getByText(/part à l’instance de gouvernance/).waitFor();
    await sponsor.getByRole('checkbox', { name: `Retenir « ${RHONE} »` }).check();
    await sponsor
      .getByRole('textbox', { name: `Motif pour « ${RHONE} »` })
      .fill('La meilleure note : une passerelle pour tout le réseau.');
    await sponsor
      .getByRole('textbox', { name: `Motif pour « ${BAS_RHIN} »` })
      .fill('Approche locale : la réutilisation de la passerelle du Rhône lui sera proposée.');
    await sponsor.getByRole('textbox', { name: 'Motif de la sélection' }).fill('Classement des évaluateurs.');
    await clean(sponsor, 'call-selection-form');
    await sponsor.getByRole('button', { name: 'Proposer la sélection' }).click();
    await sponsor.getByText(/en attente de la confirmation de l’instance/).waitFor();

    // The board confirms it (as in the board's journey): a meeting, the item, the decision, the minutes.
    const ddo = await signedIn('ddo@mutualis.demo');
    const item = `Sélection de l’appel « ${CALL} »`;
    await draftBoardDecision(
      ddo,
      env.server.url,
      {
        title: 'Séance des appels',
        date: inDays(1),
        item,
        attendance: 'Laurence Bernard — DDO',
        minutes: 'Sélection examinée.',
      },
      {
        question: 'Confirmer la sélection proposée ?',
        statement: 'L’instance confirme la sélection.',
        rationale: 'Le classement des évaluateurs est net.',
      },
    );
    await publishMinutes(ddo);
    await ddo.getByRole('link', { name: /^\d{4}-\d{3} — Sélection de l’appel/ }).waitFor();

    // The Rhône's proposal is selected: its project exists, sponsored by the call's directorate.
    await rhone.goto(`${env.server.url}/propositions/${rhoneDraft.id}`);
    await rhone.getByRole('heading', { name: 'Proposal selected' }).waitFor();
    await rhone.getByRole('link', { name: 'See the project created' }).click();
    await rhone.getByRole('heading', { level: 1, name: RHONE }).waitFor();
    const project = await getAs<{
      sponsorshipAccepted: boolean;
      sponsorships: { state: string; directorate: { code: string } }[];
    }>(rhone, `/api/projects/${rhone.url().split('/').pop()}`);
    expect(project.sponsorshipAccepted).toBe(true);
    expect(project.sponsorships.map((s) => [s.state, s.directorate.code])).toEqual([
      ['accepted', 'CNAM-DDGOS'],
    ]);
    await clean(rhone, 'project-from-proposal-en');

    // The Bas-Rhin reads why it was not selected, on a phone.
    await developer.goto(basRhinUrl);
    const decision = developer.getByRole('region', { name: 'Proposition non retenue' });
    await decision.getByText(/la réutilisation de la passerelle du Rhône lui sera proposée/).waitFor();
    await clean(developer, 'proposal-not-selected-390');

    await sponsor.reload();
    await sponsor.getByText(/^Sélection appliquée le/).waitFor();
    await clean(sponsor, 'call-decided');
  }, 420_000);
});
