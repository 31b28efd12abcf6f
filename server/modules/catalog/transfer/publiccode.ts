import { isMap, LineCounter, parseDocument, stringify } from 'yaml';
import { z } from 'zod';
import type { ImportError } from './inventory.ts';
import { DEVELOPMENT_STATUSES, PUBLICCODE_CATEGORIES, SOFTWARE_TYPES } from './publiccode.vocabulary.ts';

/**
 * publiccode.yml, the metadata standard for public software (publiccodeyml/publiccode.yml, versions 0.x):
 * its schema as the standard states it (mandatory keys, enumerations, lengths), parsed with line numbers
 * so that every refusal names the line and the key.
 */

const MAINTENANCE_TYPES = ['internal', 'contract', 'community', 'none'] as const;

const text = (key: string) => z.string({ error: `« ${key} » doit être un texte.` });
const url = (key: string) =>
  text(key).regex(/^(https?|git|ssh):\/\/\S+$|^git@\S+$/, {
    error: `« ${key} » doit être une adresse (URL).`,
  });
const date = (key: string) =>
  z
    .union([z.string(), z.date()], { error: `« ${key} » doit être une date AAAA-MM-JJ.` })
    .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
    .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: `« ${key} » doit être une date AAAA-MM-JJ.` }));

const dependency = z.object({
  name: text('name').min(1),
  versionMin: z.coerce.string().optional(),
  versionMax: z.coerce.string().optional(),
  version: z.coerce.string().optional(),
  optional: z.boolean().optional(),
});

const contact = z.object({
  name: text('name').min(1, { error: 'Le nom du contact est obligatoire.' }),
  email: z.email({ error: "L'adresse e-mail du contact n'est pas valide." }).optional(),
  phone: z.coerce.string().optional(),
  affiliation: z.string().optional(),
});

const languageDescription = z.object({
  localisedName: z.string().optional(),
  genericName: z.string().max(35).optional(),
  shortDescription: text('shortDescription')
    .min(1, { error: '« shortDescription » est obligatoire.' })
    .max(150, { error: '« shortDescription » est limité à 150 caractères par le standard.' }),
  longDescription: text('longDescription')
    .min(150, { error: '« longDescription » doit compter au moins 150 caractères selon le standard.' })
    .max(10000, { error: '« longDescription » est limité à 10 000 caractères.' }),
  documentation: url('documentation').optional(),
  apiDocumentation: url('apiDocumentation').optional(),
  features: z
    .array(text('features').max(100))
    .min(1, { error: 'Au moins une fonctionnalité (« features »).' })
    .optional(),
  screenshots: z.array(z.string()).optional(),
  videos: z.array(z.string()).optional(),
  awards: z.array(z.string()).optional(),
});

