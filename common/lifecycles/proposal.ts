import { z } from 'zod';
import { PROPOSAL_STATE_LABELS as L, type ProposalState } from '../calls/proposals.ts';
import type { CallState } from '../calls/vocabulary.ts';
import { defineLifecycle, developerOf, directorOf, type Guard, system } from '../lifecycle.ts';
import { longText } from '../schemas/common.ts';

/** What the guards of a proposal read; the server gathers them in the transaction (proposals.lifecycle.ts). */
export interface ProposalFacts {
  callState: CallState;
  /** The day proposals are taken until (AAAA-MM-JJ), and today in Paris. */
  proposalsUntil: string;
  today: string;
  /** The proposing office may answer the call (national: any office; regional: its region; local: named). */
  inScope: boolean;
  /** Partner offices that have not confirmed their participation yet. */
  unconfirmedPartners: number;
}

export type ProposalTransition = 'requestApproval' | 'submit' | 'sendBack' | 'withdraw' | 'select' | 'reject';

/** The office that answers: its developers prepare, its director approves and submits. */
const office = [developerOf('proposingOffice'), directorOf('proposingOffice')];

const reason = (what: string, label: { fr: string; en: string }) =>
  longText(what, { missing: `Indiquez ${what.toLowerCase()}.` })
    .min(3, { error: `Indiquez ${what.toLowerCase()} (3 caractères au moins).` })
    .max(2000, { error: `${what} est limité à 2 000 caractères.` })
    .meta({ label });

const callOpenGuard: Guard<ProposalFacts, unknown> = (facts) =>
  facts.callState !== 'published'
    ? { code: 'callNotOpen' }
    : facts.proposalsUntil < facts.today
      ? { code: 'deadlinePassed', params: { date: facts.proposalsUntil } }
      : null;
const scopeGuard: Guard<ProposalFacts, unknown> = (facts) => (facts.inScope ? null : { code: 'outOfScope' });
const partnersGuard: Guard<ProposalFacts, unknown> = (facts) =>
  facts.unconfirmedPartners > 0
    ? { code: 'partnersUnconfirmed', params: { count: facts.unconfirmedPartners } }
    : null;
const notDecidedGuard: Guard<ProposalFacts, unknown> = (facts) =>
  ['decided', 'archived'].includes(facts.callState) ? { code: 'callDecided' } : null;

/**
 * A proposal answering a call for projects: a developer of the office prepares it and asks the director's
 * approval; the director approves it — that submits it — or sends it back. Submitted, it is frozen; the
 * office may withdraw it until the decision. The selection of the call (selection.service.ts) then marks
 * it selected or not selected, with the rationale: only the platform fires those, on the issuer's
 * selection (or the governance board's confirmation for a national call).
 */
export const proposalLifecycle = defineLifecycle<ProposalState, ProposalTransition, ProposalFacts>({
  name: 'proposal',
  targetType: 'proposal',
  label: { fr: 'Proposition', en: 'Proposal' },
  initial: 'draft',
  states: {
    draft: { label: L.draft },
    awaitingApproval: { label: L.awaitingApproval },
    submitted: { label: L.submitted },
    selected: { label: L.selected, terminal: true },
    notSelected: { label: L.notSelected, terminal: true, side: true },
    withdrawn: { label: L.withdrawn, terminal: true, side: true },
  },
  fields: {
    proposingOffice: { fr: "de l'organisme qui propose", en: 'of the proposing office' },
  },
  transitions: {
    requestApproval: {
      from: ['draft'],
      to: 'awaitingApproval',
      parties: [developerOf('proposingOffice')],
      label: { fr: "Demander l'accord du directeur", en: "Ask for the director's approval" },
      guards: [callOpenGuard, scopeGuard],
    },
    submit: {
      from: ['draft', 'awaitingApproval'],
      to: 'submitted',
      parties: [directorOf('proposingOffice')],
      label: { fr: 'Approuver et déposer', en: 'Approve and submit' },
      confirm: true,
      guards: [callOpenGuard, scopeGuard, partnersGuard],
    },
    sendBack: {
      from: ['awaitingApproval'],
      to: 'draft',
      parties: [directorOf('proposingOffice')],
      label: { fr: 'Renvoyer pour reprise', en: 'Send back for changes' },
      input: z.object({
        reason: reason('Le motif du renvoi', { fr: 'Ce qui est à reprendre', en: 'What to change' }),
      }),
    },
    withdraw: {
      from: ['draft', 'awaitingApproval', 'submitted'],
      to: 'withdrawn',
      parties: office,
      label: { fr: 'Retirer la proposition', en: 'Withdraw the proposal' },
      confirm: true,
      tone: 'danger',
      guards: [notDecidedGuard],
      input: z.object({
        reason: reason('Le motif du retrait', { fr: 'Motif du retrait', en: 'Reason for withdrawing' }),
      }),
    },
    select: {
      from: ['submitted'],
      to: 'selected',
      // Applied by the selection of the call, never fired on its own.
      parties: [system],
      label: { fr: 'Retenir', en: 'Select' },
      input: z.object({ rationale: reason('Le motif', { fr: 'Motif', en: 'Rationale' }) }),
    },
    reject: {
      from: ['submitted'],
      to: 'notSelected',
      parties: [system],
      label: { fr: 'Ne pas retenir', en: 'Do not select' },
      input: z.object({ rationale: reason('Le motif', { fr: 'Motif', en: 'Rationale' }) }),
    },
  },
  messages: {
    callNotOpen: {
      fr: "L'appel n'est pas ouvert aux propositions.",
      en: 'The call is not open for proposals.',
    },
    deadlinePassed: {
      fr: 'La date limite des propositions ({date}) est passée.',
      en: 'The proposals deadline ({date}) has passed.',
    },
    outOfScope: {
      fr: "Votre organisme n'est pas dans la portée de cet appel.",
      en: 'Your office is outside the scope of this call.',
    },
    partnersUnconfirmed: {
      fr: "{count} organisme(s) partenaire(s) n'ont pas encore confirmé leur participation.",
      en: '{count} partner office(s) have not confirmed their participation yet.',
    },
    callDecided: {
      fr: "La sélection de l'appel est prononcée : la proposition ne se retire plus.",
      en: 'The selection of the call is announced: the proposal can no longer be withdrawn.',
    },
  },
});
