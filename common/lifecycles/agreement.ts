import { z } from 'zod';
import { type AgreementState, AGREEMENT_STATE_LABELS as L } from '../compensation/vocabulary.ts';
import { defineLifecycle, directorOf, type Guard, role } from '../lifecycle.ts';
import { longText } from '../schemas/common.ts';

/** What the guards of an agreement read; the server gathers them in the transaction (agreements.lifecycle.ts). */
export interface AgreementFacts {
  /** Versions of the text negotiated so far. */
  textCount: number;
  /** The last month of the agreement's period, and this month (Paris), AAAA-MM. */
  periodEnd: string;
  thisMonth: string;
}

export type AgreementTransition =
  | 'openNegotiation'
  | 'approveForOffice'
  | 'approveForDdo'
  | 'activate'
  | 'close'
  | 'terminate';

const ddo = role('operationsDirectorate');

const textGuard: Guard<AgreementFacts, unknown> = (facts) =>
  facts.textCount === 0 ? { code: 'noText' } : null;
const notEnded: Guard<AgreementFacts, unknown> = (facts) =>
  facts.periodEnd < facts.thisMonth ? { code: 'periodEnded', params: { month: facts.periodEnd } } : null;
const ended: Guard<AgreementFacts, unknown> = (facts) =>
  facts.periodEnd >= facts.thisMonth ? { code: 'periodNotOver', params: { month: facts.periodEnd } } : null;

/**
 * A compensation agreement between the DDO and an office: drafted by the DDO, negotiated (versions of
 * the text, comments), approved by the office's director then by the DDO, in force, then closed at its
 * term or terminated early with a reason. An amendment is a new agreement linked to the first.
 */
export const agreementLifecycle = defineLifecycle<AgreementState, AgreementTransition, AgreementFacts>({
  name: 'agreement',
  targetType: 'agreement',
  label: { fr: 'Convention de compensation', en: 'Compensation agreement' },
  initial: 'draft',
  states: {
    draft: { label: L.draft },
    negotiation: { label: L.negotiation },
    approvedByOffice: { label: L.approvedByOffice },
    approvedByDdo: { label: L.approvedByDdo },
    active: { label: L.active },
    closed: { label: L.closed, terminal: true },
    terminated: { label: L.terminated, terminal: true, side: true },
  },
  fields: {
    office: { fr: "de l'organisme signataire", en: 'of the signing office' },
  },
  transitions: {
    openNegotiation: {
      from: ['draft'],
      to: 'negotiation',
      parties: [ddo],
      label: { fr: 'Ouvrir la négociation', en: 'Open the negotiation' },
      guards: [textGuard],
    },
    approveForOffice: {
      from: ['negotiation'],
      to: 'approvedByOffice',
      parties: [directorOf('office')],
      label: { fr: "Approuver pour l'organisme", en: 'Approve for the office' },
      confirm: true,
      guards: [textGuard, notEnded],
    },
    approveForDdo: {
      from: ['approvedByOffice'],
      to: 'approvedByDdo',
      parties: [ddo],
      label: { fr: 'Approuver pour la DDO', en: 'Approve for the DDO' },
      confirm: true,
      guards: [notEnded],
    },
    activate: {
      from: ['approvedByDdo'],
      to: 'active',
      parties: [ddo],
      label: { fr: 'Mettre en vigueur', en: 'Put into force' },
      guards: [notEnded],
    },
    close: {
      from: ['active'],
      to: 'closed',
      parties: [ddo],
      label: { fr: 'Clore à son terme', en: 'Close at its end' },
      guards: [ended],
    },
    terminate: {
      from: ['negotiation', 'approvedByOffice', 'approvedByDdo', 'active'],
      to: 'terminated',
      parties: [ddo, directorOf('office')],
      label: { fr: 'Résilier', en: 'Terminate' },
      confirm: true,
      tone: 'danger',
      input: z.object({
        reason: longText('Le motif de la résiliation', { missing: 'Indiquez le motif de la résiliation.' })
          .min(3, { error: 'Indiquez le motif de la résiliation (3 caractères au moins).' })
          .max(2000, { error: 'Le motif de la résiliation est limité à 2 000 caractères.' })
          .meta({ label: { fr: 'Motif de la résiliation', en: 'Reason for terminating' } }),
      }),
    },
  },
  messages: {
    noText: {
      fr: "La convention n'a pas encore de texte : proposez-en une version.",
      en: 'The agreement has no text yet: propose a version of it.',
    },
    periodEnded: {
      fr: 'La période de la convention a pris fin ({month}) : prolongez-la par un avenant.',
      en: 'The period of the agreement has ended ({month}): extend it with an amendment.',
    },
    periodNotOver: {
      fr: "La période de la convention court jusqu'à {month} : résiliez-la pour l'arrêter avant.",
      en: 'The period of the agreement runs until {month}: terminate it to stop it earlier.',
    },
  },
});
