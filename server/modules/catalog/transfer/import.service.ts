import { TEMPLATE_EXAMPLE } from '../../../../common/catalog/inventory-columns.ts';
import { CERTIFICATION_STATUS_LABELS } from '../../../../common/catalog/vocabulary.ts';
import { comparableText } from '../../../../common/text.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../../lib/context.ts';
import type { Authorizer } from '../../../lib/policy.ts';
import { listOrganisationSummaries } from '../../organisations/organisations.queries.ts';
import type { ApplicationInput } from '../applications/applications.mapper.ts';
import { findApplicationIdsByCodes, listBusinessDomains } from '../applications/applications.queries.ts';
import { applicationRuleErrors } from '../applications/applications.rules.ts';
import { type ApplicationWrite, writeApplications } from '../applications/applications.service.ts';
import { headerOf, type ImportError, type RawRow, rowToApplication } from './inventory.ts';
import {
  type CsvSeparator,
  MAX_IMPORT_ROWS,
  type ParsedInventory,
  parseCsv,
  parseXlsx,
  type TextEncoding,
} from './inventory-files.ts';
import { importPubliccode, isPubliccodeFile } from './publiccode.service.ts';

export { MAX_IMPORT_ROWS };

const CHUNK = 500;
/** Rows checked between two turns of the event loop: other requests go on during a long import. */
const ROWS_PER_TURN = 200;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

export interface ImportResult {
  created: number;
  updated: number;
  errors: ImportError[];
  /** What does not block the import but is kept and shown (publiccode.yml: deprecated keys, unknown categories…). */
  warnings?: ImportError[];
  /** publiccode.yml `usedBy`: offices named that the caller may not declare for, for the designer to invite. */
  citedOffices?: { id: string; code: string; name: string }[];
  /** Rows read from the file. */
  rows: number;
  dryRun: boolean;
  /** What each valid row does (first 1,000): the preview of the import wizard. */
  items: { line: number; code: string; name: string; action: 'create' | 'update' }[];
  /** How the file was read: its format and, for a CSV, the encoding and the separator detected. */
  reading?: { format: ImportFormat; encoding?: TextEncoding; separator?: CsvSeparator };
}

export type ImportFormat = 'csv' | 'xlsx' | 'publiccode';

export function detectFormat(fileName: string, content: Buffer): ImportFormat | null {
  const name = fileName.toLowerCase();
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (name.endsWith('.yml') || name.endsWith('.yaml') || isPubliccodeFile(content)) return 'publiccode';
  if (name.endsWith('.csv') || name.endsWith('.txt') || !name.includes('.')) return 'csv';
  return null;
}

/**
 * Reads an inventory (CSV, XLSX) or one publiccode.yml and, unless it is a dry run, writes it in one
 * transaction: any error in any row and nothing is written. Rows match existing applications on
 * "Identifiant".
 */
export async function importApplications(
  ctx: ServiceContext,
  authorizer: Authorizer,
  file: { name: string; content: Buffer },
  options: { dryRun: boolean; onProgress?: (done: number, total: number) => void },
): Promise<ImportResult> {
  requireActor(ctx);
  const format = detectFormat(file.name, file.content);
  if (format === 'publiccode')
    return importPubliccode(ctx, authorizer, file.content.toString('utf8'), options);
  if (!format)
    return {
      created: 0,
      updated: 0,
      rows: 0,
      items: [],
      dryRun: options.dryRun,
      errors: [
        {
          line: 0,
          field: 'fichier',
          message: 'Format non reconnu : envoyez un fichier CSV, XLSX ou publiccode.yml.',
        },
      ],
    };
  const parsed: ParsedInventory =
    format === 'xlsx' ? await parseXlsx(file.content) : await parseCsv(file.content);
  const result = await importRows(ctx, authorizer, parsed.rows, parsed.errors, options);
  return {
    ...result,
    reading: {
      format,
      ...(parsed.encoding ? { encoding: parsed.encoding } : {}),
      ...(parsed.separator ? { separator: parsed.separator } : {}),
    },
  };
}

/** The template's example row, left in the file: refused, so that it never becomes (or overwrites) a sheet. */
const isTemplateExample = (row: RawRow) =>
  comparableText(row.values.code ?? '') === comparableText(TEMPLATE_EXAMPLE.code) ||
  comparableText(row.values.name ?? '') === comparableText(TEMPLATE_EXAMPLE.name);

