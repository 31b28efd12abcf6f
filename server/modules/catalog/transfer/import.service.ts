import { inArray, sql } from 'drizzle-orm';
import {
  applicationContributors,
  applications,
  applicationVersions,
  auditEvents,
  organisations,
} from '../../../db/schema.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { inTransaction, type ServiceContext } from '../../../lib/context.ts';
import type { Authorizer } from '../../../lib/policy.ts';
import { findApplicationIdsByCodes, listBusinessDomains } from '../applications/applications.queries.ts';
import {
  requireActor,
  type SheetInput,
  sheetRowValues,
  sheetRuleErrors,
} from '../applications/applications.service.ts';
import { rememberWords } from '../search/search.queries.ts';
import { headerOf, type ImportError, parseCsv, parseXlsx, type RawRow, rowToSheet } from './inventory.ts';
import { importPubliccode, isPubliccodeFile } from './publiccode.service.ts';

export const MAX_IMPORT_ROWS = 20_000;
const CHUNK = 500;

export interface ImportResult {
  created: number;
  updated: number;
  errors: ImportError[];
  /** Rows read from the file. */
  rows: number;
  dryRun: boolean;
  /** What each valid row does (first 1,000): the preview of the import wizard. */
  items: { line: number; code: string; name: string; action: 'create' | 'update' }[];
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
 * transaction: any error in any row and nothing is written. Rows match existing sheets on "Identifiant".
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
  const parsed = format === 'xlsx' ? await parseXlsx(file.content) : parseCsv(file.content.toString('utf8'));
  return importRows(ctx, authorizer, parsed.rows, parsed.errors, options);
}

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
  const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  for (const d of domains) {
    domainLookup.set(norm(d.code), d.code);
    domainLookup.set(norm(d.labelFr), d.code);
    domainLookup.set(norm(d.labelEn), d.code);
  }
  const offices = await ctx.db
    .select({ id: organisations.id, code: organisations.code, name: organisations.name })
    .from(organisations);
  const organisationIdByCode = new Map(offices.map((o) => [o.code, o.id]));
  const officeName = new Map(offices.map((o) => [o.id, o.name]));
  const existing = await findApplicationIdsByCodes(
    ctx.db,
    rows.map((r) => r.values.code?.trim().toUpperCase() ?? '').filter(Boolean),
  );

  const seen = new Map<string, number>();
  const sheets: { line: number; sheet: SheetInput & { code: string }; existingId: string | null }[] = [];
  for (const row of rows) {
    const { sheet, errors } = rowToSheet(row, {
      domainByLabelOrCode: (v) => domainLookup.get(norm(v)) ?? null,
      organisationIdByCode,
    });
    result.errors.push(...errors);
    if (!sheet?.code) continue;
    const ruleErrors = sheetRuleErrors(sheet).map((e) => ({
      line: row.line,
      field: headerOf(fieldToKey(e.field)),
      message: e.message,
    }));
    result.errors.push(...ruleErrors);
    const firstLine = seen.get(sheet.code);
    if (firstLine !== undefined) {
      result.errors.push({
        line: row.line,
        field: headerOf('code'),
        message: `L'identifiant ${sheet.code} figure déjà ligne ${firstLine}.`,
      });
      continue;
    }
    seen.set(sheet.code, row.line);
    const current = existing.get(sheet.code);
    const allowed =
      authorizer.can(actor, 'application.update', { designerOrganisationId: sheet.designerOrganisationId }) &&
      (!current || authorizer.can(actor, 'application.update', current));
    if (!allowed) {
      result.errors.push({
        line: row.line,
        field: headerOf('designer'),
        message: 'Vous ne pouvez importer que les applications dont votre organisme est le concepteur.',
      });
      continue;
    }
    if (ruleErrors.length === 0)
      sheets.push({ line: row.line, sheet: { ...sheet, code: sheet.code }, existingId: current?.id ?? null });
  }
  result.errors.sort((a, b) => a.line - b.line);
  result.items = sheets.slice(0, 1000).map((s) => ({
    line: s.line,
    code: s.sheet.code,
    name: s.sheet.name,
    action: s.existingId ? 'update' : 'create',
  }));
  result.created = sheets.filter((s) => !s.existingId).length;
  result.updated = sheets.length - result.created;
  if (options.dryRun || result.errors.length > 0) return result;

  const domainLabel = new Map(domains.map((d) => [d.code, d.labelFr]));
  await inTransaction(ctx, async (tx) => {
    for (let start = 0; start < sheets.length; start += CHUNK) {
      const chunk = sheets.slice(start, start + CHUNK);
      const values = chunk.map(({ sheet }) =>
        sheetRowValues(
          sheet,
          {
            domain: domainLabel.get(sheet.domainCode),
            offices: [sheet.designerOrganisationId, ...sheet.contributorOrganisationIds].map((id) =>
              officeName.get(id),
            ),
          },
          actor.userId,
        ),
      );
      const written = await tx.db
        .insert(applications)
        .values(values)
        .onConflictDoUpdate({
          target: applications.code,
          set: {
            version: sql`${applications.version} + 1`,
            updatedAt: sql`now()`,
            archivedAt: sql`NULL`,
            ...Object.fromEntries(
              [
                'name',
                'summary',
                'description',
                'domain_code',
                'designer_organisation_id',
                'track',
                'certification_status',
                'lifecycle_stage',
                'maturity_level',
                'criticality_class',
                'technologies',
                'technology_tags',
                'hosting',
                'personal_data',
                'personal_data_categories',
                'cnil_reference',
                'connectors',
                'forge_url',
                'documentation_url',
                'licence',
                'maintainer',
                'support',
                'keywords',
                'updated_by',
              ].map((column) => [camel(column), sql.raw(`excluded.${column}`)]),
            ),
          },
        })
        .returning({ id: applications.id, code: applications.code });
      const idByCode = new Map(written.map((w) => [w.code, w.id]));
      const ids = written.map((w) => w.id);
      await tx.db.delete(applicationContributors).where(inArray(applicationContributors.applicationId, ids));
      await tx.db.delete(applicationVersions).where(inArray(applicationVersions.applicationId, ids));
      const contributorRows = chunk.flatMap(({ sheet }) =>
        sheet.contributorOrganisationIds
          .filter((id) => id !== sheet.designerOrganisationId)
          .map((organisationId) => ({ applicationId: idByCode.get(sheet.code) as string, organisationId })),
      );
      if (contributorRows.length > 0) await tx.db.insert(applicationContributors).values(contributorRows);
      const versionRows = chunk.flatMap(({ sheet }) =>
        sheet.versions.map((v) => ({ ...v, applicationId: idByCode.get(sheet.code) as string })),
      );
      if (versionRows.length > 0) await tx.db.insert(applicationVersions).values(versionRows);
      await rememberWords(
        tx.db,
        values.map((v) => `${v.name} ${v.summary} ${v.description} ${v.keywords}`).join(' '),
      );
      await tx.db.insert(auditEvents).values(
        chunk.map(({ sheet, existingId }) => ({
          actorUserId: actor.userId,
          actorOrganisationId: actor.organisationId,
          action: existingId ? 'application.update' : 'application.create',
          targetType: 'application',
          targetId: idByCode.get(sheet.code) ?? null,
          after: { ...sheet, source: 'import' },
          requestId: ctx.requestId,
        })),
      );
      options.onProgress?.(Math.min(start + CHUNK, sheets.length), sheets.length);
    }
    await recordAudit(tx, {
      action: 'application.import',
      targetType: 'application',
      targetId: null,
      after: { created: result.created, updated: result.updated, codes: sheets.map((s) => s.sheet.code) },
    });
  });
  return result;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const FIELD_TO_KEY: Record<string, string> = {
  designerOrganisationId: 'designer',
  contributorOrganisationIds: 'contributors',
  personalDataCategories: 'personalDataCategories',
};
const fieldToKey = (field: string) => FIELD_TO_KEY[field] ?? field;
