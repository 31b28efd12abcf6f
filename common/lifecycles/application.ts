import { z } from 'zod';
import type { CertificationStatus, Track } from '../catalog/vocabulary.ts';
import { defineLifecycle, developerOf, directorOf, role } from '../lifecycle.ts';
import { calendarDate, longText } from '../schemas/common.ts';

/** Facts the guards of a sheet's lifecycles read; the server gathers them in the transaction. */
export interface ApplicationFacts {
  track: Track;
}

export const APPLICATION_RECORD_STATES = ['published', 'archived'] as const;
export type ApplicationRecordState = (typeof APPLICATION_RECORD_STATES)[number];

/** A free text given with a transition; `what` names it in the messages ("le motif", "le fondement"). */
const reasonInput = (label: { fr: string; en: string }, what: string, required: boolean) => {
  const reason = longText(capitalise(what), { missing: `Indiquez ${what}.` }).max(1000, {
    error: `${capitalise(what)} est limité à 1 000 caractères.`,
  });
  return (
    required ? reason.min(3, { error: `Indiquez ${what} (3 caractères au moins).` }) : reason.optional()
  ).meta({ label });
};
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Today in UTC (AAAA-MM-JJ): a decision is not dated in the future. */
const today = () => new Date().toISOString().slice(0, 10);

const writers = [role('admin', 'itDirectorate'), developerOf('designerOffice'), directorOf('designerOffice')];

/** A sheet is published in the catalogue, or archived (out of the lists, its history kept). */
export const applicationRecordLifecycle = defineLifecycle<
  ApplicationRecordState,
  'archive' | 'restore',
  ApplicationFacts
>({
  name: 'applicationRecord',
  actionPrefix: 'application',
  targetType: 'application',
  label: { fr: 'Fiche', en: 'Sheet' },
  initial: 'published',
  states: {
    published: { label: { fr: 'Publiée', en: 'Published' } },
    archived: { label: { fr: 'Archivée', en: 'Archived' } },
  },
  fields: { designerOffice: { fr: "de l'organisme concepteur", en: 'of the designer office' } },
  transitions: {
    archive: {
      from: ['published'],
      to: 'archived',
      parties: writers,
      label: { fr: 'Archiver la fiche', en: 'Archive the sheet' },
      confirm: true,
      tone: 'danger',
      // The reason is required: it is what the history tells whoever finds the sheet archived.
      input: z.object({
        reason: reasonInput(
          { fr: "Motif de l'archivage", en: 'Reason for archiving' },
          "le motif de l'archivage",
          true,
        ),
      }),
    },
    restore: {
      from: ['archived'],
      to: 'published',
      parties: writers,
      label: { fr: 'Restaurer la fiche', en: 'Restore the sheet' },
    },
  },
});

const certifiers = [role('nationalAccountant', 'itDirectorate')];
const CERTIFYING_TRACKS: readonly Track[] = ['labelling', 'homologation'];

/**
 * Certification of an application: no longer a field anyone edits, but transitions reserved to the
 * national accountant (DDFC/DC2R) and the DDSI — national acceptance reports will drive them later.
 * Labelled or homologated follows the track.
 */
export const applicationCertificationLifecycle = defineLifecycle<
  CertificationStatus,
  'startCertification' | 'certify' | 'withdrawCertification',
  ApplicationFacts
>({
  name: 'applicationCertification',
  actionPrefix: 'application',
  targetType: 'application',
  label: { fr: 'Certification', en: 'Certification' },
  initial: 'none',
  states: {
    none: { label: { fr: 'Aucune certification', en: 'None' } },
    inProgress: { label: { fr: 'Certification en cours', en: 'In progress' } },
    labelled: { label: { fr: 'Labellisée', en: 'Labelled' } },
    homologated: { label: { fr: 'Homologuée', en: 'Homologated' } },
    withdrawn: { label: { fr: 'Certification retirée', en: 'Withdrawn' }, side: true },
  },
  transitions: {
    startCertification: {
      from: ['none', 'withdrawn'],
      to: 'inProgress',
      parties: certifiers,
      label: { fr: 'Engager la certification', en: 'Start certification' },
      guards: [(facts) => (CERTIFYING_TRACKS.includes(facts.track) ? null : { code: 'notCertifyingTrack' })],
    },
    certify: {
      from: ['none', 'inProgress', 'withdrawn'],
      to: ['labelled', 'homologated'],
      resolveTo: (facts) => (facts.track === 'labelling' ? 'labelled' : 'homologated'),
      parties: certifiers,
      label: { fr: 'Certifier', en: 'Certify' },
      confirm: true,
      input: z.object({
        rationale: reasonInput(
          { fr: 'Fondement de la décision (procès-verbal, référence)', en: 'Grounds (report, reference)' },
          'le fondement de la décision',
          true,
        ),
        decidedOn: calendarDate('La date de décision')
          .refine((date) => date <= today(), { error: 'La date de décision ne peut pas être dans le futur.' })
          .optional()
          .meta({ label: { fr: 'Date de la décision', en: 'Decision date' } }),
      }),
      guards: [(facts) => (CERTIFYING_TRACKS.includes(facts.track) ? null : { code: 'notCertifyingTrack' })],
    },
    withdrawCertification: {
      from: ['inProgress', 'labelled', 'homologated'],
      to: 'withdrawn',
      parties: certifiers,
      label: { fr: 'Retirer la certification', en: 'Withdraw certification' },
      confirm: true,
      tone: 'danger',
      input: z.object({
        reason: reasonInput(
          { fr: 'Motif du retrait', en: 'Reason for the withdrawal' },
          'le motif du retrait',
          true,
        ),
      }),
    },
  },
  messages: {
    notCertifyingTrack: {
      fr: "Seule une application des filières labellisation ou homologation peut être certifiée : changez d'abord sa filière.",
      en: 'Only an application on the labelling or homologation track can be certified: change its track first.',
    },
  },
});
