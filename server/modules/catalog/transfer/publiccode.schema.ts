import { z } from 'zod';
import {
  characterCount,
  isCountryCode,
  isHttpUrl,
  isLanguageTag,
  isMediaType,
  isOrganisationUri,
  isRealDate,
  isRepositoryUrl,
  isSpdxExpression,
  localFileRefusal,
} from './publiccode.checks.ts';
import {
  DEVELOPMENT_STATUSES,
  MAINTENANCE_TYPES,
  PUBLICCODE_SCOPES,
  PUBLICCODE_VERSIONS,
  requiresCategories,
  SOFTWARE_TYPES,
} from './publiccode.vocabulary.ts';

/**
 * The publiccode.yml schema (0.x) as the standard's reference parser enforces it: the same mandatory
 * keys, code lists, lengths and value checks, and no key outside the standard (country sections
 * aside). Each message is the end of a French sentence whose subject is the key path, « … » added
 * when the issue is reported (publiccode.ts).
 */

const MISSING = 'est obligatoire.';
const absent = (input: unknown) => input === undefined || input === null;
const typed = (expected: string) => (issue: { input?: unknown }) =>
  absent(issue.input) ? MISSING : `doit être ${expected}.`;

const text = () => z.string({ error: typed('un texte') });
const filled = () => text().trim().min(1, { error: MISSING });
const list = <T extends z.ZodType>(item: T) => z.array(item, { error: typed('une liste') });
const section = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, { error: typed('une section de clés') });
const flag = () => z.boolean({ error: typed('true ou false') });
/** YAML `key:` with no value reads as null: for an optional key, the same as no key. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

const httpUrl = () =>
  text().refine(isHttpUrl, { error: 'doit être une adresse http(s) complète (https://…).' });
const repositoryUrl = () =>
  text().refine(isRepositoryUrl, {
    error: 'doit être l’adresse d’un dépôt de code (https://, git://, ssh:// ou svn://).',
  });
const date = () =>
  z
    .union([z.string(), z.date()], { error: typed('une date AAAA-MM-JJ') })
    .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
    .refine(isRealDate, { error: 'doit être une date réelle au format AAAA-MM-JJ.' });
const email = () =>
  text().refine((v) => z.email().safeParse(v).success, { error: 'doit être une adresse e-mail valide.' });
const language = () =>
  text().refine(isLanguageTag, { error: 'n’est pas une langue au format BCP 47 (fr, en, en-GB…).' });
const country = () =>
  text().refine(isCountryCode, { error: 'n’est pas un code pays ISO 3166-1 alpha-2 (FR, IT, DE…).' });
const maxCharacters = (max: number) => (v: string) => characterCount(v) <= max;
const repositoryFile = (extensions: readonly string[]) =>
  text().superRefine((value, ctx) => {
    const refusal = localFileRefusal(value, extensions);
    if (refusal) ctx.addIssue({ code: 'custom', message: refusal });
  });
/** The standard allows one value where a list is expected (`platforms: web`, `isBasedOn: https://…`). */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? [v] : v), list(item));

const languageDescription = section({
  localisedName: optional(text()),
  genericName: optional(text().refine(maxCharacters(35), { error: 'est limité à 35 caractères.' })),
  shortDescription: filled().refine(maxCharacters(150), {
    error: (issue) => `est limité à 150 caractères (il en compte ${characterCount(String(issue.input))}).`,
  }),
  longDescription: filled()
    .refine((v) => characterCount(v) >= 150, {
      error: (issue) =>
        `doit compter au moins 150 caractères (il en compte ${characterCount(String(issue.input))}).`,
    })
    .refine(maxCharacters(10000), { error: 'est limité à 10 000 caractères.' }),
  documentation: optional(httpUrl()),
  apiDocumentation: optional(httpUrl()),
  features: list(filled()).min(1, { error: 'doit citer au moins une fonctionnalité.' }),
  screenshots: optional(list(repositoryFile(['.png', '.jpg']))),
  videos: optional(list(httpUrl())),
  awards: optional(list(text())),
});

const organisation = section({
  name: optional(text()),
  uri: filled().refine(isOrganisationUri, {
    error: 'doit être une adresse http(s) ou un URN (par exemple urn:x-italian-pa:c_h501).',
  }),
});

const contact = section({
  name: filled(),
  email: optional(email()),
  phone: optional(text()),
  affiliation: optional(text()),
});

const contractor = section({
  name: filled(),
  email: optional(email()),
  website: optional(httpUrl()),
  until: date(),
});

const dependency = section({
  name: filled(),
  versionMin: optional(text()),
  versionMax: optional(text()),
  version: optional(text()),
  optional: optional(flag()),
});

/** A section of optional true/false keys. */
const flags = (...keys: string[]) => section(Object.fromEntries(keys.map((key) => [key, optional(flag())])));

/** The Italian section (`IT`, formerly `it`), countryExtensionVersion 0.2 or 1.0. */
const italianSection = section({
  countryExtensionVersion: optional(z.enum(['0.2', '1.0'])),
  conforme: optional(flags('lineeGuidaDesign', 'modelloInteroperabilita', 'misureMinimeSicurezza', 'gdpr')),
  riuso: optional(
    section({
      codiceIPA: optional(
        text().regex(/^[a-z0-9_]{2,20}$/i, {
          error: 'n’est pas un code iPA (administration publique italienne).',
        }),
      ),
    }),
  ),
  piattaforme: optional(flags('spid', 'pagopa', 'cie', 'anpr', 'io')),
});

