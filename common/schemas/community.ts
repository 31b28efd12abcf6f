import { z } from 'zod';
import {
  REFERENT_APPLICATION_STATES,
  REFERENT_REGIONS,
  type ReferentRegion,
} from '../community/vocabulary.ts';
import { ORGANISATION_TYPES, REGIONS } from '../organisations.ts';
import { longText, pageNumber, pageSize, rowVersion, text } from './common.ts';
import { lifecycleViewSchema, transitionSchema } from './lifecycle.ts';

/** The developers' directory, the regional referents and the applications to become one. */

const officeSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  region: z.enum(REGIONS),
});
const linkSchema = z.object({ id: z.uuid(), name: z.string() });

const referentRegion = z.enum(REFERENT_REGIONS as [ReferentRegion, ...ReferentRegion[]], {
  error: 'La région est une des régions du réseau (la direction nationale n’a pas de référent régional).',
});

const tag = (label: string) =>
  text(label)
    .min(1, { error: `${label} ne peut pas être vide.` })
    .max(60, { error: `${label} est limité à 60 caractères.` });
const tagList = (label: string, what: string) =>
  z
    .array(tag(label), { error: `${what} est une liste de textes.` })
    .max(30, { error: `${what} compte au plus 30 éléments.` });
const idList = (what: string) =>
  z
    .array(z.uuid({ error: `${what} contient un identifiant qui n'est pas valide.` }), {
      error: `${what} est une liste d'identifiants.`,
    })
    .max(30, { error: `${what} compte au plus 30 éléments.` });

export const developerSummarySchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    office: officeSchema,
    isReferent: z.boolean(),
    headline: z.string().nullable(),
    skills: z.array(z.string()),
    technologies: z.array(z.string()),
    availableForCollaboration: z.boolean(),
    trainedAt: z.string().nullable(),
  })
  .meta({ id: 'DeveloperSummary' });
export type DeveloperSummaryDto = z.infer<typeof developerSummarySchema>;

export const developerProfileSchema = developerSummarySchema
  .extend({
    email: z.string(),
    availabilityNote: z.string().nullable(),
    applications: z.array(linkSchema),
    projects: z.array(linkSchema),
    /** null until the person writes a profile: the first PUT sends no version. */
    version: z.number().int().nullable(),
    updatedAt: z.string().nullable(),
    /** May the caller edit it (only its owner). */
    editable: z.boolean(),
  })
  .meta({ id: 'DeveloperProfile' });
export type DeveloperProfileDto = z.infer<typeof developerProfileSchema>;

const facet = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const developerDirectorySchema = z.object({
  items: z.array(developerSummarySchema),
  total: z.number().int(),
  facets: z.object({
    regions: facet,
    technologies: facet,
    skills: facet,
    trained: z.number().int(),
    available: z.number().int(),
  }),
});
export type DeveloperDirectoryDto = z.infer<typeof developerDirectorySchema>;

const yesOrNo = (label: string) =>
  z
    .enum(['true', 'false'], { error: `${label} vaut true ou false.` })
    .transform((v) => v === 'true')
    .optional();

export const developerListQuerySchema = z.object({
  q: text('La recherche').max(100, { error: 'La recherche est limitée à 100 caractères.' }).optional(),
  region: z.enum(REGIONS, { error: 'Région inconnue.' }).optional(),
  organisationId: z.uuid({ error: "L'identifiant de l'organisme n'est pas valide." }).optional(),
  technology: tag('La technologie').optional(),
  skill: tag('La compétence').optional(),
  trained: yesOrNo('« Formé au starter kit »'),
  available: yesOrNo('« Disponible pour collaborer »'),
  page: pageNumber,
  pageSize: pageSize(100, 25),
});
export type DeveloperListQuery = z.input<typeof developerListQuerySchema>;

export const updateDeveloperProfileSchema = z.object({
  /** The version read; absent for the first profile. */
  version: rowVersion.optional(),
  headline: text('La présentation')
    .max(200, { error: 'La présentation est limitée à 200 caractères.' })
    .nullable()
    .optional(),
  skills: tagList('Une compétence', 'La liste des compétences'),
  technologies: tagList('Un langage ou framework', 'La liste des langages et frameworks'),
  applicationIds: idList('La liste des applications'),
  projectIds: idList('La liste des projets'),
  availableForCollaboration: z.boolean({ error: '« Disponible pour collaborer » vaut true ou false.' }),
  availabilityNote: longText('La note de disponibilité')
    .max(500, { error: 'La note de disponibilité est limitée à 500 caractères.' })
    .nullable()
    .optional(),
});
export type UpdateDeveloperProfileInput = z.infer<typeof updateDeveloperProfileSchema>;

export const referentSchema = z.object({
  id: z.uuid(),
  office: officeSchema,
  region: z.enum(REFERENT_REGIONS as [ReferentRegion, ...ReferentRegion[]]),
  namedAt: z.string(),
});
export type ReferentDto = z.infer<typeof referentSchema>;

export const coverageSchema = z
  .object({
    regions: z.array(
      z.object({
        region: z.enum(REFERENT_REGIONS as [ReferentRegion, ...ReferentRegion[]]),
        referents: z.array(referentSchema),
        pendingApplications: z.number().int(),
      }),
    ),
    covered: z.number().int(),
    uncovered: z.number().int(),
  })
  .meta({ id: 'ReferentCoverage' });
export type CoverageDto = z.infer<typeof coverageSchema>;

export const nameReferentSchema = z.object({
  organisationId: z.uuid({ error: "L'identifiant de l'organisme n'est pas valide." }),
  region: referentRegion,
});
export type NameReferentInput = z.infer<typeof nameReferentSchema>;

export const submitReferentApplicationSchema = z.object({
  region: referentRegion,
  motivation: longText('La motivation', {
    missing: 'Dites en quelques lignes pourquoi votre organisme candidate.',
  })
    .min(10, { error: 'La motivation compte au moins 10 caractères.' })
    .max(2000, { error: 'La motivation est limitée à 2 000 caractères.' }),
});
export type SubmitReferentApplicationInput = z.infer<typeof submitReferentApplicationSchema>;

export const referentApplicationSummarySchema = z.object({
  id: z.uuid(),
  office: officeSchema,
  region: z.enum(REFERENT_REGIONS as [ReferentRegion, ...ReferentRegion[]]),
  motivation: z.string(),
  state: z.enum(REFERENT_APPLICATION_STATES),
  decisionNote: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type ReferentApplicationSummaryDto = z.infer<typeof referentApplicationSummarySchema>;

export const referentApplicationSchema = referentApplicationSummarySchema
  .extend({
    transitions: z.array(transitionSchema),
    lifecycles: z.array(lifecycleViewSchema),
  })
  .meta({ id: 'ReferentApplication' });
export type ReferentApplicationDto = z.infer<typeof referentApplicationSchema>;

export const referentApplicationListQuerySchema = z.object({
  state: z
    .enum(REFERENT_APPLICATION_STATES, { error: 'État inconnu : pending, accepted, refused ou withdrawn.' })
    .optional(),
});
