import { and, asc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CertificationStatus } from '../../../../common/catalog/vocabulary.ts';
import type { ApplicationRecordState } from '../../../../common/lifecycles/application.ts';
import type { Executor } from '../../../db/client.ts';
import {
  applicationAttachments,
  applicationContributors,
  applications,
  applicationUsages,
  applicationVersions,
  businessDomains,
  organisations,
  users,
} from '../../../db/schema.ts';
import { versionedRowStore } from '../../../lib/versioned-row.queries.ts';
import {
  type OrganisationSummaryRow,
  organisationSummaryColumns,
} from '../../organisations/organisations.queries.ts';
import { attachmentSummaryColumns } from '../attachments/attachments.queries.ts';
import { findReplacementLinks } from '../replacement/replacement.queries.ts';

export type ApplicationRow = typeof applications.$inferSelect;
export type ApplicationValues = Omit<
  typeof applications.$inferInsert,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'searchVector' | 'usageCount' | 'archivedAt'
>;
/** What a card of the catalogue needs of an application, whichever query read it. */
export interface ApplicationSummarySource {
  id: string;
  code: string;
  name: string;
  summary: string;
  domain: { code: string; label: string };
  designer: OrganisationSummaryRow;
  track: string;
  certificationStatus: string;
  lifecycleStage: string;
  hosting: string;
  technologyTags: string[];
  personalData: boolean;
  usageCount: number | string;
  archived: boolean;
  updatedAt: Date | string;
}

export type ApplicationVersionRow = { number: string; releasedOn: string | null; notes: string };

const creator = alias(users, 'creator');
const updater = alias(users, 'updater');

/** `id = ANY($1)`: one parameter whatever the number of ids (an export may name 100,000). */
const idIn = (ids: string[]) => sql`${applications.id} = ANY(${sql.param(ids)}::uuid[])`;
const byApplication = <T extends { applicationId: string }>(rows: T[]) => {
  const grouped = new Map<string, T[]>();
  for (const row of rows) grouped.set(row.applicationId, [...(grouped.get(row.applicationId) ?? []), row]);
  return grouped;
};

/**
 * Whole applications: the row, its domain and offices, versions (latest first), authors. One statement
 * per part whatever the number of ids; the result follows the order of `ids`.
 */
export async function findApplications(db: Executor, ids: string[], options: { forUpdate?: boolean } = {}) {
  if (ids.length === 0) return [];
  const base = db
    .select({
      application: applications,
      domain: { code: businessDomains.code, label: businessDomains.labelFr },
      designer: organisationSummaryColumns,
      createdBy: { id: creator.id, displayName: creator.displayName },
      updatedBy: { id: updater.id, displayName: updater.displayName },
    })
    .from(applications)
    .innerJoin(businessDomains, eq(businessDomains.code, applications.domainCode))
    .innerJoin(organisations, eq(organisations.id, applications.designerOrganisationId))
    .leftJoin(creator, eq(creator.id, applications.createdBy))
    .leftJoin(updater, eq(updater.id, applications.updatedBy))
    .where(idIn(ids));
  const rows = options.forUpdate ? await base.for('no key update', { of: applications }) : await base;
  if (rows.length === 0) return [];
  const found = rows.map((r) => r.application.id);
  const [contributors, versions] = await Promise.all([
    db
      .select({ applicationId: applicationContributors.applicationId, ...organisationSummaryColumns })
      .from(applicationContributors)
      .innerJoin(organisations, eq(organisations.id, applicationContributors.organisationId))
      .where(sql`${applicationContributors.applicationId} = ANY(${sql.param(found)}::uuid[])`)
      .orderBy(asc(organisations.name)),
    db
      .select({
        applicationId: applicationVersions.applicationId,
        number: applicationVersions.number,
        releasedOn: applicationVersions.releasedOn,
        notes: applicationVersions.notes,
      })
      .from(applicationVersions)
      .where(sql`${applicationVersions.applicationId} = ANY(${sql.param(found)}::uuid[])`)
      .orderBy(
        sql`${applicationVersions.releasedOn} DESC NULLS LAST`,
        sql`${applicationVersions.number} DESC`,
      ),
  ]);
  const contributorsOf = byApplication(contributors);
  const versionsOf = byApplication(versions);
  const byId = new Map(
    rows.map((row) => [
      row.application.id,
      {
        ...row.application,
        domain: row.domain,
        designer: row.designer as OrganisationSummaryRow,
        createdByUser: row.createdBy?.id ? row.createdBy : null,
        updatedByUser: row.updatedBy?.id ? row.updatedBy : null,
        contributors: (contributorsOf.get(row.application.id) ?? []).map(
          ({ applicationId: _a, ...organisation }) => organisation as OrganisationSummaryRow,
        ),
        versions: (versionsOf.get(row.application.id) ?? []).map(
          ({ applicationId: _a, ...version }): ApplicationVersionRow => version,
        ),
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}
export type ApplicationAggregate = Awaited<ReturnType<typeof findApplications>>[number];

/**
 * One whole application, with its attachments (without content), both sides of its replacement and,
 * when asked, one office's usage.
 */
export async function findApplication(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean; usageOf?: string } = {},
) {
  const [application] = await findApplications(db, [id], options);
  if (!application) return null;
  const [attachments, myUsage, replacement] = await Promise.all([
    db
      .select(attachmentSummaryColumns)
      .from(applicationAttachments)
      .where(eq(applicationAttachments.applicationId, id))
      .orderBy(asc(applicationAttachments.createdAt)),
    options.usageOf
      ? db
          .select()
          .from(applicationUsages)
          .where(
            and(
              eq(applicationUsages.applicationId, id),
              eq(applicationUsages.organisationId, options.usageOf),
            ),
          )
          .limit(1)
      : Promise.resolve([]),
    findReplacementLinks(db, id, application.replacedById),
  ]);
  return { ...application, attachments, myUsage: myUsage[0] ?? null, ...replacement };
}
export type ApplicationDetail = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export async function applicationExists(db: Executor, id: string) {
  const [row] = await db.select({ id: applications.id }).from(applications).where(eq(applications.id, id));
  return !!row;
}

/** Id, version and designer of the applications that carry these codes (archived ones too). */
export async function findApplicationIdsByCodes(db: Executor, codes: string[]) {
  if (codes.length === 0)
    return new Map<
      string,
      {
        id: string;
        version: number;
        designerOrganisationId: string;
        certificationStatus: CertificationStatus;
      }
    >();
  const rows = await db
    .select({
      id: applications.id,
      code: applications.code,
      version: applications.version,
      designerOrganisationId: applications.designerOrganisationId,
      certificationStatus: applications.certificationStatus,
    })
    .from(applications)
    .where(sql`${applications.code} = ANY(${sql.param(codes)}::text[])`);
  return new Map(rows.map((r) => [r.code, r]));
}

/** The live application whose repository is at this address (publiccode.yml's identifier). */
export async function findApplicationIdByForgeUrl(db: Executor, forgeUrl: string) {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.forgeUrl, forgeUrl), isNull(applications.archivedAt)))
    .limit(1);
  return row?.id ?? null;
}