export async function importRows(
  ctx: ServiceContext,
  authorizer: Authorizer,
  rows: RawRow[],
  fileErrors: ImportError[],
  options: { dryRun: boolean; onProgress?: (done: number, total: number) => void },
): Promise<ImportResult> {
  const actor = requireActor(ctx);
  const result: ImportResult = {
    created: 0,
    updated: 0,
    errors: [...fileErrors],
    rows: rows.length,
    dryRun: options.dryRun,
    items: [],
  };
  if (rows.length > MAX_IMPORT_ROWS) {
    result.errors.push({
      line: 0,
      field: 'fichier',
      message: `Au plus ${MAX_IMPORT_ROWS} lignes par import (${rows.length} lues).`,
    });
    return result;
  }
  if (rows.length === 0 && result.errors.length === 0)
    result.errors.push({
      line: 0,
      field: 'fichier',
      message: "Le fichier ne contient aucune ligne d'application.",
    });

  const domains = await listBusinessDomains(ctx.db);
  const domainLookup = new Map<string, string>();
  for (const d of domains) {
    domainLookup.set(comparableText(d.code), d.code);
    domainLookup.set(comparableText(d.labelFr), d.code);
    domainLookup.set(comparableText(d.labelEn), d.code);
  }
  const offices = await listOrganisationSummaries(ctx.db);
  const organisationIdByCode = new Map(offices.map((o) => [o.code, o.id]));
  const existing = await findApplicationIdsByCodes(
    ctx.db,
    rows.map((r) => r.values.code?.trim().toUpperCase() ?? '').filter(Boolean),
  );

  const seen = new Map<string, number>();
  const mayCertify = authorizer.can(actor, 'application.certify');
  const writes: (ApplicationWrite & { line: number; input: ApplicationInput & { code: string } })[] = [];
  for (const [index, row] of rows.entries()) {
    if (index % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
    if (isTemplateExample(row)) {
      result.errors.push({
        line: row.line,
        field: headerOf('code'),
        message: `Ligne d'exemple du modèle (« ${TEMPLATE_EXAMPLE.code} ») : supprimez-la avant d'importer, elle ne décrit aucune application.`,
      });
      continue;
    }
    const { application, errors } = rowToApplication(row, {
      domainByLabelOrCode: (v) => domainLookup.get(comparableText(v)) ?? null,
      organisationIdByCode,
    });
    result.errors.push(...errors);
    if (!application?.code) continue;
    const ruleErrors = applicationRuleErrors(application).map((e) => ({
      line: row.line,
      field: headerOf(fieldToKey(e.field)),
      message: e.message,
    }));
    result.errors.push(...ruleErrors);
    const firstLine = seen.get(application.code);
    if (firstLine !== undefined) {
      result.errors.push({
        line: row.line,
        field: headerOf('code'),
        message: `L'identifiant ${application.code} figure déjà ligne ${firstLine}.`,
      });
      continue;
    }
    seen.set(application.code, row.line);
    const current = existing.get(application.code);
    const allowed =
      authorizer.can(actor, 'application.update', {
        designerOrganisationId: application.designerOrganisationId,
      }) &&
      (!current || authorizer.can(actor, 'application.update', current));
    if (!allowed) {
      result.errors.push({
        line: row.line,
        field: headerOf('designer'),
        message: 'Vous ne pouvez importer que les applications dont votre organisme est le concepteur.',
      });
      continue;
    }
    const certification = application.certificationStatus;
    if (certification && certification !== (current?.certificationStatus ?? 'none') && !mayCertify) {
      result.errors.push({
        line: row.line,
        field: headerOf('certificationStatus'),
        message: `La certification ne se déclare pas par import (lu : « ${CERTIFICATION_STATUS_LABELS[certification].fr} ») : elle est décidée par l'agent comptable national ou la DDSI. Laissez la colonne vide ou reprenez la valeur actuelle.`,
      });
      continue;
    }
    if (ruleErrors.length === 0)
      writes.push({
        line: row.line,
        input: { ...application, code: application.code },
        current: current ? { id: current.id, version: current.version } : null,
      });
  }
  result.errors.sort((a, b) => a.line - b.line);
  result.items = writes.slice(0, 1000).map((w) => ({
    line: w.line,
    code: w.input.code,
    name: w.input.name,
    action: w.current ? 'update' : 'create',
  }));
  result.created = writes.filter((w) => !w.current).length;
  result.updated = writes.length - result.created;
  if (options.dryRun || result.errors.length > 0) return result;

  const domainLabels = new Map(domains.map((d) => [d.code, d.labelFr]));
  await inTransaction(ctx, async (tx) => {
    for (let start = 0; start < writes.length; start += CHUNK) {
      await writeApplications(tx, writes.slice(start, start + CHUNK), {
        domains: domainLabels,
        source: 'import',
        mayCertify,
      });
      options.onProgress?.(Math.min(start + CHUNK, writes.length), writes.length);
    }
    await recordAudit(tx, {
      action: 'application.import',
      targetType: 'application',
      targetId: null,
      after: { created: result.created, updated: result.updated, codes: writes.map((w) => w.input.code) },
    });
  });
  return result;
}

const FIELD_TO_KEY: Record<string, string> = {
  designerOrganisationId: 'designer',
  contributorOrganisationIds: 'contributors',
  personalDataCategories: 'personalDataCategories',
};
const fieldToKey = (field: string) => FIELD_TO_KEY[field] ?? field;
