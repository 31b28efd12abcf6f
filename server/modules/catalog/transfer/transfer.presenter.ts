import Papa from 'papaparse';
import { INVENTORY_COLUMNS, LIST_SEPARATOR } from '../../../../common/catalog/inventory-columns.ts';
import {
  CERTIFICATION_STATUS_LABELS,
  CRITICALITY_LABELS,
  HOSTING_LABELS,
  LIFECYCLE_STAGE_LABELS,
  PERSONAL_DATA_CATEGORY_LABELS,
  TRACK_LABELS,
} from '../../../../common/catalog/vocabulary.ts';
import type { ApplicationAggregate } from '../applications/applications.queries.ts';
import type { ImportResult } from './import.service.ts';
import { guardFormula } from './inventory.ts';
import { writeInventoryXlsxInWorker } from './inventory-xlsx.ts';

/** An application as the exports write it: what the inventory layout and the JSON export need. */
export type ExportedApplication = Pick<
  ApplicationAggregate,
  | 'code'
  | 'name'
  | 'summary'
  | 'description'
  | 'domain'
  | 'track'
  | 'certificationStatus'
  | 'lifecycleStage'
  | 'maturityLevel'
  | 'criticalityClass'
  | 'technologies'
  | 'hosting'
  | 'personalData'
  | 'personalDataCategories'
  | 'cnilReference'
  | 'connectors'
  | 'forgeUrl'
  | 'documentationUrl'
  | 'licence'
  | 'maintainer'
  | 'support'
  | 'usageCount'
  | 'updatedAt'
> & {
  designer: { code: string };
  contributors: { code: string }[];
  /** Latest first, as the application shows them. */
  versions: { number: string; releasedOn: string | null }[];
};

const labelOf = (labels: Record<string, { fr: string }>, code: string, fallback = code) =>
  labels[code]?.fr ?? fallback;
/** Contributor codes in code order. */
const contributorCodes = (row: ExportedApplication) =>
  row.contributors.map((c) => c.code).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
/** Versions oldest first: the order an inventory lists them in. */
const oldestFirst = (row: ExportedApplication) => [...row.versions].reverse();

const join = (list: readonly (string | null | undefined)[] | null | undefined) =>
  (list ?? []).filter(Boolean).join(LIST_SEPARATOR);

/** One row in the import layout: what is exported imports again unchanged. */
function cellsOf(row: ExportedApplication): Record<string, string> {
  const t = row.technologies ?? {};
  return {
    code: row.code,
    name: row.name,
    summary: row.summary,
    description: row.description,
    domainCode: row.domain.label,
    designer: row.designer.code,
    contributors: join(contributorCodes(row)),
    track: labelOf(TRACK_LABELS, row.track),
    certificationStatus: labelOf(CERTIFICATION_STATUS_LABELS, row.certificationStatus),
    lifecycleStage: labelOf(LIFECYCLE_STAGE_LABELS, row.lifecycleStage),
    maturityLevel: row.maturityLevel === null ? '' : String(row.maturityLevel),
    criticalityClass: row.criticalityClass ? labelOf(CRITICALITY_LABELS, row.criticalityClass, '') : '',
    php: t.php ?? '',
    symfony: t.symfony ?? '',
    starterKit: t.starterKit ?? '',
    psram: t.psram ?? '',
    database: t.database ?? '',
    otherTechnologies: join(t.others),
    hosting: labelOf(HOSTING_LABELS, row.hosting),
    personalData: row.personalData ? 'oui' : 'non',
    personalDataCategories: join(
      row.personalDataCategories.map((c) => labelOf(PERSONAL_DATA_CATEGORY_LABELS, c)),
    ),
    cnilReference: row.cnilReference ?? '',
    connectors: join(row.connectors),
    forgeUrl: row.forgeUrl ?? '',
    documentationUrl: row.documentationUrl ?? '',
    licence: row.licence ?? '',
    maintainerName: row.maintainer?.name ?? '',
    maintainerEmail: row.maintainer?.email ?? '',
    maintainerPhone: row.maintainer?.phone ?? '',
    supportName: row.support?.name ?? '',
    supportEmail: row.support?.email ?? '',
    supportPhone: row.support?.phone ?? '',
    versions: join(oldestFirst(row).map((v) => (v.releasedOn ? `${v.number} (${v.releasedOn})` : v.number))),
  };
}

