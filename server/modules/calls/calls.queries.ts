import { and, asc, count, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { CALL_TIME_ZONE } from '../../../common/calls/vocabulary.ts';
import type { CallListQuery } from '../../../common/schemas/calls.ts';
import type { Executor, Transaction } from '../../db/client.ts';
import { businessDomains, callOffices, callQuestions, calls, organisations, users } from '../../db/schema.ts';
import { versionedRowStore } from '../../lib/versioned-row.queries.ts';
import type { callVisibility } from './calls.policy.ts';

export type CallRow = typeof calls.$inferSelect;
export type CallValues = Omit<typeof calls.$inferInsert, 'id'>;
export type QuestionRow = typeof callQuestions.$inferSelect;

/** The call lifecycle's subject: its row, read and moved by the shared adapter. */
export const callStore = versionedRowStore<typeof calls, CallRow['state']>(calls, { column: 'state' });

/** The instant proposals close: the midnight after the "proposals until" day, Paris time. */
const closesAt = sql`((${calls.proposalsUntil} + 1)::timestamp AT TIME ZONE ${sql.raw(`'${CALL_TIME_ZONE}'`)})`;

export async function insertCall(db: Executor, values: CallValues) {
  const [row] = await db.insert(calls).values(values).returning();
  return row as CallRow;
}

export async function updateCallAtVersion(
  db: Transaction,
  id: string,
  version: number,
  values: Partial<CallValues>,
) {
  const [row] = await db
    .update(calls)
    .set({ ...values, version: sql`${calls.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(calls.id, id), eq(calls.version, version)))
    .returning();
  return row ?? null;
}

export async function replaceCallOffices(db: Transaction, callId: string, ids: readonly string[]) {
  await db.delete(callOffices).where(eq(callOffices.callId, callId));
  if (ids.length > 0)
    await db
      .insert(callOffices)
      .values([...new Set(ids)].map((organisationId) => ({ callId, organisationId })));
}

export const findCall = (db: Executor, id: string, options: { lock?: boolean } = {}) =>
  callStore.load(db, id, { lock: options.lock ?? false });

/** The calls published whose "proposals until" day has ended in Paris at `now`: the system closes them. */
export async function callsDueToClose(db: Executor, now: Date) {
  const rows = await db
    .select({ id: calls.id })
    .from(calls)
    .where(and(eq(calls.state, 'published'), sql`${closesAt} <= ${now.toISOString()}::timestamptz`))
    .orderBy(asc(calls.proposalsUntil), asc(calls.id));
  return rows.map((r) => r.id);
}

export async function officeRefs(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: organisations.id,
      code: organisations.code,
      name: organisations.name,
      type: organisations.type,
    })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]));
}

export async function organisationOf(db: Executor, id: string) {
  const [row] = await db
    .select({ id: organisations.id, type: organisations.type, region: organisations.region })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row ?? null;
}

export async function domainExists(db: Executor, code: string) {
  const [row] = await db
    .select({ code: businessDomains.code })
    .from(businessDomains)
    .where(eq(businessDomains.code, code));
  return !!row;
}

export async function callOfficesOf(db: Executor, callId: string) {
  return db
    .select({ id: organisations.id, code: organisations.code, name: organisations.name })
    .from(callOffices)
    .innerJoin(organisations, eq(organisations.id, callOffices.organisationId))
    .where(eq(callOffices.callId, callId))
    .orderBy(asc(organisations.name));
}

/** Whether an office may answer a call of this scope (national: any office; regional: its region; local: named). */
export function openToOffice(office: { id: string; type: string; region: string }) {
  return sql<boolean>`CASE ${calls.scope}
    WHEN 'national' THEN ${office.type} <> 'national'
    WHEN 'regional' THEN ${calls.region} = ${office.region}
    ELSE EXISTS (SELECT 1 FROM ${callOffices} o WHERE o.call_id = ${calls.id} AND o.organisation_id = ${office.id})
  END`;
}

const issuer = alias(organisations, 'issuer');
const summaryColumns = (office: { id: string; type: string; region: string }) => ({
  call: calls,
  issuerCode: issuer.code,
  issuerName: issuer.name,
  issuerType: issuer.type,
  domainFr: businessDomains.labelFr,
  domainEn: businessDomains.labelEn,
  closesAt: sql<string>`${closesAt}`,
  openToMyOffice: openToOffice(office),
  questionCount: sql<number>`(SELECT count(*)::int FROM ${callQuestions} q WHERE q.call_id = ${calls.id})`,
});

function visibilityCondition(scope: ReturnType<typeof callVisibility>): SQL | undefined {
  return scope.kind === 'all'
    ? undefined
    : or(ne(calls.state, 'draft'), eq(calls.issuerOrganisationId, scope.organisationId));
}

function filterConditions(
  query: Omit<CallListQuery, 'page' | 'pageSize'>,
  office: Parameters<typeof openToOffice>[0],
) {
  const conditions: SQL[] = [];
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(calls.title, like), ilike(calls.context, like)) as SQL);
  }
  if (query.scope) conditions.push(eq(calls.scope, query.scope));
  if (query.domain) conditions.push(eq(calls.domainCode, query.domain));
  if (query.issuerId) conditions.push(eq(calls.issuerOrganisationId, query.issuerId));
  if (query.forMyOffice) conditions.push(openToOffice(office));
  return conditions;
}

/**
 * A page of calls the actor may see: the open ones first (the nearest deadline first), then the others
 * by latest change; facets count states and scopes under the other filters.
 */
export async function listCallRows(
  db: Executor,
  query: CallListQuery,
  scope: ReturnType<typeof callVisibility>,
  office: Parameters<typeof openToOffice>[0],
) {
  const base = [...filterConditions(query, office), visibilityCondition(scope)].filter((c): c is SQL => !!c);
  const where = and(...base, ...(query.state ? [eq(calls.state, query.state)] : []));
  const [items, [total], states, scopes] = await Promise.all([
    db
      .select(summaryColumns(office))
      .from(calls)
      .innerJoin(issuer, eq(issuer.id, calls.issuerOrganisationId))
      .innerJoin(businessDomains, eq(businessDomains.code, calls.domainCode))
      .where(where)
      .orderBy(
        sql`(${calls.state} = 'published') DESC`,
        sql`CASE WHEN ${calls.state} = 'published' THEN ${calls.proposalsUntil} END ASC`,
        sql`${calls.updatedAt} DESC`,
        asc(calls.id),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(calls).where(where),
    db
      .select({ value: calls.state, count: count() })
      .from(calls)
      .where(and(...base))
      .groupBy(calls.state),
    db
      .select({ value: calls.scope, count: count() })
      .from(calls)
      .where(and(...base, ...(query.state ? [eq(calls.state, query.state)] : [])))
      .groupBy(calls.scope),
  ]);
  return {
    items,
    total: total?.total ?? 0,
    facets: { states, scopes },
  };
}
export type CallSummaryRow = Awaited<ReturnType<typeof listCallRows>>['items'][number];

export async function findCallSummary(db: Executor, id: string, office: Parameters<typeof openToOffice>[0]) {
  const [row] = await db
    .select(summaryColumns(office))
    .from(calls)
    .innerJoin(issuer, eq(issuer.id, calls.issuerOrganisationId))
    .innerJoin(businessDomains, eq(businessDomains.code, calls.domainCode))
    .where(eq(calls.id, id));
  return row ?? null;
}

// ——— Questions ———

export async function insertQuestion(db: Executor, values: Omit<typeof callQuestions.$inferInsert, 'id'>) {
  const [row] = await db.insert(callQuestions).values(values).returning();
  return row as QuestionRow;
}

export async function lockQuestion(db: Executor, callId: string, id: string) {
  const [row] = await db
    .select()
    .from(callQuestions)
    .where(and(eq(callQuestions.id, id), eq(callQuestions.callId, callId)))
    .for('update');
  return row ?? null;
}

export async function answerQuestionAtVersion(
  db: Transaction,
  id: string,
  version: number,
  values: { answer: string; answeredBy: string },
) {
  const [row] = await db
    .update(callQuestions)
    .set({
      ...values,
      answeredAt: sql`now()`,
      version: sql`${callQuestions.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(callQuestions.id, id), eq(callQuestions.version, version)))
    .returning();
  return row ?? null;
}

export async function questionsOf(db: Executor, callId: string) {
  return db
    .select({
      question: callQuestions,
      askedBy: users.displayName,
      office: organisations.name,
    })
    .from(callQuestions)
    .leftJoin(users, eq(users.id, callQuestions.askedBy))
    .leftJoin(organisations, eq(organisations.id, callQuestions.askedByOrganisationId))
    .where(eq(callQuestions.callId, callId))
    .orderBy(asc(callQuestions.createdAt), asc(callQuestions.id));
}

/** The offices that may answer a call: every office, those of its region, or those it names. */
export async function audienceOf(db: Executor, call: CallRow) {
  if (call.scope === 'local') return (await callOfficesOf(db, call.id)).map((o) => o.id);
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      call.scope === 'regional'
        ? eq(organisations.region, call.region ?? 'national')
        : ne(organisations.type, 'national'),
    );
  return rows.map((r) => r.id);
}
