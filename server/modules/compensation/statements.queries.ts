import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../../db/client.ts';
import {
  agreementStatements,
  agreements,
  applications,
  dailyRateTables,
  organisations,
  projects,
} from '../../db/schema.ts';
import { versionedRowStore } from '../../lib/versioned-row.queries.ts';

export type StatementRow = typeof agreementStatements.$inferSelect;

/** The statement lifecycle's subject: its row, read and moved by the shared adapter. */
export const statementStore = versionedRowStore<typeof agreementStatements, StatementRow['state']>(
  agreementStatements,
  { column: 'state' },
);

export async function insertStatement(
  db: Transaction,
  values: Omit<typeof agreementStatements.$inferInsert, 'id'>,
) {
  const [row] = await db.insert(agreementStatements).values(values).returning();
  return row as StatementRow;
}

/** The live statements (draft or validated) of an agreement, oldest period first. */
export async function statementsOf(db: Executor, agreementId: string) {
  return db
    .select()
    .from(agreementStatements)
    .where(and(eq(agreementStatements.agreementId, agreementId), ne(agreementStatements.state, 'withdrawn')))
    .orderBy(asc(agreementStatements.periodStart));
}

/** What the agreement's live statements (draft or validated) commit under its ceiling. */
export async function committedCents(db: Executor, agreementId: string) {
  const [row] = await db
    .select({ cents: sql<string>`coalesce(sum(${agreementStatements.payableCents}), 0)` })
    .from(agreementStatements)
    .where(and(eq(agreementStatements.agreementId, agreementId), ne(agreementStatements.state, 'withdrawn')));
  return Number(row?.cents ?? 0);
}

/** A statement with its agreement, office and object, for its page and its export. */
export async function findStatementDetail(db: Executor, id: string) {
  const [row] = await db
    .select({
      statement: agreementStatements,
      agreement: {
        id: agreements.id,
        title: agreements.title,
        organisationId: agreements.organisationId,
        targetKind: agreements.targetKind,
        projectId: agreements.projectId,
        applicationId: agreements.applicationId,
        nationalLabel: agreements.nationalLabel,
      },
      officeCode: organisations.code,
      officeName: organisations.name,
      projectTitle: projects.title,
      applicationName: applications.name,
    })
    .from(agreementStatements)
    .innerJoin(agreements, eq(agreements.id, agreementStatements.agreementId))
    .innerJoin(organisations, eq(organisations.id, agreements.organisationId))
    .leftJoin(projects, eq(projects.id, agreements.projectId))
    .leftJoin(applications, eq(applications.id, agreements.applicationId))
    .where(eq(agreementStatements.id, id));
  return row ?? null;
}
export type StatementDetailRow = NonNullable<Awaited<ReturnType<typeof findStatementDetail>>>;

/** The first version of the rate table: it values a period older than every version. */
export async function earliestRateTable(db: Executor) {
  const [row] = await db
    .select()
    .from(dailyRateTables)
    .orderBy(asc(dailyRateTables.effectiveFrom), asc(dailyRateTables.number))
    .limit(1);
  return row ?? null;
}
