import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { SessionState } from '../../../common/community/training.ts';
import { type RegistrationStatus, SEATED_STATUSES } from '../../../common/community/training.ts';
import type { Executor } from '../../db/client.ts';
import {
  organisations,
  regionalReferents,
  trainingRegistrations,
  trainingSessions,
  users,
} from '../../db/schema.ts';
import { versionedRowStore } from '../../lib/versioned-row.queries.ts';

export type SessionRow = typeof trainingSessions.$inferSelect;
export type RegistrationRow = typeof trainingRegistrations.$inferSelect;

export const sessionStore = versionedRowStore<typeof trainingSessions, SessionState>(trainingSessions, {
  column: 'state',
});

export async function insertSession(db: Executor, values: typeof trainingSessions.$inferInsert) {
  const [row] = await db.insert(trainingSessions).values(values).returning();
  return row as SessionRow;
}

export async function findSession(db: Executor, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(trainingSessions).where(eq(trainingSessions.id, id)).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Sessions, soonest first, with their seats taken and waiting list. */
export async function listSessions(db: Executor, filters: { region?: string; state?: SessionState }) {
  return db
    .select({
      session: trainingSessions,
      trainer: { id: organisations.id, code: organisations.code, name: organisations.name },
      seated: sql<number>`(SELECT count(*)::int FROM training_registrations r WHERE r.session_id = ${trainingSessions.id} AND r.status IN ('registered', 'attended', 'absent'))`,
      waitlisted: sql<number>`(SELECT count(*)::int FROM training_registrations r WHERE r.session_id = ${trainingSessions.id} AND r.status = 'waitlisted')`,
    })
    .from(trainingSessions)
    .innerJoin(organisations, eq(organisations.id, trainingSessions.trainerOrganisationId))
    .where(
      and(
        filters.region ? eq(trainingSessions.region, filters.region) : undefined,
        filters.state ? eq(trainingSessions.state, filters.state) : undefined,
      ),
    )
    .orderBy(asc(trainingSessions.startsOn), asc(trainingSessions.id))
    .limit(500);
}

/** Seats taken in a session (registered, attended or absent). */
export async function seatsTaken(db: Executor, sessionId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(trainingRegistrations)
    .where(
      and(
        eq(trainingRegistrations.sessionId, sessionId),
        inArray(trainingRegistrations.status, [...SEATED_STATUSES]),
      ),
    );
  return Number(row?.n ?? 0);
}

export async function insertRegistration(db: Executor, values: typeof trainingRegistrations.$inferInsert) {
  const [row] = await db.insert(trainingRegistrations).values(values).returning();
  return row as RegistrationRow;
}

export async function findRegistration(db: Executor, id: string) {
  const [row] = await db.select().from(trainingRegistrations).where(eq(trainingRegistrations.id, id));
  return row ?? null;
}

export async function setRegistration(
  db: Executor,
  id: string,
  values: Partial<Pick<RegistrationRow, 'status' | 'reason' | 'prerequisitesCheckedAt'>>,
) {
  const [row] = await db
    .update(trainingRegistrations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(trainingRegistrations.id, id))
    .returning();
  return row as RegistrationRow;
}

/** The first of the waiting list (the session is locked by the caller). */
export async function firstWaitlisted(db: Executor, sessionId: string) {
  const [row] = await db
    .select()
    .from(trainingRegistrations)
    .where(
      and(eq(trainingRegistrations.sessionId, sessionId), eq(trainingRegistrations.status, 'waitlisted')),
    )
    .orderBy(asc(trainingRegistrations.queuedAt), asc(trainingRegistrations.id))
    .limit(1);
  return row ?? null;
}

export async function setSessionRegistrations(
  db: Executor,
  sessionId: string,
  from: RegistrationStatus[],
  to: RegistrationStatus,
) {
  return db
    .update(trainingRegistrations)
    .set({ status: to, updatedAt: sql`now()` })
    .where(and(eq(trainingRegistrations.sessionId, sessionId), inArray(trainingRegistrations.status, from)))
    .returning();
}

const developerColumns = {
  registration: trainingRegistrations,
  developer: { id: users.id, displayName: users.displayName },
  office: { id: organisations.id, code: organisations.code, name: organisations.name },
};

/** A session's registrations, in order: seats first, then the waiting list in its order. */
export async function registrationsOf(db: Executor, sessionId: string) {
  return db
    .select(developerColumns)
    .from(trainingRegistrations)
    .innerJoin(users, eq(users.id, trainingRegistrations.developerUserId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(trainingRegistrations.sessionId, sessionId))
    .orderBy(asc(trainingRegistrations.queuedAt), asc(trainingRegistrations.id));
}
export type RegistrationListRow = Awaited<ReturnType<typeof registrationsOf>>[number];

export async function registrationWithPeople(db: Executor, id: string) {
  const [row] = await db
    .select(developerColumns)
    .from(trainingRegistrations)
    .innerJoin(users, eq(users.id, trainingRegistrations.developerUserId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(trainingRegistrations.id, id));
  return row ?? null;
}

/** Requests for a region without a session, oldest first. */
export async function demandRows(db: Executor) {
  return db
    .select(developerColumns)
    .from(trainingRegistrations)
    .innerJoin(users, eq(users.id, trainingRegistrations.developerUserId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(isNull(trainingRegistrations.sessionId), eq(trainingRegistrations.status, 'demand')))
    .orderBy(asc(trainingRegistrations.region), asc(trainingRegistrations.queuedAt));
}

/** The developer asked about: account, office and its region, roles. */
export async function developerAccount(db: Executor, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      roles: users.roles,
      status: users.status,
      organisationId: users.organisationId,
      region: organisations.region,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function isReferentOffice(db: Executor, organisationId: string, region: string) {
  const [row] = await db
    .select({ id: regionalReferents.id })
    .from(regionalReferents)
    .where(and(eq(regionalReferents.organisationId, organisationId), eq(regionalReferents.region, region)))
    .limit(1);
  return !!row;
}

export async function officeSummary(db: Executor, id: string) {
  const [row] = await db
    .select({ id: organisations.id, code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row ?? null;
}

/** Registrations of a session in one status. */
export async function registrationsInStatus(db: Executor, sessionId: string, status: RegistrationStatus) {
  return db
    .select()
    .from(trainingRegistrations)
    .where(and(eq(trainingRegistrations.sessionId, sessionId), eq(trainingRegistrations.status, status)));
}
