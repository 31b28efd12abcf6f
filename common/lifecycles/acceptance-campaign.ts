import { z } from 'zod';
import {
  type CampaignState,
  REPORT_DECISION_LABELS,
  REPORT_DECISIONS,
  type ReportDecision,
} from '../acceptance/vocabulary.ts';
import { defineLifecycle, type Guard, role } from '../lifecycle.ts';
import { longText } from '../schemas/common.ts';

/** What the campaign's guards read; the server gathers them in the transaction (acceptance.lifecycle.ts). */
export interface CampaignFacts {
  /** Blocking items of the subject's evaluation; null when no evaluation has started (blocking too). */
  blockingItems: number | null;
  caseCount: number;
  testerCount: number;
  executionCount: number;
  /** Anomalies still open (open or fixed awaiting re-test), by severity. */
  openBlocking: number;
  openReservations: number;
}

export type CampaignTransition = 'start' | 'requestReport' | 'resumeTesting' | 'sign' | 'cancel';

/** Who prepares and steers a campaign: the DDSI, the DDFC/DC2R and administrators. */
export const CAMPAIGN_MANAGERS = ['admin', 'itDirectorate', 'nationalAccountant'] as const;
const managers = [role(...CAMPAIGN_MANAGERS)];

const max = (n: number, what: string) => ({
  error: `${what} est limité à ${n.toLocaleString('fr-FR')} caractères.`,
});

export const signInput = z.object({
  decision: z
    .enum(REPORT_DECISIONS, {
      error: 'La décision est « accepted », « acceptedWithReservations » ou « refused ».',
    })
    .meta({ label: { fr: 'Décision', en: 'Decision' }, optionLabels: REPORT_DECISION_LABELS }),
  observations: longText('Les observations')
    .max(4000, max(4000, 'Les observations sont'))
    .optional()
    .meta({ label: { fr: 'Observations (reprises au procès-verbal)', en: 'Observations (in the report)' } }),
  toFix: longText('Ce qui doit être corrigé')
    .max(4000, max(4000, 'Ce qui doit être corrigé'))
    .optional()
    .meta({ label: { fr: 'Ce qui doit être corrigé (refus)', en: 'What must be fixed (refusal)' } }),
});
export type SignInput = z.infer<typeof signInput>;

const evaluationGuard: Guard<CampaignFacts, unknown> = (facts) =>
  facts.blockingItems === null
    ? { code: 'evaluationMissing' }
    : facts.blockingItems > 0
      ? { code: 'evaluationBlocking', params: { count: facts.blockingItems } }
      : null;
const planGuard: Guard<CampaignFacts, unknown> = (facts) =>
  facts.caseCount === 0 ? { code: 'noTestCase' } : facts.testerCount === 0 ? { code: 'noTester' } : null;
const executedGuard: Guard<CampaignFacts, unknown> = (facts) =>
  facts.executionCount === 0 ? { code: 'nothingExecuted' } : null;
const blockingAnomalyGuard: Guard<CampaignFacts, SignInput> = (facts, input) =>
  facts.openBlocking > 0 && input?.decision !== 'refused'
    ? { code: 'blockingAnomalyOpen', params: { count: facts.openBlocking } }
    : null;
const decisionGuard: Guard<CampaignFacts, SignInput> = (facts, input) => {
  if (input?.decision === 'refused' && !input.toFix) return { code: 'refusalNeedsWhatToFix' };
  if (input?.decision === 'accepted' && facts.openReservations > 0)
    return { code: 'reservationsOpen', params: { count: facts.openReservations } };
  return null;
};

/**
 * An acceptance campaign (recette) under the national acceptance method: planned → in progress → report
 * requested → report signed by the national accountant, whose decision is the state reached (accepted,
 * accepted with reservations, refused) — or cancelled. Signing builds and signs the national acceptance
 * report and opens the project's delivery (server/modules/acceptance/campaigns.lifecycle.ts).
 */