/** CSV for French spreadsheets: UTF-8 with BOM, ";" separator, every cell quoted when needed. */
export function toCsv(rows: ExportedApplication[]) {
  const data = rows.map((row) => {
    const cells = cellsOf(row);
    return INVENTORY_COLUMNS.map((c) => guardFormula(cells[c.key] ?? ''));
  });
  return `\uFEFF${Papa.unparse({ fields: INVENTORY_COLUMNS.map((c) => c.header), data }, { delimiter: ';', newline: '\r\n' })}\r\n`;
}

/** The spreadsheet export, written in a worker thread (see inventory-xlsx.ts). */
export function toXlsx(rows: ExportedApplication[], options: { withGuide?: boolean } = {}) {
  return writeInventoryXlsxInWorker(rows.map(cellsOf), options);
}

/** The template: the header row and one example row, to be replaced. */
export function templateRow(): ExportedApplication {
  const example = Object.fromEntries(INVENTORY_COLUMNS.map((c) => [c.key, c.example]));
  return {
    code: example.code ?? '',
    name: example.name ?? '',
    summary: example.summary ?? '',
    description: example.description ?? '',
    domain: { code: 'ressources-humaines', label: example.domainCode ?? '' },
    designer: { code: example.designer ?? '' },
    contributors: (example.contributors ?? '').split(LIST_SEPARATOR).map((code) => ({ code })),
    track: 'homologation',
    certificationStatus: 'none',
    lifecycleStage: 'inProduction',
    maturityLevel: 3,
    criticalityClass: 'moderate',
    technologies: {
      php: '8.2',
      symfony: '6.4',
      starterKit: '3.1',
      psram: '2.0',
      database: 'PostgreSQL',
      others: ['Vue.js', 'Redis'],
    },
    hosting: 'amCloud',
    personalData: true,
    personalDataCategories: ['contact', 'professional'],
    cnilReference: example.cnilReference ?? null,
    connectors: ['PROGRES', 'SNGI'],
    forgeUrl: example.forgeUrl ?? null,
    documentationUrl: null,
    licence: 'EUPL-1.2',
    maintainer: { name: example.maintainerName, email: example.maintainerEmail },
    support: { name: example.supportName },
    versions: [
      { number: '3.1.0', releasedOn: '2026-02-10' },
      { number: '3.0.0', releasedOn: '2025-03-01' },
    ],
    usageCount: 0,
    updatedAt: new Date(),
  };
}

export function toJson(rows: ExportedApplication[]) {
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    summary: row.summary,
    description: row.description,
    domain: { code: row.domain.code, label: row.domain.label },
    designerOrganisation: row.designer.code,
    contributors: contributorCodes(row),
    track: row.track,
    certificationStatus: row.certificationStatus,
    lifecycleStage: row.lifecycleStage,
    maturityLevel: row.maturityLevel,
    criticalityClass: row.criticalityClass,
    technologies: row.technologies,
    hosting: row.hosting,
    personalData: row.personalData,
    personalDataCategories: row.personalDataCategories,
    cnilReference: row.cnilReference,
    connectors: row.connectors,
    forgeUrl: row.forgeUrl,
    documentationUrl: row.documentationUrl,
    licence: row.licence,
    maintainer: row.maintainer,
    support: row.support,
    versions: oldestFirst(row).map((v) => ({ number: v.number, releasedOn: v.releasedOn })),
    usageCount: row.usageCount,
    updatedAt: new Date(row.updatedAt).toISOString(),
  }));
}

/**
 * The answer to an import: 422 when a file to write had errors (then nothing was written, whatever it
 * would have created), 200 otherwise; `written` says whether the catalogue changed.
 */
export function presentImportResult(result: ImportResult) {
  const failed = result.errors.length > 0;
  const written = !failed && !result.dryRun;
  const refused = failed && !result.dryRun;
  const full = {
    ...result,
    warnings: result.warnings ?? [],
    citedOffices: result.citedOffices ?? [],
    written,
  };
  return {
    status: refused ? 422 : 200,
    body: refused ? { ...full, created: 0, updated: 0 } : full,
  };
}
