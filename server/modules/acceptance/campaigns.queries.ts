import { and, asc, count, desc, eq, inArray, max, notInArray, type SQL, sql } from 'drizzle-orm';
import { STILL_OPEN } from '../../../common/acceptance/vocabulary.ts';
import type { Executor, Transaction } from '../../db/client.ts';
import {
  acceptanceAnomalies,
  acceptanceCampaignOffices,
  acceptanceCampaigns,
  acceptanceCampaignTesters,
  acceptanceExecutions,
  acceptanceTestCases,
  applications,
  organisations,
  projects,
  users,
} from '../../db/schema.ts';
import { selectRows, toNumber } from '../../lib/rows.ts';
import { versionedRowStore } from '../../lib/versioned-row.queries.ts';

export type CampaignRow = typeof acceptanceCampaigns.$inferSelect;
export type CampaignValues = Omit<typeof acceptanceCampaigns.$inferInsert, 'id'>;
export type TestCaseRow = typeof acceptanceTestCases.$inferSelect;
export type AnomalyRow = typeof acceptanceAnomalies.$inferSelect;

/** The campaign lifecycle's subject: its row, read and moved by the shared adapter. */
export const campaignStore = versionedRowStore<typeof acceptanceCampaigns, CampaignRow['state']>(
  acceptanceCampaigns,
  { column: 'state' },
);

export async function insertCampaign(db: Executor, values: CampaignValues) {
  const [row] = await db.insert(acceptanceCampaigns).values(values).returning();
  return row as CampaignRow;
}

