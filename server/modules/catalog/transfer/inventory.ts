import type { z } from 'zod';
import { INVENTORY_COLUMNS, LIST_SEPARATOR } from '../../../../common/catalog/inventory-columns.ts';
import {
  CERTIFICATION_STATUS_LABELS,
  CRITICALITY_LABELS,
  HOSTING_LABELS,
  LIFECYCLE_STAGE_LABELS,
  PERSONAL_DATA_CATEGORY_LABELS,
  TRACK_LABELS,
} from '../../../../common/catalog/vocabulary.ts';
import { applicationInputSchema } from '../../../../common/schemas/application.ts';
import { comparableText } from '../../../../common/text.ts';
import type { ApplicationInput } from '../applications/applications.mapper.ts';

export interface ImportError {
  line: number;
  field: string;
  message: string;
}

/** One data row, keyed by column key, with its line number in the file (the header is line 1). */
export interface RawRow {
  line: number;
  values: Record<string, string>;
}

const HEADER_KEYS = new Map(INVENTORY_COLUMNS.map((c) => [comparableText(c.header), c.key]));
const HEADER_OF = new Map(INVENTORY_COLUMNS.map((c) => [c.key, c.header]));
export const headerOf = (key: string) => HEADER_OF.get(key) ?? key;

/** Header row → column keys; unknown headers are errors, so that a typo never drops a column silently. */
function mapHeader(cells: string[]): { keys: (string | null)[]; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const keys = cells.map((cell) => {
    const header = cell.replace(/^\uFEFF/, '').trim();
    if (!header) return null;
    const key = HEADER_KEYS.get(comparableText(header));
    if (!key)
      errors.push({
        line: 1,
        field: header,
        message: `Colonne inconnue « ${header} » : voyez le modèle d'import.`,
      });
    return key ?? null;
  });
  for (const column of INVENTORY_COLUMNS) {
    if (column.required && !keys.includes(column.key))
      errors.push({
        line: 1,
        field: column.header,
        message: `La colonne obligatoire « ${column.header} » est absente.`,
      });
  }
  return { keys, errors };
}

/** Lines of a file (the header first, on line 1) → the data rows, keyed by column, blank rows left out. */
export function toRows(lines: { line: number; cells: string[] }[]): {
  rows: RawRow[];
  errors: ImportError[];
} {
  const [header, ...data] = lines;
  if (!header) return { rows: [], errors: [{ line: 1, field: 'fichier', message: 'Le fichier est vide.' }] };
  const { keys, errors } = mapHeader(header.cells);
  const rows: RawRow[] = [];
  for (const { line, cells } of data) {
    if (cells.every((c) => !c?.trim())) continue;
    const values: Record<string, string> = {};
    keys.forEach((key, i) => {
      if (key) values[key] = (cells[i] ?? '').trim();
    });
    rows.push({ line, values });
  }
  return { rows, errors };
}

/** A number a spreadsheet reads as a number and nothing else: "-2", "+33", "3,5", ".5". */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;

/**
 * A CSV cell starting with = + - @, a tab or a carriage return (after any apostrophes) may run as a
 * formula in a spreadsheet (CSV injection: `-2+3+cmd|' /C calc'!A0`), unless it is a plain number: the
 * export prefixes it with an apostrophe, and the import takes that apostrophe off again, so that what is
 * exported imports back unchanged.
 */
const looksLikeFormula = (value: string) => {
  const rest = value.replace(/^'+/, '');
  return /^[=+\-@\t\r]/.test(rest) && !PLAIN_NUMBER.test(rest);
};
export const guardFormula = (value: string) => (looksLikeFormula(value) ? `'${value}` : value);
export const unguardFormula = (value: string) =>
  value.startsWith("'") && looksLikeFormula(value.slice(1)) ? value.slice(1) : value;

function byLabelOrCode<T extends string>(labels: Record<T, { fr: string; en: string }>) {
  const lookup = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, { fr: string; en: string }][]) {
    lookup.set(comparableText(code), code);
    lookup.set(comparableText(label.fr), code);
    lookup.set(comparableText(label.en), code);
  }
  return (value: string) => lookup.get(comparableText(value)) ?? value;
}
const trackOf = byLabelOrCode(TRACK_LABELS);
const statusOf = byLabelOrCode({ ...CERTIFICATION_STATUS_LABELS, none: { fr: 'Aucune', en: 'None' } });
const statusOfFull = byLabelOrCode(CERTIFICATION_STATUS_LABELS);
const lifecycleOf = byLabelOrCode(LIFECYCLE_STAGE_LABELS);
const hostingOf = byLabelOrCode({ ...HOSTING_LABELS, other: { fr: 'Autre', en: 'Other' } });
const hostingOfFull = byLabelOrCode(HOSTING_LABELS);
const criticalityOf = byLabelOrCode(CRITICALITY_LABELS);
const categoryOf = byLabelOrCode(PERSONAL_DATA_CATEGORY_LABELS);

const list = (value: string | undefined) =>
  (value ?? '')
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export interface ResolveContext {
  domainByLabelOrCode: (value: string) => string | null;
  organisationIdByCode: Map<string, string>;
}

const YES = new Set(['oui', 'o', 'yes', 'y', 'vrai', 'true', '1', 'x']);
const NO = new Set(['non', 'n', 'no', 'faux', 'false', '0', '']);