const shape = {
  publiccodeYmlVersion: text().refine((v) => (PUBLICCODE_VERSIONS as readonly string[]).includes(v), {
    error: 'doit valoir "0" (la dernière version 0.x), "0.2", "0.3", "0.4" ou "0.5".',
  }),
  name: filled(),
  applicationSuite: optional(text()),
  url: filled().pipe(repositoryUrl()),
  landingURL: optional(httpUrl()),
  isBasedOn: optional(oneOrMany(repositoryUrl())),
  softwareVersion: optional(text()),
  releaseDate: optional(date()),
  logo: optional(repositoryFile(['.svg', '.svgz', '.png'])),
  monochromeLogo: optional(repositoryFile(['.svg', '.svgz', '.png'])),
  organisation: optional(organisation),
  inputTypes: optional(list(text().refine(isMediaType, { error: 'n’est pas un type MIME (text/plain…).' }))),
  outputTypes: optional(list(text().refine(isMediaType, { error: 'n’est pas un type MIME (text/plain…).' }))),
  platforms: oneOrMany(filled()).pipe(
    z.array(z.string()).min(1, { error: 'doit citer au moins une plateforme (web, linux, windows…).' }),
  ),
  categories: optional(list(text())),
  usedBy: optional(list(filled())),
  fundedBy: optional(list(organisation)),
  roadmap: optional(httpUrl()),
  developmentStatus: z.enum(DEVELOPMENT_STATUSES),
  softwareType: z.enum(SOFTWARE_TYPES),
  intendedAudience: optional(
    section({
      scope: optional(list(z.enum(PUBLICCODE_SCOPES))),
      countries: optional(list(country())),
      unsupportedCountries: optional(list(country())),
    }),
  ),
  description: z
    .record(z.string(), languageDescription, { error: typed('une section par langue (fr, en…)') })
    .superRefine((descriptions, ctx) => {
      const languages = Object.keys(descriptions);
      if (languages.length === 0)
        ctx.addIssue({ code: 'custom', message: 'doit décrire le logiciel dans au moins une langue.' });
      for (const tag of languages)
        if (!isLanguageTag(tag))
          ctx.addIssue({
            code: 'custom',
            path: [tag],
            message: 'n’est pas une langue au format BCP 47 (fr, en, en-GB…).',
          });
    }),
  legal: section({
    license: filled().refine(isSpdxExpression, {
      error: 'doit être une expression de licence SPDX (EUPL-1.2, MIT OR Apache-2.0, LicenseRef-…).',
    }),
    mainCopyrightOwner: optional(text()),
    repoOwner: optional(text()),
    authorsFile: optional(text()),
  }),
  maintenance: section({
    type: z.enum(MAINTENANCE_TYPES),
    contractors: optional(list(contractor)),
    contacts: optional(list(contact)),
  }).superRefine((m, ctx) => {
    const has = (items: unknown[] | undefined) => (items?.length ?? 0) > 0;
    if ((m.type === 'internal' || m.type === 'community') && !has(m.contacts))
      ctx.addIssue({
        code: 'custom',
        path: ['contacts'],
        message: 'est obligatoire quand « maintenance.type » vaut internal ou community.',
      });
    if (m.type === 'contract' && !has(m.contractors))
      ctx.addIssue({
        code: 'custom',
        path: ['contractors'],
        message: 'est obligatoire quand « maintenance.type » vaut contract.',
      });
    if (m.type !== 'contract' && has(m.contractors))
      ctx.addIssue({
        code: 'custom',
        path: ['contractors'],
        message: 'n’est admis que si « maintenance.type » vaut contract.',
      });
  }),
  localisation: section({
    localisationReady: flag(),
    availableLanguages: list(language()).min(1, { error: 'doit citer au moins une langue.' }),
  }),
  dependsOn: optional(
    section({
      open: optional(list(dependency)),
      proprietary: optional(list(dependency)),
      hardware: optional(list(dependency)),
    }),
  ),
  IT: optional(italianSection),
  it: optional(italianSection),
};

export const publiccodeSchema = z
  .object(shape, { error: typed('une section de clés') })
  // Other countries' sections are kept as they are (checked in topLevelIssues).
  .catchall(z.unknown());
export type Publiccode = z.infer<typeof publiccodeSchema>;

/**
 * What the standard asks of the document as a whole: no key outside the standard except country
 * sections (two-letter ISO codes, each a section), `IT` not doubled by the deprecated `it`, and
 * `categories` before 0.4. Checked on the raw document, whatever else is wrong in it.
 */
export function topLevelIssues(document: Record<string, unknown>): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  for (const [key, value] of Object.entries(document)) {
    if (key in shape) continue;
    if (key.length === 2 && isCountryCode(key)) {
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        issues.push({ path: [key], message: 'doit être une section de clés (section propre à un pays).' });
    } else issues.push({ path: [key], message: 'n’est pas une clé du standard publiccode.yml.' });
  }
  if (document.IT && document.it)
    issues.push({ path: ['it'], message: 'fait double emploi avec « IT » : ne gardez que « IT ».' });
  const version = String(document.publiccodeYmlVersion ?? '');
  const categories = document.categories;
  if (requiresCategories(version) && !(Array.isArray(categories) && categories.length > 0))
    issues.push({
      path: ['categories'],
      message: `est obligatoire en version ${version} du standard (facultatif depuis la 0.4).`,
    });
  return issues;
}