export async function updateCampaignAtVersion(
  db: Transaction,
  id: string,
  version: number,
  values: Partial<CampaignValues>,
) {
  const [row] = await db
    .update(acceptanceCampaigns)
    .set({ ...values, version: sql`${acceptanceCampaigns.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(acceptanceCampaigns.id, id), eq(acceptanceCampaigns.version, version)))
    .returning();
  return row ?? null;
}

/** Marks the campaign changed (a case, an execution, an anomaly), so that lists order by activity. */
export async function touchCampaign(db: Transaction, id: string) {
  await db.update(acceptanceCampaigns).set({ updatedAt: sql`now()` }).where(eq(acceptanceCampaigns.id, id));
}

export async function replaceCampaignOffices(db: Transaction, campaignId: string, ids: readonly string[]) {
  await db.delete(acceptanceCampaignOffices).where(eq(acceptanceCampaignOffices.campaignId, campaignId));
  if (ids.length > 0)
    await db
      .insert(acceptanceCampaignOffices)
      .values([...new Set(ids)].map((organisationId) => ({ campaignId, organisationId })));
}

export async function replaceCampaignTesters(db: Transaction, campaignId: string, ids: readonly string[]) {
  await db.delete(acceptanceCampaignTesters).where(eq(acceptanceCampaignTesters.campaignId, campaignId));
  if (ids.length > 0)
    await db
      .insert(acceptanceCampaignTesters)
      .values([...new Set(ids)].map((userId) => ({ campaignId, userId })));
}

export async function findCampaign(db: Executor, id: string, options: { lock?: boolean } = {}) {
  return campaignStore.load(db, id, { lock: options.lock ?? false });
}

export interface CampaignFilters {
  projectId?: string;
  applicationId?: string;
}

export async function listCampaignRows(
  db: Executor,
  filters: CampaignFilters,
  page: { page: number; pageSize: number },
) {
  const conditions: SQL[] = [];
  if (filters.projectId) conditions.push(eq(acceptanceCampaigns.projectId, filters.projectId));
  if (filters.applicationId) conditions.push(eq(acceptanceCampaigns.applicationId, filters.applicationId));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(acceptanceCampaigns)
      .where(where)
      .orderBy(desc(acceptanceCampaigns.updatedAt), asc(acceptanceCampaigns.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ total: count() }).from(acceptanceCampaigns).where(where),
  ]);
  return { items, total: total?.total ?? 0 };
}

/** The name of what each campaign is about: the project's title, or the sheet's name. */
export async function subjectNames(db: Executor, rows: readonly CampaignRow[]) {
  const projectIds = rows.flatMap((r) => (r.projectId ? [r.projectId] : []));
  const applicationIds = rows.flatMap((r) => (r.applicationId ? [r.applicationId] : []));
  const [projectRows, applicationRows] = await Promise.all([
    projectIds.length
      ? db
          .select({ id: projects.id, name: projects.title })
          .from(projects)
          .where(inArray(projects.id, projectIds))
      : [],
    applicationIds.length
      ? db
          .select({ id: applications.id, name: applications.name })
          .from(applications)
          .where(inArray(applications.id, applicationIds))
      : [],
  ]);
  return new Map([...projectRows, ...applicationRows].map((r) => [r.id, r.name]));
}

export async function campaignOffices(db: Executor, campaignId: string) {
  return db
    .select({ id: organisations.id, code: organisations.code, name: organisations.name })
    .from(acceptanceCampaignOffices)
    .innerJoin(organisations, eq(organisations.id, acceptanceCampaignOffices.organisationId))
    .where(eq(acceptanceCampaignOffices.campaignId, campaignId))
    .orderBy(asc(organisations.name));
}

const personColumns = {
  id: users.id,
  name: users.displayName,
  organisationName: organisations.name,
};

export async function campaignTesters(db: Executor, campaignId: string) {
  return db
    .select(personColumns)
    .from(acceptanceCampaignTesters)
    .innerJoin(users, eq(users.id, acceptanceCampaignTesters.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(acceptanceCampaignTesters.campaignId, campaignId))
    .orderBy(asc(users.displayName));
}

export async function isCampaignTester(db: Executor, campaignId: string, userId: string) {
  const rows = await db
    .select({ userId: acceptanceCampaignTesters.userId })
    .from(acceptanceCampaignTesters)
    .where(
      and(eq(acceptanceCampaignTesters.campaignId, campaignId), eq(acceptanceCampaignTesters.userId, userId)),
    )
    .limit(1);
  return rows.length > 0;
}

/** Users that exist, among `ids` (a tester named must be an account). */
export async function existingUsers(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return (
    await db
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.id, [...ids]))
  ).map((r) => r.id);
}

export async function officesByIdOrCode(db: Executor, ids: readonly string[], code?: string) {
  const condition = code ? eq(organisations.code, code) : inArray(organisations.id, [...ids]);
  if (!code && ids.length === 0) return [];
  return db.select({ id: organisations.id, type: organisations.type }).from(organisations).where(condition);
}

export async function testCasesOf(db: Executor, campaignId: string) {
  return db
    .select()
    .from(acceptanceTestCases)
    .where(eq(acceptanceTestCases.campaignId, campaignId))
    .orderBy(asc(acceptanceTestCases.position), asc(acceptanceTestCases.code));
}

export async function findTestCase(db: Executor, campaignId: string, caseId: string) {
  const [row] = await db
    .select()
    .from(acceptanceTestCases)
    .where(and(eq(acceptanceTestCases.campaignId, campaignId), eq(acceptanceTestCases.id, caseId)));
  return row ?? null;
}

export async function insertTestCases(
  db: Transaction,
  campaignId: string,
  cases: readonly Omit<typeof acceptanceTestCases.$inferInsert, 'campaignId' | 'position'>[],
) {
  const [last] = await db
    .select({ position: max(acceptanceTestCases.position) })
    .from(acceptanceTestCases)
    .where(eq(acceptanceTestCases.campaignId, campaignId));
  const start = (last?.position ?? 0) + 1;
  return db
    .insert(acceptanceTestCases)
    .values(cases.map((c, i) => ({ ...c, campaignId, position: start + i })))
    .returning();
}

export async function executionsOf(db: Executor, campaignId: string) {
  return db
    .select({
      id: acceptanceExecutions.id,
      caseId: acceptanceExecutions.caseId,
      result: acceptanceExecutions.result,
      executedOn: acceptanceExecutions.executedOn,
      versionLabel: acceptanceExecutions.versionLabel,
      comment: acceptanceExecutions.comment,
      evidenceUrls: acceptanceExecutions.evidenceUrls,
      createdAt: acceptanceExecutions.createdAt,
      tester: personColumns,
    })
    .from(acceptanceExecutions)
    .innerJoin(users, eq(users.id, acceptanceExecutions.testerId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(acceptanceExecutions.campaignId, campaignId))
    .orderBy(desc(acceptanceExecutions.createdAt), desc(acceptanceExecutions.id));
}
export type ExecutionRow = Awaited<ReturnType<typeof executionsOf>>[number];

export async function insertExecution(db: Transaction, values: typeof acceptanceExecutions.$inferInsert) {
  const [row] = await db.insert(acceptanceExecutions).values(values).returning();
  return row as typeof acceptanceExecutions.$inferSelect;
}

export async function anomaliesOf(db: Executor, campaignId: string) {
  return db
    .select()
    .from(acceptanceAnomalies)
    .where(eq(acceptanceAnomalies.campaignId, campaignId))
    .orderBy(asc(acceptanceAnomalies.number));
}

export async function findAnomaly(db: Executor, campaignId: string, id: string) {
  const [row] = await db
    .select()
    .from(acceptanceAnomalies)
    .where(and(eq(acceptanceAnomalies.campaignId, campaignId), eq(acceptanceAnomalies.id, id)));
  return row ?? null;
}

/** Inserts an anomaly numbered after the campaign's last (the caller holds the campaign's row lock). */
export async function insertAnomaly(
  db: Transaction,
  values: Omit<typeof acceptanceAnomalies.$inferInsert, 'number'>,
) {
  const [last] = await db
    .select({ number: max(acceptanceAnomalies.number) })
    .from(acceptanceAnomalies)
    .where(eq(acceptanceAnomalies.campaignId, values.campaignId));
  const [row] = await db
    .insert(acceptanceAnomalies)
    .values({ ...values, number: (last?.number ?? 0) + 1 })
    .returning();
  return row as AnomalyRow;
}

export async function updateAnomalyAtVersion(
  db: Transaction,
  id: string,
  version: number,
  values: Partial<typeof acceptanceAnomalies.$inferInsert>,
) {
  const [row] = await db
    .update(acceptanceAnomalies)
    .set({ ...values, version: sql`${acceptanceAnomalies.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(acceptanceAnomalies.id, id), eq(acceptanceAnomalies.version, version)))
    .returning();
  return row ?? null;
}

/** The raw counts behind a campaign's figures and its guards, for several campaigns in four statements. */
export async function campaignCounts(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, CampaignCounts>();
  const list = [...ids];
  const [cases, latest, anomalies, testers] = await Promise.all([
    db
      .select({ campaignId: acceptanceTestCases.campaignId, cases: count() })
      .from(acceptanceTestCases)
      .where(inArray(acceptanceTestCases.campaignId, list))
      .groupBy(acceptanceTestCases.campaignId),
    // The latest execution of each case is its result; requirement codes of passed cases are covered.
    selectRows<{ campaign_id: string; result: string; n: unknown }>(
      db,
      sql`
      WITH latest AS (
        SELECT DISTINCT ON (e.case_id) e.campaign_id, e.case_id, e.result
        FROM acceptance_executions e
        WHERE e.campaign_id IN (${sql.join(
          list.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        ORDER BY e.case_id, e.created_at DESC, e.id DESC
      )
      SELECT campaign_id, result, count(*)::int AS n FROM latest GROUP BY campaign_id, result
      UNION ALL
      SELECT l.campaign_id, 'covered', count(DISTINCT requirement.code)::int
      FROM latest l JOIN acceptance_test_cases c ON c.id = l.case_id, unnest(c.requirement_codes) AS requirement(code)
      WHERE l.result = 'passed' GROUP BY l.campaign_id
      UNION ALL
      SELECT campaign_id, 'executions', count(*)::int FROM acceptance_executions
      WHERE campaign_id IN (SELECT campaign_id FROM latest) GROUP BY campaign_id`,
    ),
    db
      .select({
        campaignId: acceptanceAnomalies.campaignId,
        severity: acceptanceAnomalies.severity,
        status: acceptanceAnomalies.status,
        n: count(),
      })
      .from(acceptanceAnomalies)
      .where(
        and(
          inArray(acceptanceAnomalies.campaignId, list),
          notInArray(acceptanceAnomalies.status, ['rejected']),
        ),
      )
      .groupBy(acceptanceAnomalies.campaignId, acceptanceAnomalies.severity, acceptanceAnomalies.status),
    db
      .select({ campaignId: acceptanceCampaignTesters.campaignId, n: count() })
      .from(acceptanceCampaignTesters)
      .where(inArray(acceptanceCampaignTesters.campaignId, list))
      .groupBy(acceptanceCampaignTesters.campaignId),
  ]);
  const result = new Map<string, CampaignCounts>(list.map((id) => [id, emptyCounts()]));
  for (const row of cases) (result.get(row.campaignId) as CampaignCounts).cases = row.cases;
  for (const row of testers) (result.get(row.campaignId) as CampaignCounts).testers = row.n;
  for (const row of latest) {
    const counts = result.get(row.campaign_id) as CampaignCounts;
    if (row.result === 'covered') counts.requirementsCovered = toNumber(row.n);
    else if (row.result === 'executions') counts.executions = toNumber(row.n);
    else counts.latest[row.result as 'passed' | 'failed' | 'blocked'] = toNumber(row.n);
  }
  for (const row of anomalies) {
    const counts = result.get(row.campaignId) as CampaignCounts;
    counts.anomalies[row.severity] += row.n;
    if (STILL_OPEN.includes(row.status)) counts.open[row.severity] += row.n;
  }
  return result;
}

export interface CampaignCounts {
  cases: number;
  testers: number;
  executions: number;
  latest: { passed: number; failed: number; blocked: number };
  requirementsCovered: number;
  anomalies: { blocking: number; major: number; minor: number };
  open: { blocking: number; major: number; minor: number };
}
const emptyCounts = (): CampaignCounts => ({
  cases: 0,
  testers: 0,
  executions: 0,
  latest: { passed: 0, failed: 0, blocked: 0 },
  requirementsCovered: 0,
  anomalies: { blocking: 0, major: 0, minor: 0 },
  open: { blocking: 0, major: 0, minor: 0 },
});
