import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { INVENTORY_COLUMNS, LIST_SEPARATOR } from '../../../common/catalog/inventory-columns.ts';
import {
  CERTIFICATION_STATUS_LABELS,
  CRITICALITY_LABELS,
  HOSTING_LABELS,
  LIFECYCLE_STAGE_LABELS,
  PERSONAL_DATA_CATEGORY_LABELS,
  TRACK_LABELS,
} from '../../../common/catalog/vocabulary.ts';
import type { ApplicationFilters } from '../../../common/schemas/application.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { findApplication } from './applications.queries.ts';
import { requireActor, searchCatalogue } from './applications.service.ts';
import { guardFormula } from './inventory.ts';
import { stringifyPubliccode } from './publiccode.ts';
import { CATEGORIES_BY_DOMAIN, STATUS_BY_STAGE } from './publiccode.vocabulary.ts';

export const MAX_EXPORT_ROWS = 100_000;
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

interface InventoryRow {
  code: string;
  name: string;
  summary: string;
  description: string;
  domain_label: string;
  domain_code: string;
  designer: string;
  contributors: string[] | null;
  track: keyof typeof TRACK_LABELS;
  certification_status: keyof typeof CERTIFICATION_STATUS_LABELS;
  lifecycle_stage: keyof typeof LIFECYCLE_STAGE_LABELS;
  maturity_level: number | null;
  criticality_class: keyof typeof CRITICALITY_LABELS | null;
  technologies: {
    php?: string;
    symfony?: string;
    starterKit?: string;
    psram?: string;
    database?: string;
    others?: string[];
  };
  hosting: keyof typeof HOSTING_LABELS;
  personal_data: boolean;
  personal_data_categories: (keyof typeof PERSONAL_DATA_CATEGORY_LABELS)[];
  cnil_reference: string | null;
  connectors: string[];
  forge_url: string | null;
  documentation_url: string | null;
  licence: string | null;
  maintainer: { name?: string; email?: string; phone?: string | null };
  support: { name?: string; email?: string; phone?: string | null };
  versions: { number: string; releasedOn: string | null }[] | null;
  usage_count: number;
  updated_at: string | Date;
}