export async function codeExists(db: Executor, code: string) {
  return (await findApplicationIdsByCodes(db, [code])).size > 0;
}

export async function insertApplications(db: Executor, values: ApplicationValues[]) {
  if (values.length === 0) return [];
  return db.insert(applications).values(values).returning();
}

/** Updates only when the version still matches; returns null on a lost update. */
export async function updateApplicationAtVersion(
  db: Executor,
  id: string,
  expectedVersion: number,
  values: Partial<ApplicationValues> & { archivedAt?: Date | null },
) {
  const [row] = await db
    .update(applications)
    .set({ ...values, version: expectedVersion + 1, updatedAt: sql`now()` })
    .where(and(eq(applications.id, id), eq(applications.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/**
 * Updates many applications in one statement, each only if its version is still the one its writer
 * read (the others are left as they are and missing from the result), bringing archived ones back.
 * `createdBy` stays as it was.
 */
export async function updateApplicationsAtVersions(
  db: Executor,
  rows: { id: string; expectedVersion: number; values: ApplicationValues }[],
) {
  if (rows.length === 0) return [];
  const columns = getTableColumns(applications);
  // Only the columns every row sets (otherLanguages is set by publiccode.yml alone): the others keep theirs.
  const changed = (Object.keys(rows[0]?.values ?? {}) as (keyof ApplicationValues)[]).filter(
    (key) => key !== 'createdBy' && rows.every((r) => key in r.values),
  );
  return db
    .insert(applications)
    .values(rows.map((r) => ({ ...r.values, id: r.id, version: r.expectedVersion + 1 })))
    .onConflictDoUpdate({
      target: applications.id,
      set: {
        ...Object.fromEntries(changed.map((key) => [key, sql.raw(`excluded.${columns[key].name}`)])),
        version: sql`excluded.version`,
        updatedAt: sql`now()`,
        archivedAt: sql`NULL`,
      },
      setWhere: sql`${applications.version} = excluded.version - 1`,
    })
    .returning();
}

/** The contributors and versions of these applications, replaced by the given ones. */
export async function replaceContributorsAndVersions(
  db: Executor,
  applicationIds: string[],
  contributors: { applicationId: string; organisationId: string }[],
  versions: (ApplicationVersionRow & { applicationId: string })[],
) {
  if (applicationIds.length === 0) return;
  await db
    .delete(applicationContributors)
    .where(inArray(applicationContributors.applicationId, applicationIds));
  await db.delete(applicationVersions).where(inArray(applicationVersions.applicationId, applicationIds));
  if (contributors.length > 0) await db.insert(applicationContributors).values(contributors);
  if (versions.length > 0) await db.insert(applicationVersions).values(versions);
}

export async function listBusinessDomains(db: Executor) {
  return db
    .select({
      code: businessDomains.code,
      labelFr: businessDomains.labelFr,
      labelEn: businessDomains.labelEn,
    })
    .from(businessDomains)
    .orderBy(asc(businessDomains.position));
}

/** Published or archived: the sheet's record lifecycle reads and writes `archived_at`. */
export const applicationRecordStore = versionedRowStore<typeof applications, ApplicationRecordState>(
  applications,
  {
    read: (row) => (row.archivedAt ? 'archived' : 'published'),
    write: (to) => ({ archivedAt: to === 'archived' ? new Date() : null }),
  },
);

/** The certification status, moved only by the certification lifecycle. */
export const applicationCertificationStore = versionedRowStore<typeof applications, CertificationStatus>(
  applications,
  { column: 'certificationStatus' },
);
