import { z } from 'zod';
import {
  REGISTRATION_ACTIONS,
  REGISTRATION_STATUSES,
  SESSION_STATES,
  TRAINING_MODES,
} from '../community/training.ts';
import { REFERENT_REGIONS, type ReferentRegion } from '../community/vocabulary.ts';
import { calendarDate, longText, text } from './common.ts';
import { lifecycleViewSchema, transitionSchema } from './lifecycle.ts';

/** Starter-kit training sessions, the requests for a place and the waiting lists. */

const regionEnum = z.enum(REFERENT_REGIONS as [ReferentRegion, ...ReferentRegion[]], {
  error: 'La région est une des régions du réseau.',
});
const office = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const createSessionSchema = z.object({
  region: regionEnum,
  title: text('Le titre')
    .min(3, { error: 'Le titre compte au moins 3 caractères.' })
    .max(200, { error: 'Le titre est limité à 200 caractères.' }),
  mode: z.enum(TRAINING_MODES, { error: 'La modalité vaut onSite (présentiel) ou remote (à distance).' }),
  place: text('Le lieu').max(300, { error: 'Le lieu est limité à 300 caractères.' }).nullable().optional(),
  startsOn: calendarDate('La date de début'),
  capacity: z
    .number({ error: 'La capacité est un nombre.' })
    .int({ error: 'La capacité est un nombre entier.' })
    .min(1, { error: 'La capacité est d’au moins une place.' })
    .max(100, { error: 'La capacité est de 100 places au plus.' }),
});
export type CreateSessionInput = z.infer<typeof createSessionSchema>;

const required = (what: string) =>
  z.literal(true, {
    error: `Prérequis de la formation (lettre réseau §3.2.1.1) : le développeur doit avoir été formé ${what}.`,
  });
export const prerequisitesSchema = z.object({
  php: required('à PHP'),
  symfony: required('à Symfony'),
  versioning: required('à la gestion de versions'),
  /** Recommended, not required: a first use of Symfony. */
  symfonyUsed: z.boolean({ error: '« Première utilisation de Symfony » vaut true ou false.' }),
});

export const requestTrainingSchema = z.object({
  developerId: z.uuid({ error: "L'identifiant du développeur n'est pas valide." }),
  /** A session of the developer's region; without one, a request for the region (demand). */
  sessionId: z.uuid({ error: "L'identifiant de la session n'est pas valide." }).optional(),
  prerequisites: prerequisitesSchema,
  note: longText('La note').max(1000, { error: 'La note est limitée à 1 000 caractères.' }).optional(),
});
export type RequestTrainingInput = z.infer<typeof requestTrainingSchema>;

export const registrationActionSchema = z.object({
  action: z.enum(REGISTRATION_ACTIONS, {
    error: "L'action vaut checkPrerequisites, refuse, cancel, markAttended ou markAbsent.",
  }),
  reason: longText('Le motif').max(1000, { error: 'Le motif est limité à 1 000 caractères.' }).optional(),
});
export type RegistrationActionInput = z.infer<typeof registrationActionSchema>;

export const registrationSchema = z
  .object({
    id: z.uuid(),
    sessionId: z.uuid().nullable(),
    region: regionEnum,
    developer: z.object({ id: z.uuid(), displayName: z.string(), office }),
    status: z.enum(REGISTRATION_STATUSES),
    /** Rank on the waiting list (1 = next to get a place); null otherwise. */
    position: z.number().int().nullable(),
    prerequisites: z.object({
      php: z.boolean(),
      symfony: z.boolean(),
      versioning: z.boolean(),
      symfonyUsed: z.boolean(),
    }),
    prerequisitesCheckedAt: z.string().nullable(),
    reason: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'TrainingRegistration' });
export type RegistrationDto = z.infer<typeof registrationSchema>;

export const sessionSummarySchema = z.object({
  id: z.uuid(),
  region: regionEnum,
  title: z.string(),
  mode: z.enum(TRAINING_MODES),
  place: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  capacity: z.number().int(),
  trainerOffice: office,
  state: z.enum(SESSION_STATES),
  version: z.number().int(),
  seated: z.number().int(),
  waitlisted: z.number().int(),
});
export type SessionSummaryDto = z.infer<typeof sessionSummarySchema>;

export const sessionSchema = sessionSummarySchema
  .extend({
    registrations: z.array(registrationSchema),
    /** May the caller check prerequisites and mark attendance here. */
    canManage: z.boolean(),
    transitions: z.array(transitionSchema),
    lifecycles: z.array(lifecycleViewSchema),
  })
  .meta({ id: 'TrainingSession' });
export type SessionDto = z.infer<typeof sessionSchema>;

export const sessionListQuerySchema = z.object({
  region: regionEnum.optional(),
  state: z.enum(SESSION_STATES, { error: 'État inconnu : published, completed ou cancelled.' }).optional(),
});

export const demandSchema = z.object({
  regions: z.array(z.object({ region: regionEnum, requests: z.array(registrationSchema) })),
});
