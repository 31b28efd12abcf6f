import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
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

export type ApplicationRow = typeof applications.$inferSelect;
export type ApplicationValues = Omit<
  typeof applications.$inferInsert,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'searchVector' | 'usageCount' | 'archivedAt'
>;

const organisationColumns = {
  id: organisations.id,
  code: organisations.code,
  name: organisations.name,
  type: organisations.type,
  region: organisations.region,
};
export type OrganisationRef = { id: string; code: string; name: string; type: string; region: string };

const creator = alias(users, 'creator');
const updater = alias(users, 'updater');

/** The whole sheet: the row, its domain and offices, versions, attachments (without content), authors. */
export async function findApplication(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean; usageOf?: string } = {},
) {
  const base = db
    .select({
      application: applications,
      domain: { code: businessDomains.code, labelFr: businessDomains.labelFr },
      designer: organisationColumns,
      createdBy: { id: creator.id, displayName: creator.displayName },
      updatedBy: { id: updater.id, displayName: updater.displayName },
    })
    .from(applications)
    .innerJoin(businessDomains, eq(businessDomains.code, applications.domainCode))
    .innerJoin(organisations, eq(organisations.id, applications.designerOrganisationId))
    .leftJoin(creator, eq(creator.id, applications.createdBy))
    .leftJoin(updater, eq(updater.id, applications.updatedBy))
    .where(eq(applications.id, id))
    .limit(1);
  const [row] = options.forUpdate ? await base.for('update', { of: applications }) : await base;
  if (!row) return null;
  const [contributors, versions, attachments, myUsage] = await Promise.all([
    db
      .select(organisationColumns)
      .from(applicationContributors)
      .innerJoin(organisations, eq(organisations.id, applicationContributors.organisationId))
      .where(eq(applicationContributors.applicationId, id))
      .orderBy(asc(organisations.name)),
    db
      .select({
        number: applicationVersions.number,
        releasedOn: applicationVersions.releasedOn,
        notes: applicationVersions.notes,
      })
      .from(applicationVersions)
      .where(eq(applicationVersions.applicationId, id))
      .orderBy(
        sql`${applicationVersions.releasedOn} DESC NULLS LAST`,
        sql`${applicationVersions.number} DESC`,
      ),
    db
      .select({
        id: applicationAttachments.id,
        kind: applicationAttachments.kind,
        fileName: applicationAttachments.fileName,
        mediaType: applicationAttachments.mediaType,
        size: applicationAttachments.size,
        createdAt: applicationAttachments.createdAt,
      })
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
  ]);
  return {
    ...row.application,
    domain: row.domain,
    designer: row.designer as OrganisationRef,
    createdByUser: row.createdBy?.id ? row.createdBy : null,
    updatedByUser: row.updatedBy?.id ? row.updatedBy : null,
    contributors: contributors as OrganisationRef[],
    versions,
    attachments,
    myUsage: myUsage[0] ?? null,
  };
}
export type ApplicationSheet = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export async function findApplicationIdsByCodes(db: Executor, codes: string[]) {
  if (codes.length === 0)
    return new Map<string, { id: string; version: number; designerOrganisationId: string }>();
  const rows = await db
    .select({
      id: applications.id,
      code: applications.code,
      version: applications.version,
      designerOrganisationId: applications.designerOrganisationId,
    })
    .from(applications)
    .where(inArray(applications.code, codes));
  return new Map(rows.map((r) => [r.code, r]));
}

export async function codeExists(db: Executor, code: string) {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(eq(applications.code, code));
  return !!row;
}

export async function insertApplication(db: Executor, values: ApplicationValues) {
  const [row] = await db.insert(applications).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
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

export async function replaceContributors(db: Executor, applicationId: string, organisationIds: string[]) {
  await db.delete(applicationContributors).where(eq(applicationContributors.applicationId, applicationId));
  if (organisationIds.length > 0) {
    await db
      .insert(applicationContributors)
      .values(organisationIds.map((organisationId) => ({ applicationId, organisationId })));
  }
}

export async function replaceVersions(
  db: Executor,
  applicationId: string,
  versions: { number: string; releasedOn: string | null; notes: string }[],
) {
  await db.delete(applicationVersions).where(eq(applicationVersions.applicationId, applicationId));
  if (versions.length > 0) {
    await db.insert(applicationVersions).values(versions.map((v) => ({ ...v, applicationId })));
  }
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

export async function findOrganisationsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select(organisationColumns).from(organisations).where(inArray(organisations.id, ids));
}

export async function findOrganisationsByCodes(db: Executor, codes: string[]) {
  if (codes.length === 0) return [];
  return db.select(organisationColumns).from(organisations).where(inArray(organisations.code, codes));
}
