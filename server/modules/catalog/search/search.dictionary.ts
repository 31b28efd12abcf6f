import { sql } from 'drizzle-orm';
import type { Facet } from '../../../../common/catalog/vocabulary.ts';
import type { ApplicationSummaryDto } from '../../../../common/schemas/application.ts';
import type { Database, Executor } from '../../../db/client.ts';

/** What the search index reads of each sheet, and how it interns and presents it. */

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Interns the values of one facet as small integers. */
export class Dictionary {
  readonly values: string[] = [];
  readonly labels: string[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string, label = value) {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
      this.labels.push(label);
    }
    return code;
  }
  find(value: string) {
    return this.codes.get(value);
  }
}

export interface LoadedRow {
  id: string;
  code: string;
  name: string;
  summary: string;
  organisation_id: string;
  organisation_type: string;
  updated_at: Date | string;
  domain_code: string;
  domain_label: string;
  track: string;
  certification_status: string;
  lifecycle_stage: string;
  organisation_code: string;
  organisation_name: string;
  region: string;
  hosting: string;
  personal_data: boolean;
  technology_tags: string[];
  archived: boolean;
  usage_count: number;
  updated: number | string;
  sort_name: string;
}

/** Single-valued facets, in the order of their columns in the index. */
export const SINGLE: Exclude<Facet, 'technology'>[] = [
  'domain',
  'track',
  'status',
  'lifecycle',
  'organisation',
  'region',
  'hosting',
  'personalData',
];

/** The committed catalogue version (one primary-key lookup). */
export async function readCatalogueVersion(db: Executor) {
  const [state] = rowsOf<{ version: number | string }>(
    await db.execute(sql`SELECT version FROM catalogue_state WHERE id = 1`),
  );
  return Number(state?.version ?? 0);
}

/** Every sheet and the catalogue version they belong to, read in one snapshot. */
export async function readCatalogue(db: Database) {
  return db.transaction(
    async (tx) => {
      const version = await readCatalogueVersion(tx);
      const rows = rowsOf<LoadedRow>(
        await tx.execute(sql`
          SELECT a.id, a.code, a.name, a.summary, a.domain_code, d.label_fr AS domain_label, a.track,
                 a.certification_status, a.lifecycle_stage, o.id AS organisation_id, o.code AS organisation_code,
                 o.name AS organisation_name, o.type AS organisation_type, o.region, a.hosting, a.personal_data,
                 a.technology_tags, a.archived_at IS NOT NULL AS archived, a.usage_count, a.updated_at,
                 extract(epoch FROM a.updated_at) * 1000 AS updated, a.sort_name
          FROM applications a
          JOIN organisations o ON o.id = a.designer_organisation_id
          JOIN business_domains d ON d.code = a.domain_code`),
      );
      return { version, rows };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The result card of a sheet, as the list sends it. */
export function presentCard(row: LoadedRow): ApplicationSummaryDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    summary: row.summary,
    domain: { code: row.domain_code, label: row.domain_label },
    designerOrganisation: {
      id: row.organisation_id,
      code: row.organisation_code,
      name: row.organisation_name,
      type: row.organisation_type as ApplicationSummaryDto['designerOrganisation']['type'],
      region: row.region as ApplicationSummaryDto['designerOrganisation']['region'],
    },
    track: row.track as ApplicationSummaryDto['track'],
    certificationStatus: row.certification_status as ApplicationSummaryDto['certificationStatus'],
    lifecycleStage: row.lifecycle_stage as ApplicationSummaryDto['lifecycleStage'],
    hosting: row.hosting as ApplicationSummaryDto['hosting'],
    technologyTags: row.technology_tags,
    personalData: row.personal_data,
    usageCount: Number(row.usage_count),
    archived: row.archived,
    updatedAt: (row.updated_at instanceof Date ? row.updated_at : new Date(row.updated_at)).toISOString(),
  };
}
