import { z } from 'zod';
import {
  APPLICATION_CODE_PATTERN,
  ATTACHMENT_KINDS,
  CERTIFICATION_STATUSES,
  CRITICALITY_CLASSES,
  HOSTINGS,
  LIFECYCLE_STAGES,
  PERSONAL_DATA_CATEGORIES,
  TRACKS,
} from '../catalog/vocabulary.ts';
import { ORGANISATION_TYPES, REGIONS } from '../organisations.ts';
import { calendarDate, longText, rowVersion, text } from './common.ts';
import { lifecycleViewSchema, transitionSchema } from './lifecycle.ts';

export const optionalText = (max: number, label: string) =>
  text(label)
    .max(max, { error: `${label} est limité à ${max} caractères.` })
    .nullish()
    .transform((v) => (v ? v : null));

const urlField = (label: string) =>
  text(label)
    .max(500, { error: `${label} est limitée à 500 caractères.` })
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), {
      error: `${label} doit être une adresse web commençant par http:// ou https://.`,
    });

const contactSchema = z.object({
  name: optionalText(120, 'Le nom du contact'),
  email: text("L'adresse e-mail du contact")
    .max(254, { error: "L'adresse e-mail du contact est limitée à 254 caractères." })
    .nullish()
    .transform((v) => (v ? v.toLowerCase() : null))
    .refine((v) => v === null || z.email().safeParse(v).success, {
      error: "L'adresse e-mail du contact n'est pas valide.",
    }),
  phone: optionalText(30, 'Le téléphone du contact'),
});
const emptyContact = { name: null, email: null, phone: null };

const technologiesSchema = z.object({
  php: optionalText(20, 'La version de PHP'),
  symfony: optionalText(20, 'La version de Symfony'),
  starterKit: optionalText(20, 'La version du starter kit'),
  psram: optionalText(20, 'La version des normes PSRAM'),
  database: optionalText(40, 'La base de données'),
  others: z
    .array(
      text('Une technologie')
        .min(1, { error: 'Une technologie ne peut pas être vide.' })
        .max(40, { error: 'Une technologie est limitée à 40 caractères.' }),
    )
    .max(20, { error: 'Au plus 20 autres technologies.' })
    .default([]),
});
const noTechnologies = {
  php: null,
  symfony: null,
  starterKit: null,
  psram: null,
  database: null,
  others: [],
};

export const applicationVersionInputSchema = z.object({
  number: text('Le numéro de version')
    .min(1, { error: 'Le numéro de version est obligatoire.' })
    .max(30, { error: 'Le numéro de version est limité à 30 caractères.' }),
  releasedOn: calendarDate('La date de version')
    .nullish()
    .transform((v) => v ?? null),
  notes: longText('Les notes de version')
    .max(2000, { error: 'Les notes de version sont limitées à 2 000 caractères.' })
    .default(''),
});

/** One value of a code list: a choice not made yet and an unknown value each get their message. */
const choice = <T extends readonly [string, ...string[]]>(values: T, missing: string, unknown: string) =>
  z.enum(values, {
    // Nothing chosen — left out, null, or the empty value of a select or a radio group — is "required".
    error: (issue) =>
      issue.input === undefined || issue.input === null || issue.input === '' ? missing : unknown,
  });

/** A Markdown description (sheets, projects): leading spaces kept, they mean something in Markdown. */
export const descriptionField = longText('La description', { trim: false }).max(20000, {
  error: 'La description est limitée à 20 000 caractères.',
});
export const domainCodeField = text('Le domaine métier')
  .min(1, { error: 'Le domaine métier est obligatoire.' })
  .max(60, { error: 'Le domaine métier est limité à 60 caractères.' });

