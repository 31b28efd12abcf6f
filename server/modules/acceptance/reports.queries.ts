import { and, desc, eq, getTableColumns, isNull, like, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../../db/client.ts';
import { acceptanceCampaigns, acceptanceReports, applications, projects } from '../../db/schema.ts';

export type ReportValues = typeof acceptanceReports.$inferInsert;
const { pdf: _pdf, ...metaColumns } = getTableColumns(acceptanceReports);
const columns = { ...metaColumns, campaignTitle: acceptanceCampaigns.title };

export async function insertReport(db: Transaction, values: ReportValues) {
  await db.insert(acceptanceReports).values(values);
}

/** The report without its bytes. */
export async function findReport(db: Executor, id: string) {
  const [row] = await db
    .select(columns)
    .from(acceptanceReports)
    .innerJoin(acceptanceCampaigns, eq(acceptanceCampaigns.id, acceptanceReports.campaignId))
    .where(eq(acceptanceReports.id, id));
  return row ?? null;
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

export async function reportOfCampaign(db: Executor, campaignId: string) {
  const [row] = await db
    .select(columns)
    .from(acceptanceReports)
    .innerJoin(acceptanceCampaigns, eq(acceptanceCampaigns.id, acceptanceReports.campaignId))
    .where(eq(acceptanceReports.campaignId, campaignId));
  return row ?? null;
}

export async function reportBytes(db: Executor, id: string) {
  const [row] = await db
    .select({
      pdf: acceptanceReports.pdf,
      number: acceptanceReports.number,
      sha256: acceptanceReports.sha256,
    })
    .from(acceptanceReports)
    .where(eq(acceptanceReports.id, id));
  return row ?? null;
}

export async function listReportRows(db: Executor, filters: { applicationId?: string; projectId?: string }) {
  const conditions = [
    filters.applicationId ? eq(acceptanceReports.applicationId, filters.applicationId) : undefined,
    filters.projectId ? eq(acceptanceReports.projectId, filters.projectId) : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select(columns)
    .from(acceptanceReports)
    .innerJoin(acceptanceCampaigns, eq(acceptanceCampaigns.id, acceptanceReports.campaignId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(acceptanceReports.signedAt))
    .limit(200);
}

/**
 * The next number of the year (PV-2026-0001…). Two signatures at the same moment are serialised by a
 * transaction-scoped advisory lock, so that they never draw the same number.
 */
export async function nextReportNumber(db: Transaction, year: number) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('acceptance_report_number'))`);
  const prefix = `PV-${year}-`;
  const [row] = await db
    .select({ last: sql<string | null>`max(${acceptanceReports.number})` })
    .from(acceptanceReports)
    .where(like(acceptanceReports.number, `${prefix}%`));
  const last = row?.last ? Number(row.last.slice(prefix.length)) : 0;
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

/** The field the project's "delivered" guard reads (common/lifecycles/project.ts). */
export async function setProjectAcceptance(
  db: Transaction,
  projectId: string,
  signedAt: Date,
  number: string,
) {
  await db
    .update(projects)
    .set({ acceptanceReportSignedAt: signedAt, acceptanceReportReference: number })
    .where(eq(projects.id, projectId));
}

/** The signed, not refused, report of a project that has no sheet yet. */
export async function reportAwaitingSheet(db: Executor, projectId: string) {
  const [row] = await db
    .select({
      id: acceptanceReports.id,
      number: acceptanceReports.number,
      signedAt: acceptanceReports.signedAt,
    })
    .from(acceptanceReports)
    .where(
      and(
        eq(acceptanceReports.projectId, projectId),
        isNull(acceptanceReports.applicationId),
        sql`${acceptanceReports.decision} <> 'refused'`,
      ),
    )
    .orderBy(desc(acceptanceReports.signedAt))
    .limit(1);
  return row ?? null;
}

export async function setReportApplication(db: Transaction, reportId: string, applicationId: string) {
  await db.update(acceptanceReports).set({ applicationId }).where(eq(acceptanceReports.id, reportId));
}

export async function applicationNameAndTrack(db: Executor, id: string) {
  const [row] = await db
    .select({ name: applications.name, track: applications.track })
    .from(applications)
    .where(eq(applications.id, id));
  return row ?? null;
}
