import { z } from 'zod';
import { REGIONS } from '../organisations.ts';
import { ACTIVE_PHASES, PROJECT_FACETS, PROJECT_PHASES, PROJECT_SORTS } from '../projects.ts';
import { PROJECT_TRACKS } from '../tracks.ts';
import { descriptionField, domainCodeField, labelled, optionalText, organisationRef } from './application.ts';
import { calendarDate, longText, pageNumber, pageSize, rowVersion, text } from './common.ts';
import { lifecycleViewSchema, transitionSchema } from './lifecycle.ts';
import { contributionSchema, offerSchema, sponsorshipSchema } from './project-collaboration.ts';
import { SIMILAR_KINDS } from './similar.ts';

/** Projects in progress: the declaration, the PATCH, the project as the API answers it, the list. */

const office = (label: string) => z.uuid({ error: `${label} n'est pas un organisme valide.` });
const offices = (label: string) =>
  z
    .array(office(label), { error: `${label} est une liste d'organismes.` })
    .max(30, { error: `${label} : 30 organismes au plus.` })
    .transform((ids) => [...new Set(ids)]);
const url = (label: string) =>
  text(label)
    .max(500, { error: `${label} est limitée à 500 caractères.` })
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), {
      error: `${label} doit être une adresse web commençant par http:// ou https://.`,
    });
const phaseDate = (label: string) => calendarDate(label).nullish();
const phaseDates = z
  .partialRecord(
    z.enum(PROJECT_PHASES, { error: 'Phase inconnue.' }),
    z.object({ start: phaseDate('La date de début'), end: phaseDate('La date de fin') }),
    { error: 'Les dates prévues sont données par phase : { "development": { "start": "2026-01-05" } }.' },
  )
  .refine((dates) => Object.values(dates).every((d) => !d?.start || !d.end || d.start <= d.end), {
    error: 'Une phase prévue se termine après avoir commencé : vérifiez ses dates.',
  });

const contact = z.object({
  name: text('Le nom du contact')
    .min(2, { error: 'Le nom du contact compte au moins 2 caractères.' })
    .max(120, { error: 'Le nom du contact est limité à 120 caractères.' }),
  role: optionalText(120, 'Le rôle du contact'),
  email: z
    .email({ error: "L'adresse e-mail du contact n'est pas valide." })
    .max(200, { error: "L'adresse e-mail du contact est limitée à 200 caractères." })
    .nullish()
    .transform((v) => v ?? null),
  phone: optionalText(40, 'Le téléphone du contact'),
});

const fields = {
  title: text('Le titre')
    .min(3, { error: 'Le titre compte au moins 3 caractères.' })
    .max(120, { error: 'Le titre est limité à 120 caractères.' }),
  need: longText('Le besoin')
    .min(10, { error: 'Décrivez le besoin en 10 caractères au moins : quel problème, pour qui.' })
    .max(2000, { error: 'Le besoin est limité à 2 000 caractères.' }),
  description: descriptionField,
  domainCode: domainCodeField,
  track: z.enum(PROJECT_TRACKS, {
    error: (issue) =>
      issue.input === undefined || issue.input === null || issue.input === ''
        ? 'La filière est obligatoire : choisissez-en une (le guide vous aide).'
        : 'Filière inconnue : labelling, homologation, nonStandard ou nationalParticipation.',
  }),
  developerOrganisationIds: offices('Les organismes développeurs'),
  pilotOrganisationIds: offices('Les organismes pilotes'),
  contacts: z.array(contact).max(10, { error: 'Dix contacts au plus.' }),
  plannedDates: phaseDates,
  forgeUrl: url("L'adresse de la Forge"),
  transitionalProcedure: z.boolean({ error: 'La procédure transitoire se coche ou non (true ou false).' }),
  transitionalApplicationId: z
    .uuid({ error: "L'application concernée par la procédure transitoire n'est pas valide." })
    .nullish()
    .transform((v) => v ?? null),
  owningDirectorateId: office('La direction nationale')
    .nullish()
    .transform((v) => v ?? null),
  amStore: z.boolean({ error: "L'hébergement AM Cloud et le Store se cochent ou non (true ou false)." }),
};

/** An item the declarant was shown as similar and confirmed the project is not a duplicate of. */
const notDuplicateItem = z.object({
  kind: z.enum(SIMILAR_KINDS, { error: "Type d'élément inconnu : application ou project." }),
  id: z.uuid({ error: "L'identifiant de l'élément semblable n'est pas valide." }),
  title: text("Le titre de l'élément semblable").max(200, {
    error: "Le titre de l'élément semblable est limité à 200 caractères.",
  }),
  score: z
    .number({ error: 'La ressemblance est un nombre.' })
    .min(0, { error: 'La ressemblance va de 0 à 1.' })
    .max(1, { error: 'La ressemblance va de 0 à 1.' }),
});
export const duplicateCheckSchema = z.object({
  confirmedAt: z.string(),
  items: z.array(notDuplicateItem),
});
export type DuplicateCheck = z.infer<typeof duplicateCheckSchema>;