const applicationFields = {
  code: text("L'identifiant").toUpperCase().regex(APPLICATION_CODE_PATTERN, {
    error: "L'identifiant compte 2 à 40 caractères : lettres majuscules, chiffres et tirets.",
  }),
  name: text('Le nom')
    .min(2, { error: 'Le nom doit compter au moins 2 caractères.' })
    .max(120, { error: 'Le nom est limité à 120 caractères.' }),
  summary: text('La description courte', { multiline: true })
    .min(10, { error: 'La description courte doit compter au moins 10 caractères.' })
    .max(200, { error: 'La description courte est limitée à 200 caractères.' }),
  description: descriptionField,
  domainCode: domainCodeField,
  designerOrganisationId: z.uuid({ error: "L'organisme concepteur est obligatoire." }),
  contributorOrganisationIds: z
    .array(z.uuid({ error: "Un organisme contributeur n'est pas valide." }))
    .max(50)
    .transform((ids) => [...new Set(ids)]),
  track: choice(TRACKS, 'La filière est obligatoire : choisissez-en une.', 'Filière inconnue.'),
  lifecycleStage: choice(
    LIFECYCLE_STAGES,
    "L'étape du cycle de vie est obligatoire : choisissez-en une.",
    'Étape du cycle de vie inconnue.',
  ),
  maturityLevel: z
    .number({ error: 'Le niveau de maturité est un nombre de 1 à 5.' })
    .int()
    .min(1, { error: 'Le niveau de maturité va de 1 à 5.' })
    .max(5, { error: 'Le niveau de maturité va de 1 à 5.' })
    .nullish()
    .transform((v) => v ?? null),
  criticalityClass: z
    .enum(CRITICALITY_CLASSES, { error: 'Classe de criticité inconnue.' })
    .nullish()
    .transform((v) => v ?? null),
  technologies: technologiesSchema,
  hosting: choice(HOSTINGS, "L'hébergement est obligatoire : choisissez-en un.", 'Hébergement inconnu.'),
  personalData: z.boolean({ error: 'Indiquez si des données personnelles sont traitées.' }),
  personalDataCategories: z
    .array(z.enum(PERSONAL_DATA_CATEGORIES, { error: 'Catégorie de données personnelles inconnue.' }))
    .transform((list) => [...new Set(list)]),
  cnilReference: optionalText(60, 'La référence du registre CNIL'),
  connectors: z
    .array(
      text('Un connecteur')
        .min(1, { error: 'Un connecteur ne peut pas être vide.' })
        .max(60, { error: 'Un connecteur est limité à 60 caractères.' }),
    )
    .max(30)
    .transform((list) => [...new Set(list)]),
  forgeUrl: urlField("L'adresse de la forge"),
  documentationUrl: urlField("L'adresse de la documentation"),
  licence: optionalText(60, 'La licence'),
  maintainer: contactSchema,
  support: contactSchema,
  versions: z.array(applicationVersionInputSchema).max(200),
};

/**
 * Certification is not a field: it moves through the sheet's certification lifecycle (the national
 * accountant and the DDSI certify). A form or a client that still sends it is told so.
 */
const certificationNotAField = z
  .never({
    error:
      "La certification ne se saisit pas dans la fiche : elle est décidée par l'agent comptable national ou la DDSI (action « Certifier », POST /api/applications/{id}/transitions).",
  })
  .optional();

/** Creation: what is left out takes its default. (No defaults in the fields: a PATCH must not reset them.) */
export const createApplicationSchema = z.object({
  ...applicationFields,
  code: applicationFields.code.optional(),
  description: applicationFields.description.default(''),
  contributorOrganisationIds: applicationFields.contributorOrganisationIds.default([]),
  certificationStatus: certificationNotAField,
  technologies: applicationFields.technologies.default(noTechnologies),
  personalData: applicationFields.personalData.default(false),
  personalDataCategories: applicationFields.personalDataCategories.default([]),
  connectors: applicationFields.connectors.default([]),
  maintainer: applicationFields.maintainer.default(emptyContact),
  support: applicationFields.support.default(emptyContact),
  versions: applicationFields.versions.default([]),
});
export type CreateApplicationInput = z.infer<typeof createApplicationSchema>;

export const updateApplicationSchema = z
  .object(
    Object.fromEntries(
      Object.entries(applicationFields).map(([key, schema]) => [key, (schema as z.ZodType).optional()]),
    ) as { [K in keyof typeof applicationFields]: z.ZodOptional<(typeof applicationFields)[K]> },
  )
  .extend({
    version: rowVersion,
    certificationStatus: certificationNotAField,
  });
export type UpdateApplicationInput = z.infer<typeof updateApplicationSchema>;

/**
 * An application as an inventory file carries it: the form's fields and, for the national accountant
 * and the DDSI only (the parties of certification), its certification status.
 */
export const applicationInputSchema = createApplicationSchema.extend({
  certificationStatus: z
    .enum(CERTIFICATION_STATUSES, { error: 'Statut de certification inconnu.' })
    .optional(),
});
export type ApplicationInput = z.infer<typeof applicationInputSchema>;

export const organisationRef = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  region: z.enum(REGIONS),
});
export const labelled = z.object({ code: z.string(), label: z.string() });
const contactDto = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const applicationSummarySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    summary: z.string(),
    domain: labelled,
    designerOrganisation: organisationRef,
    track: z.enum(TRACKS),
    certificationStatus: z.enum(CERTIFICATION_STATUSES),
    lifecycleStage: z.enum(LIFECYCLE_STAGES),
    hosting: z.enum(HOSTINGS),
    technologyTags: z.array(z.string()),
    personalData: z.boolean(),
    usageCount: z.number().int(),
    archived: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ApplicationSummary' });