/** The sheets matching the list's filters, in the list's order, as inventory rows. */
export async function exportRows(ctx: ServiceContext, filters: ApplicationFilters) {
  const { index, result } = await searchCatalogue(ctx, filters, { offset: 0, limit: MAX_EXPORT_ROWS });
  const ids = result.order.map((i) => index.idAt(i));
  if (ids.length === 0) return [];
  const rows = rowsOf<InventoryRow & { id: string }>(
    await ctx.db.execute(sql`
      SELECT a.id, a.code, a.name, a.summary, a.description, d.label_fr AS domain_label, a.domain_code, o.code AS designer,
             (SELECT array_agg(c.code ORDER BY c.code) FROM application_contributors ac
               JOIN organisations c ON c.id = ac.organisation_id WHERE ac.application_id = a.id) AS contributors,
             a.track, a.certification_status, a.lifecycle_stage, a.maturity_level, a.criticality_class, a.technologies,
             a.hosting, a.personal_data, a.personal_data_categories, a.cnil_reference, a.connectors, a.forge_url,
             a.documentation_url, a.licence, a.maintainer, a.support, a.usage_count, a.updated_at,
             (SELECT json_agg(json_build_object('number', v.number, 'releasedOn', v.released_on) ORDER BY v.released_on NULLS FIRST, v.number)
               FROM application_versions v WHERE v.application_id = a.id) AS versions
      FROM applications a
      JOIN organisations o ON o.id = a.designer_organisation_id
      JOIN business_domains d ON d.code = a.domain_code
      WHERE a.id = ANY(${sql.param(ids)}::uuid[])`),
  );
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

const join = (list: readonly (string | null | undefined)[] | null | undefined) =>
  (list ?? []).filter(Boolean).join(LIST_SEPARATOR);

/** One row in the import layout: what is exported imports again unchanged. */
function cellsOf(row: InventoryRow): Record<string, string> {
  const t = row.technologies ?? {};
  return {
    code: row.code,
    name: row.name,
    summary: row.summary,
    description: row.description,
    domainCode: row.domain_label,
    designer: row.designer,
    contributors: join(row.contributors),
    track: TRACK_LABELS[row.track]?.fr ?? row.track,
    certificationStatus:
      CERTIFICATION_STATUS_LABELS[row.certification_status]?.fr ?? row.certification_status,
    lifecycleStage: LIFECYCLE_STAGE_LABELS[row.lifecycle_stage]?.fr ?? row.lifecycle_stage,
    maturityLevel: row.maturity_level === null ? '' : String(row.maturity_level),
    criticalityClass: row.criticality_class ? (CRITICALITY_LABELS[row.criticality_class]?.fr ?? '') : '',
    php: t.php ?? '',
    symfony: t.symfony ?? '',
    starterKit: t.starterKit ?? '',
    psram: t.psram ?? '',
    database: t.database ?? '',
    otherTechnologies: join(t.others),
    hosting: HOSTING_LABELS[row.hosting]?.fr ?? row.hosting,
    personalData: row.personal_data ? 'oui' : 'non',
    personalDataCategories: join(
      row.personal_data_categories.map((c) => PERSONAL_DATA_CATEGORY_LABELS[c]?.fr ?? c),
    ),
    cnilReference: row.cnil_reference ?? '',
    connectors: join(row.connectors),
    forgeUrl: row.forge_url ?? '',
    documentationUrl: row.documentation_url ?? '',
    licence: row.licence ?? '',
    maintainerName: row.maintainer?.name ?? '',
    maintainerEmail: row.maintainer?.email ?? '',
    maintainerPhone: row.maintainer?.phone ?? '',
    supportName: row.support?.name ?? '',
    supportEmail: row.support?.email ?? '',
    supportPhone: row.support?.phone ?? '',
    versions: join(
      (row.versions ?? []).map((v) => (v.releasedOn ? `${v.number} (${v.releasedOn})` : v.number)),
    ),
  };
}

/** CSV for French spreadsheets: UTF-8 with BOM, ";" separator, every cell quoted when needed. */
export function toCsv(rows: InventoryRow[]) {
  const data = rows.map((row) => {
    const cells = cellsOf(row);
    return INVENTORY_COLUMNS.map((c) => guardFormula(cells[c.key] ?? ''));
  });
  return `\uFEFF${Papa.unparse({ fields: INVENTORY_COLUMNS.map((c) => c.header), data }, { delimiter: ';', newline: '\r\n' })}\r\n`;
}

export async function toXlsx(rows: InventoryRow[], options: { withGuide?: boolean } = {}) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mutualis';
  const sheet = workbook.addWorksheet('Applications', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = INVENTORY_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.min(60, Math.max(14, c.header.length + 4)),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(cellsOf(row));
  if (options.withGuide) {
    const guide = workbook.addWorksheet('Colonnes');
    guide.columns = [
      { header: 'Colonne', key: 'header', width: 34 },
      { header: 'Obligatoire', key: 'required', width: 12 },
      { header: 'Contenu attendu', key: 'help', width: 90 },
      { header: 'Exemple', key: 'example', width: 50 },
    ];
    guide.getRow(1).font = { bold: true };
    for (const c of INVENTORY_COLUMNS) guide.addRow({ ...c, required: c.required ? 'oui' : 'non' });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template: the header row and one example row, to be replaced. */
export function templateRow(): InventoryRow {
  const example = Object.fromEntries(INVENTORY_COLUMNS.map((c) => [c.key, c.example]));
  return {
    code: example.code ?? '',
    name: example.name ?? '',
    summary: example.summary ?? '',
    description: example.description ?? '',
    domain_label: example.domainCode ?? '',
    domain_code: 'ressources-humaines',
    designer: example.designer ?? '',
    contributors: (example.contributors ?? '').split(LIST_SEPARATOR),
    track: 'homologation',
    certification_status: 'homologated',
    lifecycle_stage: 'inProduction',
    maturity_level: 3,
    criticality_class: 'moderate',
    technologies: {
      php: '8.2',
      symfony: '6.4',
      starterKit: '3.1',
      psram: '2.0',
      database: 'PostgreSQL',
      others: ['Vue.js', 'Redis'],
    },
    hosting: 'amCloud',
    personal_data: true,
    personal_data_categories: ['contact', 'professional'],
    cnil_reference: example.cnilReference ?? null,
    connectors: ['PROGRES', 'SNGI'],
    forge_url: example.forgeUrl ?? null,
    documentation_url: null,
    licence: 'EUPL-1.2',
    maintainer: { name: example.maintainerName, email: example.maintainerEmail },
    support: { name: example.supportName },
    versions: [
      { number: '3.0.0', releasedOn: '2025-03-01' },
      { number: '3.1.0', releasedOn: '2026-02-10' },
    ],
    usage_count: 0,
    updated_at: new Date(),
  };
}

export function toJson(rows: InventoryRow[]) {
  return rows.map((row) => {
    const { maintainer, support, technologies, versions, ...rest } = row;
    return {
      code: rest.code,
      name: rest.name,
      summary: rest.summary,
      description: rest.description,
      domain: { code: rest.domain_code, label: rest.domain_label },
      designerOrganisation: rest.designer,
      contributors: rest.contributors ?? [],
      track: rest.track,
      certificationStatus: rest.certification_status,
      lifecycleStage: rest.lifecycle_stage,
      maturityLevel: rest.maturity_level,
      criticalityClass: rest.criticality_class,
      technologies,
      hosting: rest.hosting,
      personalData: rest.personal_data,
      personalDataCategories: rest.personal_data_categories,
      cnilReference: rest.cnil_reference,
      connectors: rest.connectors,
      forgeUrl: rest.forge_url,
      documentationUrl: rest.documentation_url,
      licence: rest.licence,
      maintainer,
      support,
      versions: versions ?? [],
      usageCount: rest.usage_count,
      updatedAt: new Date(rest.updated_at).toISOString(),
    };
  });
}

function shortDescription(summary: string) {
  if (summary.length <= 150) return summary;
  const cut = summary.slice(0, 149);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 100))}…`;
}

/** Any sheet as a valid publiccode.yml (0.4): mandatory keys always filled from what the sheet knows. */
export async function publiccodeOf(ctx: ServiceContext, id: string, portalUrl: string) {
  const actor = requireActor(ctx);
  const sheet = await findApplication(ctx.db, id, { usageOf: actor.organisationId });
  if (!sheet) throw notFound('Application');
  const users = rowsOf<{ name: string }>(
    await ctx.db.execute(sql`SELECT o.name FROM application_usages u JOIN organisations o ON o.id = u.organisation_id
      WHERE u.application_id = ${id} ORDER BY o.name`),
  );
  const sheetUrl = `${portalUrl.replace(/\/$/, '')}/catalogue/${sheet.id}`;
  const latest = sheet.versions[0];
  const features = sheet.description
    .split('\n')
    .filter((line) => /^\s*[-*]\s+/.test(line))
    .map((line) =>
      line
        .replace(/^\s*[-*]\s+/, '')
        .replace(/[*_`]/g, '')
        .trim()
        .slice(0, 100),
    )
    .filter(Boolean);
  let longDescription = sheet.description.trim() || sheet.summary;
  if (longDescription.length < 150)
    longDescription = `${longDescription}\n\n${sheet.summary}\nApplication du domaine ${sheet.domain.labelFr}, conçue par ${sheet.designer.name}. Fiche du catalogue Mutualis : ${sheetUrl}`;
  const t = sheet.technologies ?? {};
  const open = [
    t.php ? { name: 'PHP', versionMin: t.php } : null,
    t.symfony ? { name: 'Symfony', versionMin: t.symfony } : null,
    t.starterKit ? { name: 'Starter Kit PHP', versionMin: t.starterKit } : null,
    t.psram ? { name: 'PSRAM', version: t.psram } : null,
    t.database ? { name: t.database } : null,
    ...(t.others ?? []).map((name) => ({ name })),
  ].filter((d) => d !== null);
  const maintainerName = sheet.maintainer?.name ?? sheet.designer.name;
  const document = {
    publiccodeYmlVersion: '0.4',
    name: sheet.name,
    url: sheet.forgeUrl ?? sheetUrl,
    landingURL: sheetUrl,
    ...(latest ? { softwareVersion: latest.number } : {}),
    ...(latest?.releasedOn ? { releaseDate: latest.releasedOn } : {}),
    platforms: ['web'],
    categories: [CATEGORIES_BY_DOMAIN[sheet.domainCode]?.[0] ?? 'it-management'],
    ...(users.length > 0 ? { usedBy: users.map((u) => u.name) } : {}),
    developmentStatus: STATUS_BY_STAGE[sheet.lifecycleStage as keyof typeof STATUS_BY_STAGE],
    softwareType: 'standalone/web',
    description: {
      fr: {
        shortDescription: shortDescription(sheet.summary),
        longDescription: longDescription.slice(0, 10000),
        ...(sheet.documentationUrl ? { documentation: sheet.documentationUrl } : {}),
        features: features.length > 0 ? features : [shortDescription(sheet.summary).slice(0, 100)],
      },
      ...Object.fromEntries(
        Object.entries(sheet.otherLanguages ?? {})
          .filter(([, v]) => v.shortDescription && v.longDescription)
          .map(([lang, v]) => [
            lang,
            {
              ...(v.name ? { localisedName: v.name } : {}),
              shortDescription: v.shortDescription,
              longDescription: v.longDescription,
              features: [v.shortDescription?.slice(0, 100)],
            },
          ]),
      ),
    },
    legal: {
      license: sheet.licence ?? 'LicenseRef-Assurance-Maladie-usage-interne',
      mainCopyrightOwner: sheet.designer.name,
      repoOwner: sheet.designer.name,
    },
    maintenance:
      sheet.lifecycleStage === 'retired'
        ? { type: 'none' }
        : {
            type: 'internal',
            contacts: [
              {
                name: maintainerName,
                ...(sheet.maintainer?.email ? { email: sheet.maintainer.email } : {}),
                ...(sheet.maintainer?.phone ? { phone: sheet.maintainer.phone } : {}),
                affiliation: sheet.designer.name,
              },
              ...(sheet.support?.name
                ? [
                    {
                      name: sheet.support.name,
                      ...(sheet.support.email ? { email: sheet.support.email } : {}),
                      affiliation: sheet.designer.name,
                    },
                  ]
                : []),
            ],
          },
    localisation: { localisationReady: false, availableLanguages: ['fr'] },
    ...(open.length > 0 || sheet.connectors.length > 0
      ? {
          dependsOn: {
            ...(open.length > 0 ? { open } : {}),
            ...(sheet.connectors.length > 0
              ? { proprietary: sheet.connectors.map((name) => ({ name })) }
              : {}),
          },
        }
      : {}),
  };
  return { code: sheet.code, yaml: stringifyPubliccode(document) };
}
