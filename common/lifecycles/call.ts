import { z } from 'zod';
import { type CallState, CALL_STATE_LABELS as L } from '../calls/vocabulary.ts';
import { defineLifecycle, directorOf, type Guard, role, sponsorOf, system } from '../lifecycle.ts';
import { longText } from '../schemas/common.ts';

/** What the guards of a call read; the server gathers them in the transaction (calls.lifecycle.ts). */
export interface CallFacts {
  criteriaCount: number;
  /** Weights of the criteria, summed (they must make 100). */
  weightTotal: number;
  /** The day proposals are taken until (AAAA-MM-JJ), and today in Paris. */
  proposalsUntil: string;
  today: string;
  /** A local call names the offices that may answer. */
  scopeIncomplete: boolean;
}

export type CallTransition = 'publish' | 'close' | 'startEvaluation' | 'decide' | 'archive' | 'cancel';

/** The issuer of a call: the director of the issuing office, or a sponsor of the issuing directorate. */
const issuer = [directorOf('issuer'), sponsorOf('issuer'), role('admin')];

const reason = (what: string, label: { fr: string; en: string }) =>
  longText(what, { missing: `Indiquez ${what.toLowerCase()}.` })
    .min(3, { error: `Indiquez ${what.toLowerCase()} (3 caractères au moins).` })
    .max(2000, { error: `${what} est limité à 2 000 caractères.` })
    .meta({ label });

const criteriaGuard: Guard<CallFacts, unknown> = (facts) =>
  facts.criteriaCount === 0
    ? { code: 'noCriteria' }
    : facts.weightTotal !== 100
      ? { code: 'weightsNot100', params: { total: facts.weightTotal } }
      : null;
const deadlineGuard: Guard<CallFacts, unknown> = (facts) =>
  facts.proposalsUntil < facts.today
    ? { code: 'deadlinePassed', params: { date: facts.proposalsUntil } }
    : null;
const scopeGuard: Guard<CallFacts, unknown> = (facts) =>
  facts.scopeIncomplete ? { code: 'scopeIncomplete' } : null;

/**
 * A call for projects: draft → published → closed for proposals (by the platform, at the end of the
 * "proposals until" day, Paris time) → under evaluation → decided (→ archived); cancelled with a reason
 * at any point before decided. Issued by an office (its director) or a national directorate (its sponsors).
 */
export const callLifecycle = defineLifecycle<CallState, CallTransition, CallFacts>({
  name: 'call',
  targetType: 'call',
  label: { fr: 'Appel à projets', en: 'Call for projects' },
  initial: 'draft',
  states: {
    draft: { label: L.draft },
    published: { label: L.published },
    closed: { label: L.closed },
    underEvaluation: { label: L.underEvaluation },
    decided: { label: L.decided },
    archived: { label: L.archived, terminal: true },
    cancelled: { label: L.cancelled, terminal: true, side: true },
  },
  fields: {
    issuer: { fr: "de l'émetteur de l'appel", en: 'of the issuer of the call' },
  },
  transitions: {
    publish: {
      from: ['draft'],
      to: 'published',
      parties: issuer,
      label: { fr: "Publier l'appel", en: 'Publish the call' },
      confirm: true,
      guards: [criteriaGuard, scopeGuard, deadlineGuard],
    },
    close: {
      from: ['published'],
      to: 'closed',
      // Only the platform closes, at the end of the "proposals until" day (Paris time).
      parties: [system],
      label: { fr: 'Clore les propositions', en: 'Close for proposals' },
    },
    startEvaluation: {
      from: ['closed'],
      to: 'underEvaluation',
      parties: issuer,
      label: { fr: "Ouvrir l'évaluation", en: 'Start the evaluation' },
    },
    decide: {
      from: ['underEvaluation'],
      to: 'decided',
      // Applied by the selection (the issuer's, or the governance board's confirmation for a national call).
      parties: [system],
      label: { fr: 'Prononcer la sélection', en: 'Announce the selection' },
      confirm: true,
      input: z.object({
        rationale: reason('Le motif de la sélection', {
          fr: 'Motif de la sélection',
          en: 'Rationale of the selection',
        }),
      }),
    },
    archive: {
      from: ['decided'],
      to: 'archived',
      parties: issuer,
      label: { fr: "Archiver l'appel", en: 'Archive the call' },
    },
    cancel: {
      from: ['draft', 'published', 'closed', 'underEvaluation'],
      to: 'cancelled',
      parties: issuer,
      label: { fr: "Annuler l'appel", en: 'Cancel the call' },
      confirm: true,
      tone: 'danger',
      input: z.object({
        reason: reason("Le motif de l'annulation", {
          fr: "Motif de l'annulation",
          en: 'Reason for cancelling',
        }),
      }),
    },
  },
  messages: {
    noCriteria: {
      fr: "L'appel n'a aucun critère d'évaluation : ajoutez-en avant de le publier.",
      en: 'The call has no evaluation criterion: add some before publishing it.',
    },
    weightsNot100: {
      fr: 'Les poids des critères totalisent {total} : ils doivent faire 100.',
      en: 'The criteria weights add up to {total}: they must make 100.',
    },
    deadlinePassed: {
      fr: 'La date limite des propositions ({date}) est passée : reportez-la avant de publier.',
      en: 'The proposals deadline ({date}) has passed: move it before publishing.',
    },
    scopeIncomplete: {
      fr: 'Un appel local nomme les organismes qui peuvent répondre : ajoutez-en au moins un.',
      en: 'A local call names the offices that may answer: add at least one.',
    },
  },
});