export const acceptanceCampaignLifecycle = defineLifecycle<CampaignState, CampaignTransition, CampaignFacts>({
  name: 'acceptanceCampaign',
  actionPrefix: 'campaign',
  targetType: 'acceptanceCampaign',
  label: { fr: 'Campagne de recette', en: 'Acceptance campaign' },
  initial: 'planned',
  states: {
    planned: { label: { fr: 'Planifiée', en: 'Planned' } },
    inProgress: { label: { fr: 'En cours', en: 'In progress' } },
    reportRequested: { label: { fr: 'Procès-verbal demandé', en: 'Report requested' } },
    accepted: { label: REPORT_DECISION_LABELS.accepted, terminal: true },
    acceptedWithReservations: { label: REPORT_DECISION_LABELS.acceptedWithReservations, terminal: true },
    refused: { label: REPORT_DECISION_LABELS.refused, terminal: true, side: true },
    cancelled: { label: { fr: 'Annulée', en: 'Cancelled' }, terminal: true, side: true },
  },
  transitions: {
    start: {
      from: ['planned'],
      to: 'inProgress',
      parties: managers,
      label: { fr: 'Lancer la campagne', en: 'Start the campaign' },
      guards: [evaluationGuard, planGuard],
    },
    requestReport: {
      from: ['inProgress'],
      to: 'reportRequested',
      parties: managers,
      label: { fr: 'Demander le procès-verbal', en: 'Request the report' },
      confirm: true,
      guards: [executedGuard, blockingAnomalyGuard],
    },
    resumeTesting: {
      from: ['reportRequested'],
      to: 'inProgress',
      parties: managers,
      label: { fr: 'Reprendre les tests', en: 'Resume testing' },
    },
    sign: {
      from: ['reportRequested'],
      to: ['accepted', 'acceptedWithReservations', 'refused'],
      resolveTo: (_facts, input: SignInput | undefined) => (input?.decision ?? 'refused') as ReportDecision,
      // Only the national accountant (DDFC/DC2R) signs the national acceptance report.
      parties: [role('nationalAccountant')],
      label: { fr: 'Signer le procès-verbal', en: 'Sign the report' },
      confirm: true,
      input: signInput,
      guards: [blockingAnomalyGuard, decisionGuard],
    },
    cancel: {
      from: ['planned', 'inProgress', 'reportRequested'],
      to: 'cancelled',
      parties: managers,
      label: { fr: 'Annuler la campagne', en: 'Cancel the campaign' },
      confirm: true,
      tone: 'danger',
      input: z.object({
        reason: longText("Le motif de l'annulation", { missing: "Indiquez le motif de l'annulation." })
          .min(3, { error: "Indiquez le motif de l'annulation (3 caractères au moins)." })
          .max(1000, max(1000, "Le motif de l'annulation"))
          .meta({ label: { fr: "Motif de l'annulation", en: 'Reason for cancelling' } }),
      }),
    },
  },
  messages: {
    evaluationMissing: {
      fr: "L'évaluation de la grille n'a pas commencé : une campagne de recette ne s'ouvre qu'une fois la grille de la filière renseignée sans point bloquant.",
      en: 'The grid evaluation has not started: an acceptance campaign opens only once the track grid has no blocking item.',
    },
    evaluationBlocking: {
      fr: "L'évaluation de la grille a encore {count} point(s) bloquant(s) : faites valider les exigences obligatoires avant la recette.",
      en: 'The grid evaluation still has {count} blocking item(s): have the mandatory requirements validated before acceptance.',
    },
    noTestCase: {
      fr: 'Le plan de tests est vide : écrivez ou importez au moins un cas de test avant de lancer la campagne.',
      en: 'The test plan is empty: write or import at least one test case before starting.',
    },
    noTester: {
      fr: 'Aucun testeur nommé : désignez au moins un testeur avant de lancer la campagne.',
      en: 'No tester named: name at least one tester before starting.',
    },
    nothingExecuted: {
      fr: "Aucun cas de test n'a été exécuté : le procès-verbal rend compte des exécutions.",
      en: 'No test case has been executed: the report accounts for the executions.',
    },
    blockingAnomalyOpen: {
      fr: '{count} anomalie(s) bloquante(s) encore ouverte(s) : corrigez-les et faites-les retester (ou refusez la recette).',
      en: '{count} blocking anomaly(ies) still open: fix and re-test them (or refuse acceptance).',
    },
    refusalNeedsWhatToFix: {
      fr: 'Un refus dit ce qui doit être corrigé : renseignez « Ce qui doit être corrigé ».',
      en: 'A refusal says what must be fixed: fill in "What must be fixed".',
    },
    reservationsOpen: {
      fr: '{count} anomalie(s) restent ouvertes : prononcez la recette avec réserves, ou faites-les clore.',
      en: '{count} anomaly(ies) remain open: accept with reservations, or have them closed.',
    },
  },
});
