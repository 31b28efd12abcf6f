import { z } from 'zod';
import { OFFER_KINDS, OFFER_STATES, SPONSORSHIP_STATES } from '../projects.ts';
import { calendarDate, longText, rowVersion, text } from './common.ts';

/** Sponsorships, offers, capacities, contributions and comments of projects in progress. */

const organisationName = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
const rationale = (label: string, required: boolean) => {
  const field = longText(label).max(2000, { error: `${label} est limitée à 2 000 caractères.` });
  return required
    ? field.min(3, { error: `${label} est obligatoire (3 caractères au moins).` })
    : field.optional();
};
const decision = z.enum(['accepted', 'declined'], { error: 'La décision vaut accepted ou declined.' });

export const sponsorshipRequestSchema = z.object({
  directorateId: z.uuid({ error: 'La direction nationale sollicitée est obligatoire.' }),
  pitch: longText('La présentation du projet')
    .min(20, { error: 'Présentez le projet à la direction en 20 caractères au moins.' })
    .max(4000, { error: 'La présentation du projet est limitée à 4 000 caractères.' }),
});
export const sponsorshipDecisionSchema = z.object({
  decision,
  rationale: rationale('La justification de la décision', true),
  version: rowVersion,
});
export const withdrawalSchema = z.object({
  version: rowVersion,
  rationale: rationale('Le motif du retrait', false),
});

export const sponsorshipSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    projectTitle: z.string(),
    directorate: organisationName,
    pitch: z.string(),
    state: z.enum(SPONSORSHIP_STATES),
    rationale: z.string().nullable(),
    requestedBy: z.string().nullable(),
    requestedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    /** Why it was withdrawn, if the one who withdrew it said so. */
    withdrawalReason: z.string().nullable(),
    /** Whole days since it was asked (the sponsor's queue shows the oldest first). */
    ageDays: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'Sponsorship' });
export type SponsorshipDto = z.infer<typeof sponsorshipSchema>;

export const sponsorshipQueueQuerySchema = z.object({
  state: z
    .enum(SPONSORSHIP_STATES, { error: 'État inconnu : pending, accepted, declined ou withdrawn.' })
    .optional(),
});

export const offerInputSchema = z.object({
  kind: z.enum(OFFER_KINDS, {
    error: 'La nature de la proposition vaut developerCapacity, coFunder, pilotSite ou acceptanceTester.',
  }),
  message: longText('Le message')
    .min(10, { error: 'Le message compte au moins 10 caractères.' })
    .max(2000, { error: 'Le message est limité à 2 000 caractères.' }),
  personDays: z
    .number({ error: "L'effort proposé est un nombre de jours-personne." })
    .int({ error: "L'effort proposé est un nombre entier de jours-personne." })
    .min(1, { error: "L'effort proposé va de 1 à 10 000 jours-personne." })
    .max(10000, { error: "L'effort proposé va de 1 à 10 000 jours-personne." })
    .nullish()
    .transform((v) => v ?? null),
});
export const offerDecisionSchema = z.object({
  decision,
  rationale: rationale('Le mot de réponse', false),
  version: rowVersion,
});
export const offerSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    organisation: organisationName,
    kind: z.enum(OFFER_KINDS),
    message: z.string(),
    personDays: z.number().int().nullable(),
    state: z.enum(OFFER_STATES),
    rationale: z.string().nullable(),
    offeredBy: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ProjectOffer' });
export type OfferDto = z.infer<typeof offerSchema>;

export const capacityInputSchema = z.object({
  quarter: text('Le trimestre').regex(/^20\d\d-T[1-4]$/, {
    error: 'Le trimestre s’écrit AAAA-Tn, par exemple 2027-T1.',
  }),
  personDays: z
    .number({ error: 'La capacité est un nombre de jours-personne.' })
    .int({ error: 'La capacité est un nombre entier de jours-personne.' })
    .min(0, { error: 'La capacité va de 0 à 100 000 jours-personne.' })
    .max(100000, { error: 'La capacité va de 0 à 100 000 jours-personne.' }),
  skills: z
    .array(text('Une compétence').min(1).max(60, { error: 'Une compétence est limitée à 60 caractères.' }))
    .max(30, { error: '30 compétences au plus.' })
    .default([]),
  comment: longText('Le commentaire')
    .max(1000, { error: 'Le commentaire est limité à 1 000 caractères.' })
    .default(''),
});
export const capacitySchema = z
  .object({
    id: z.uuid(),
    organisation: organisationName,
    quarter: z.string(),
    personDays: z.number().int(),
    skills: z.array(z.string()),
    comment: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Capacity' });
export type CapacityDto = z.infer<typeof capacitySchema>;

export const contributionInputSchema = z
  .object({
    personName: text('Le nom de la personne')
      .min(2, { error: 'Le nom de la personne compte au moins 2 caractères.' })
      .max(120, { error: 'Le nom de la personne est limité à 120 caractères.' }),
    organisationId: z.uuid({ error: "L'organisme de la personne est obligatoire." }),
    sharePercent: z
      .number({ error: 'La part du temps est un pourcentage de 1 à 100.' })
      .int({ error: 'La part du temps est un pourcentage entier.' })
      .min(1, { error: 'La part du temps va de 1 à 100 %.' })
      .max(100, { error: 'La part du temps va de 1 à 100 %.' }),
    startsOn: calendarDate('La date de début'),
    endsOn: calendarDate('La date de fin')
      .nullish()
      .transform((v) => v ?? null),
    role: text('Le rôle')
      .min(2, { error: 'Le rôle compte au moins 2 caractères.' })
      .max(120, { error: 'Le rôle est limité à 120 caractères.' }),
  })
  .refine((c) => !c.endsOn || c.endsOn >= c.startsOn, {
    error: 'La date de fin suit la date de début.',
    path: ['endsOn'],
  });
export const contributionSchema = z
  .object({
    id: z.uuid(),
    personName: z.string(),
    organisation: organisationName,
    sharePercent: z.number().int(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    role: z.string(),
  })
  .meta({ id: 'ProjectContribution' });
export type ContributionDto = z.infer<typeof contributionSchema>;

export const commentInputSchema = z.object({
  body: longText('Le commentaire', { trim: false })
    .refine((v) => v.trim().length > 0, { error: 'Le commentaire est vide.' })
    .refine((v) => v.length <= 10000, { error: 'Le commentaire est limité à 10 000 caractères.' }),
});
export const commentSchema = z
  .object({
    id: z.uuid(),
    author: z.object({ id: z.uuid(), displayName: z.string(), organisation: z.string() }),
    /** Empty once deleted. */
    body: z.string(),
    bodyHtml: z.string(),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
    deleted: z.boolean(),
    can: z.object({ edit: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'ProjectComment' });
export type CommentDto = z.infer<typeof commentSchema>;
export const commentIdParamsSchema = z.object({
  id: z.uuid({ error: "L'identifiant n'est pas valide." }),
  commentId: z.uuid({ error: "L'identifiant du commentaire n'est pas valide." }),
});