export const createProjectSchema = z.object({
  ...fields,
  /** The similar items shown while declaring, that the declarant confirmed are not the same project. */
  notDuplicateOf: z
    .array(notDuplicateItem)
    .max(20, { error: 'Vingt éléments semblables au plus.' })
    .optional(),
  description: fields.description.default(''),
  /** The holder office; by default the declarant's own. */
  holderOrganisationId: office("L'organisme porteur").optional(),
  developerOrganisationIds: fields.developerOrganisationIds.optional(),
  pilotOrganisationIds: fields.pilotOrganisationIds.default([]),
  contacts: fields.contacts.default([]),
  plannedDates: fields.plannedDates.default({}),
  transitionalProcedure: fields.transitionalProcedure.default(false),
  amStore: fields.amStore.default(false),
});
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

export const updateProjectSchema = z.object({
  ...(Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, (s as z.ZodType).optional()])) as {
    [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
  }),
  version: rowVersion,
});
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;

const multi = <T extends readonly [string, ...string[]]>(values: T, error: string) =>
  z
    .union([z.enum(values, { error }), z.array(z.enum(values, { error })).max(20)], { error })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional();
const multiText = (label: string) =>
  z
    .union([
      text(label).max(60, { error: `${label} est limité à 60 caractères.` }),
      z.array(text(label).max(60, { error: `${label} est limité à 60 caractères.` })).max(50),
    ])
    .transform((v) => (Array.isArray(v) ? v : [v]).filter((s) => s.length > 0))
    .optional();

export const projectListQuerySchema = z.object({
  q: text('La recherche').max(200, { error: 'La recherche est limitée à 200 caractères.' }).optional(),
  track: multi(PROJECT_TRACKS, 'Filière inconnue.'),
  phase: multi(PROJECT_PHASES, 'Phase inconnue.'),
  domain: multiText('Le domaine'),
  /** Holder offices, by code. */
  organisation: multiText("L'organisme"),
  region: multi(REGIONS, 'Région inconnue.'),
  /** Projects with no developer office yet ("besoins sans développeurs"). */
  needsDevelopers: z
    .enum(['true', 'false'], { error: 'Le filtre needsDevelopers vaut true ou false.' })
    .optional(),
  sort: z.enum(PROJECT_SORTS, { error: 'Tri inconnu : relevance, updated, title ou phase.' }).optional(),
  /** The projects of a catalogue sheet: the one its delivery wrote, or the existing application of §2.4. */
  application: z.uuid({ error: "L'application n'est pas valide." }).optional(),
  page: pageNumber,
  pageSize: pageSize(100, 20, 0),
});
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;

const organisationName = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
const datesDto = z.record(z.string(), z.object({ start: z.string().nullish(), end: z.string().nullish() }));

export const projectSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    need: z.string(),
    track: z.enum(PROJECT_TRACKS),
    phase: z.enum(PROJECT_PHASES),
    domain: labelled,
    holderOrganisation: organisationRef,
    developerOrganisations: z.array(organisationName),
    needsDevelopers: z.boolean(),
    sponsorshipAccepted: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ProjectSummary' });
export type ProjectSummaryDto = z.infer<typeof projectSummarySchema>;

const facetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export const projectPageSchema = z
  .object({
    items: z.array(projectSummarySchema),
    total: z.number().int(),
    facets: z.object(
      Object.fromEntries(PROJECT_FACETS.map((f) => [f, z.array(facetValue)])) as Record<
        (typeof PROJECT_FACETS)[number],
        z.ZodArray<typeof facetValue>
      >,
    ),
  })
  .meta({ id: 'ProjectPage' });
export type ProjectPageDto = z.infer<typeof projectPageSchema>;

const applicationRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable();

export const projectSchema = projectSummarySchema
  .extend({
    description: z.string(),
    descriptionHtml: z.string(),
    pilotOrganisations: z.array(organisationName),
    contacts: z.array(
      z.object({
        name: z.string(),
        role: z.string(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
      }),
    ),
    suspendedFrom: z.enum(ACTIVE_PHASES).nullable(),
    plannedDates: datesDto,
    actualDates: datesDto,
    forgeUrl: z.string().nullable(),
    transitionalProcedure: z.boolean(),
    transitionalApplication: applicationRef,
    homologationDeclaredOn: z.string().nullable(),
    acceptanceReport: z.object({ signedAt: z.string(), reference: z.string().nullable() }).nullable(),
    acceptanceOverride: z
      .object({ reason: z.string(), by: z.string().nullable(), at: z.string() })
      .nullable(),
    /** The catalogue sheet the delivery created or updated. */
    application: applicationRef,
    owningDirectorate: organisationName.nullable(),
    amStore: z.boolean(),
    /** Recorded at declaration: the similar items the declarant confirmed this is not a duplicate of. */
    duplicateCheck: duplicateCheckSchema.nullable(),
    /** What delivering means on this track (§2.3: the national information system, not a sheet). */
    delivers: z.enum(['catalogueSheet', 'nationalInformationSystem']),
    sponsorships: z.array(sponsorshipSchema),
    offers: z.array(offerSchema),
    contributions: z.array(contributionSchema),
    followerCount: z.number().int(),
    following: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    can: z.object({
      update: z.boolean(),
      requestSponsorship: z.boolean(),
      decideOffers: z.boolean(),
      offer: z.boolean(),
      recordContributions: z.boolean(),
    }),
    transitions: z.array(transitionSchema),
    lifecycles: z.array(lifecycleViewSchema),
  })
  .meta({ id: 'Project' });
export type ProjectDto = z.infer<typeof projectSchema>;