/** One row → a validated application, or the errors of that row, each naming its line and column. */
export function rowToApplication(
  row: RawRow,
  ctx: ResolveContext,
): { application?: ApplicationInput; errors: ImportError[] } {
  const v = row.values;
  const errors: ImportError[] = [];
  const fail = (key: string, message: string) =>
    errors.push({ line: row.line, field: headerOf(key), message });

  const domainCode = v.domainCode ? ctx.domainByLabelOrCode(v.domainCode) : null;
  if (v.domainCode && !domainCode) fail('domainCode', `Domaine métier inconnu : « ${v.domainCode} ».`);
  const designerId = v.designer ? ctx.organisationIdByCode.get(v.designer.toUpperCase()) : undefined;
  if (v.designer && !designerId)
    fail('designer', `Organisme inconnu : « ${v.designer} » (code attendu, par exemple CPAM-69).`);
  const contributorIds = list(v.contributors).map((code) => {
    const id = ctx.organisationIdByCode.get(code.toUpperCase());
    if (!id) fail('contributors', `Organisme contributeur inconnu : « ${code} ».`);
    return id;
  });
  const personal = comparableText(v.personalData ?? '');
  if (!YES.has(personal) && !NO.has(personal))
    fail('personalData', `Répondez « oui » ou « non » (lu : « ${v.personalData} »).`);
  const maturity = v.maturityLevel ? Number(v.maturityLevel) : null;
  const versions: { number: string; releasedOn: string | null; notes: string }[] = [];
  for (const item of list(v.versions)) {
    const match = /^(.+?)\s*(?:\((\d{4}-\d{2}-\d{2})\))?$/.exec(item);
    if (!match?.[1]) fail('versions', `Version illisible : « ${item} » (attendu : 1.2.0 (2025-03-01)).`);
    else versions.push({ number: match[1].trim(), releasedOn: match[2] ?? null, notes: '' });
  }

  const candidate = {
    code: v.code,
    name: v.name,
    summary: v.summary,
    description: v.description ?? '',
    domainCode: domainCode ?? v.domainCode ?? '',
    designerOrganisationId: designerId ?? (v.designer ? '00000000-0000-0000-0000-000000000000' : undefined),
    contributorOrganisationIds: contributorIds.filter((id): id is string => !!id),
    track: v.track ? trackOf(v.track) : undefined,
    certificationStatus: v.certificationStatus ? statusOfFull(statusOf(v.certificationStatus)) : undefined,
    lifecycleStage: v.lifecycleStage ? lifecycleOf(v.lifecycleStage) : undefined,
    maturityLevel:
      maturity === null || Number.isNaN(maturity) ? (v.maturityLevel ? v.maturityLevel : null) : maturity,
    criticalityClass: v.criticalityClass ? criticalityOf(v.criticalityClass) : null,
    technologies: {
      php: orNull(v.php),
      symfony: orNull(v.symfony),
      starterKit: orNull(v.starterKit),
      psram: orNull(v.psram),
      database: orNull(v.database),
      others: list(v.otherTechnologies),
    },
    hosting: v.hosting ? hostingOfFull(hostingOf(v.hosting)) : undefined,
    personalData: YES.has(personal),
    personalDataCategories: list(v.personalDataCategories).map(categoryOf),
    cnilReference: orNull(v.cnilReference),
    connectors: list(v.connectors),
    forgeUrl: orNull(v.forgeUrl),
    documentationUrl: orNull(v.documentationUrl),
    licence: orNull(v.licence),
    maintainer: {
      name: orNull(v.maintainerName),
      email: orNull(v.maintainerEmail),
      phone: orNull(v.maintainerPhone),
    },
    support: { name: orNull(v.supportName), email: orNull(v.supportEmail), phone: orNull(v.supportPhone) },
    versions,
  };
  const parsed = applicationInputSchema
    .extend({ code: applicationInputSchema.shape.code.unwrap() })
    .safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = fieldKey(issue);
      // A reference already reported (unknown office or domain) is not reported twice.
      if (errors.some((e) => e.field === headerOf(key))) continue;
      fail(key, issue.message);
    }
  }
  if (errors.length > 0 || !parsed.success) return { errors };
  return { application: parsed.data, errors };
}

const KEY_BY_PATH: Record<string, string> = {
  designerOrganisationId: 'designer',
  contributorOrganisationIds: 'contributors',
  'technologies.php': 'php',
  'technologies.symfony': 'symfony',
  'technologies.starterKit': 'starterKit',
  'technologies.psram': 'psram',
  'technologies.database': 'database',
  'technologies.others': 'otherTechnologies',
  'maintainer.name': 'maintainerName',
  'maintainer.email': 'maintainerEmail',
  'support.name': 'supportName',
  'support.email': 'supportEmail',
  'maintainer.phone': 'maintainerPhone',
  'support.phone': 'supportPhone',
};

function fieldKey(issue: z.core.$ZodIssue) {
  const path = issue.path.filter((p) => typeof p === 'string').join('.');
  return (
    KEY_BY_PATH[path] ?? KEY_BY_PATH[path.split('.').slice(0, 2).join('.')] ?? path.split('.')[0] ?? 'fichier'
  );
}