export const publiccodeSchema = z
  .object({
    publiccodeYmlVersion: z
      .union([z.string(), z.number()], { error: '« publiccodeYmlVersion » est obligatoire.' })
      .transform(String)
      .pipe(
        z
          .string()
          .regex(/^0\.\d+(\.\d+)?$/, { error: 'Seules les versions 0.x du standard sont acceptées.' }),
      ),
    name: text('name').min(1, { error: '« name » est obligatoire.' }),
    applicationSuite: z.string().optional(),
    url: url('url'),
    landingURL: url('landingURL').optional(),
    isBasedOn: z.union([z.string(), z.array(z.string())]).optional(),
    softwareVersion: z.coerce.string().optional(),
    releaseDate: date('releaseDate').optional(),
    logo: z.string().optional(),
    platforms: z.array(text('platforms'), { error: '« platforms » est une liste obligatoire.' }).min(1, {
      error: '« platforms » doit contenir au moins une plateforme (web, linux, windows…).',
    }),
    categories: z
      .array(z.enum(PUBLICCODE_CATEGORIES, { error: 'Catégorie inconnue du standard publiccode.yml.' }), {
        error: '« categories » est une liste obligatoire.',
      })
      .min(1, { error: '« categories » doit contenir au moins une catégorie.' }),
    usedBy: z.array(z.string()).optional(),
    roadmap: z.string().optional(),
    developmentStatus: z.enum(DEVELOPMENT_STATUSES, {
      error: `« developmentStatus » vaut ${DEVELOPMENT_STATUSES.join(', ')}.`,
    }),
    softwareType: z.enum(SOFTWARE_TYPES, { error: `« softwareType » vaut ${SOFTWARE_TYPES.join(', ')}.` }),
    intendedAudience: z
      .object({
        scope: z.array(z.string()).optional(),
        countries: z.array(z.string()).optional(),
        unsupportedCountries: z.array(z.string()).optional(),
      })
      .optional(),
    description: z
      .record(
        z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, { error: 'Code de langue invalide (fr, en, it…).' }),
        languageDescription,
        {
          error: '« description » est obligatoire (au moins une langue).',
        },
      )
      .refine((d) => Object.keys(d).length > 0, {
        error: '« description » doit décrire au moins une langue.',
      }),
    legal: z.object(
      {
        license: text('license').min(1, { error: '« legal.license » est obligatoire (identifiant SPDX).' }),
        mainCopyrightOwner: z.string().optional(),
        repoOwner: z.string().optional(),
        authorsFile: z.string().optional(),
      },
      { error: '« legal » est obligatoire.' },
    ),
    maintenance: z
      .object(
        {
          type: z.enum(MAINTENANCE_TYPES, {
            error: '« maintenance.type » vaut internal, contract, community ou none.',
          }),
          contractors: z
            .array(
              z.object({
                name: text('name'),
                until: date('until').optional(),
                email: z.string().optional(),
                website: z.string().optional(),
              }),
            )
            .optional(),
          contacts: z.array(contact).optional(),
        },
        { error: '« maintenance » est obligatoire.' },
      )
      .refine((m) => !(m.type === 'internal' || m.type === 'community') || (m.contacts?.length ?? 0) > 0, {
        error: '« maintenance.contacts » est obligatoire quand la maintenance est internal ou community.',
        path: ['contacts'],
      })
      .refine((m) => m.type !== 'contract' || (m.contractors?.length ?? 0) > 0, {
        error: '« maintenance.contractors » est obligatoire quand la maintenance est contract.',
        path: ['contractors'],
      }),
    localisation: z.object(
      {
        localisationReady: z.boolean({ error: '« localisation.localisationReady » vaut true ou false.' }),
        availableLanguages: z
          .array(z.string())
          .min(1, { error: '« localisation.availableLanguages » est obligatoire.' }),
      },
      { error: '« localisation » est obligatoire.' },
    ),
    dependsOn: z
      .object({
        open: z.array(dependency).optional(),
        proprietary: z.array(dependency).optional(),
        hardware: z.array(dependency).optional(),
      })
      .optional(),
  })
  .loose();
export type Publiccode = z.infer<typeof publiccodeSchema>;

/** Parses and validates; every error names the YAML line and the key path. */
export function parsePubliccode(source: string): { data?: Publiccode; errors: ImportError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => ({
        line: e.linePos?.[0]?.line ?? 0,
        field: 'publiccode.yml',
        message: `YAML illisible : ${e.code === 'BAD_INDENT' ? 'indentation incorrecte' : e.message.split('\n')[0]}.`,
      })),
    };
  }
  if (!isMap(doc.contents))
    return {
      errors: [
        {
          line: 1,
          field: 'publiccode.yml',
          message: 'Le fichier doit être un document YAML de clés (publiccode.yml).',
        },
      ],
    };
  const parsed = publiccodeSchema.safeParse(doc.toJS());
  if (parsed.success) return { data: parsed.data, errors: [] };
  const lineOf = (path: PropertyKey[]) => {
    for (let n = path.length; n >= 0; n -= 1) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as
        | { range?: [number, number, number] }
        | undefined;
      const offset = node?.range?.[0];
      if (offset !== undefined) return lineCounter.linePos(offset).line;
    }
    return 1;
  };
  return {
    errors: parsed.error.issues.map((issue) => ({
      line: lineOf(issue.path),
      field: issue.path.map(String).join('.') || 'publiccode.yml',
      message: issue.message,
    })),
  };
}

export const stringifyPubliccode = (data: object) => stringify(data, { lineWidth: 0 });