export type ApplicationSummaryDto = z.infer<typeof applicationSummarySchema>;

export const attachmentSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(ATTACHMENT_KINDS),
    fileName: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'ApplicationAttachment' });
export type AttachmentDto = z.infer<typeof attachmentSchema>;

const personRef = z.object({ id: z.uuid(), displayName: z.string() }).nullable();
const applicationRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const applicationSchema = applicationSummarySchema
  .extend({
    description: z.string(),
    /** The description rendered from Markdown with raw HTML escaped and unsafe links refused. */
    descriptionHtml: z.string(),
    contributors: z.array(organisationRef),
    maturityLevel: z.number().int().nullable(),
    criticalityClass: z.enum(CRITICALITY_CLASSES).nullable(),
    technologies: z.object({
      php: z.string().nullable(),
      symfony: z.string().nullable(),
      starterKit: z.string().nullable(),
      psram: z.string().nullable(),
      database: z.string().nullable(),
      others: z.array(z.string()),
    }),
    personalDataCategories: z.array(z.enum(PERSONAL_DATA_CATEGORIES)),
    cnilReference: z.string().nullable(),
    connectors: z.array(z.string()),
    forgeUrl: z.string().nullable(),
    documentationUrl: z.string().nullable(),
    licence: z.string().nullable(),
    maintainer: contactDto,
    support: contactDto,
    versions: z.array(z.object({ number: z.string(), releasedOn: z.string().nullable(), notes: z.string() })),
    attachments: z.array(attachmentSchema),
    /** The caller's office's declared use, if any. */
    myUsage: z
      .object({
        since: z.string().nullable(),
        userCount: z.number().int().nullable(),
        versionNumber: z.string().nullable(),
        comment: z.string(),
      })
      .nullable(),
    /** A redundancy resolved: the shared application this sheet was retired in favour of, and when. */
    replacedBy: applicationRef.nullable(),
    replacedAt: z.string().nullable(),
    /** The applications retired in favour of this one, most recent first. */
    replaces: z.array(applicationRef.extend({ replacedAt: z.string() })),
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: personRef,
    updatedBy: personRef,
    /** What the caller may do on this sheet. */
    can: z.object({ update: z.boolean(), declareUsage: z.boolean() }),
    /**
     * The transitions of the sheet's lifecycles (applicationRecord, applicationCertification) as the
     * caller sees them, and where each lifecycle stands with its dates. Optional until the sheet's
     * presenter fills them.
     */
    transitions: z.array(transitionSchema),
    lifecycles: z.array(lifecycleViewSchema),
  })
  .meta({ id: 'Application' });
export type ApplicationDto = z.infer<typeof applicationSchema>;

export const businessDomainSchema = z
  .object({ code: z.string(), labelFr: z.string(), labelEn: z.string() })
  .meta({ id: 'BusinessDomain' });
export type BusinessDomainDto = z.infer<typeof businessDomainSchema>;

/** What an inventory import answers (a dry run, or the import itself; 422 when any row is wrong). */
export const importResultSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
    /** Kept and shown, never blocking (publiccode.yml: deprecated keys, unknown categories, offices not found). */
    warnings: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
    /** publiccode.yml `usedBy`: « organismes cités par le fichier », whose use is not declared for them. */
    citedOffices: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
    rows: z.number().int(),
    dryRun: z.boolean(),
    /** True when the file was written; a file with any error writes nothing. */
    written: z.boolean(),
    items: z.array(
      z.object({
        line: z.number().int(),
        code: z.string(),
        name: z.string(),
        action: z.enum(['create', 'update']),
      }),
    ),
    /** How the file was read: format and, for a CSV, the encoding and separator detected. */
    reading: z
      .object({
        format: z.enum(['csv', 'xlsx', 'publiccode']),
        encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-1252']).optional(),
        separator: z.enum([';', ',', '\t']).optional(),
      })
      .optional(),
  })
  .meta({ id: 'ImportResult' });
export type ImportResultDto = z.infer<typeof importResultSchema>;

/** Retiring a sheet in favour of a shared application (a redundancy resolved), at the version read. */
export const replacementBodySchema = z.object({
  replacedById: z.uuid({ error: "L'application qui la remplace n'est pas un identifiant valide." }),
  version: rowVersion,
});
export type ReplacementBody = z.infer<typeof replacementBodySchema>;

export const replacementSchema = z
  .object({
    id: z.uuid(),
    lifecycleStage: z.enum(LIFECYCLE_STAGES),
    replacedBy: applicationRef,
    replacedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'ApplicationReplacement' });
export type ReplacementDto = z.infer<typeof replacementSchema>;
