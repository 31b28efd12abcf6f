import { type AnyColumn, and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { SupportFlow, TicketState } from '../../../common/support/vocabulary.ts';
import type { Executor } from '../../db/client.ts';
import {
  applications,
  applicationUsages,
  organisations,
  regionalReferents,
  supportAttachments,
  supportMessages,
  supportTickets,
  users,
} from '../../db/schema.ts';
import type { SubjectStore } from '../../lib/lifecycle.ts';
import { versionedRowStore } from '../../lib/versioned-row.queries.ts';

export type TicketRow = typeof supportTickets.$inferSelect;

/** Who sees which tickets: the national team all; others their office's, as requester or as support. */
export type TicketScope = { kind: 'all' } | { kind: 'organisation'; organisationId: string };

const rowStore = versionedRowStore<typeof supportTickets, TicketState>(supportTickets, { column: 'state' });

/** The store of one flow's lifecycle: a ticket of the other flow is not found by it. */
export function ticketStore(flow: SupportFlow): SubjectStore<TicketState, TicketRow> {
  return {
    ...rowStore,
    async load(db, id, options) {
      const row = await rowStore.load(db, id, options);
      return row?.flow === flow ? row : null;
    },
  };
}

export async function insertTicket(db: Executor, values: typeof supportTickets.$inferInsert) {
  const [row] = await db.insert(supportTickets).values(values).returning();
  return row as TicketRow;
}

export async function findTicket(db: Executor, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(supportTickets).where(eq(supportTickets.id, id)).limit(1);
  const [row] = options.lock ? await query.for('no key update') : await query;
  return row ?? null;
}

/** Writes what a transition or an assignment changes besides the state (the version already moved). */
export async function setTicket(
  db: Executor,
  id: string,
  values: Partial<typeof supportTickets.$inferInsert>,
) {
  const [row] = await db
    .update(supportTickets)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(supportTickets.id, id))
    .returning();
  return row as TicketRow;
}

/** Assigns at the version read: null when someone changed the ticket meanwhile. */
export async function assignTicket(db: Executor, id: string, version: number, assigneeId: string | null) {
  const [row] = await db
    .update(supportTickets)
    .set({ assigneeId, version: sql`${supportTickets.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(supportTickets.id, id), eq(supportTickets.version, version)))
    .returning();
  return row ?? null;
}

const visibleTo = (scope: TicketScope): SQL | undefined =>
  scope.kind === 'all'
    ? undefined
    : sql`(${supportTickets.openerOrganisationId} = ${scope.organisationId} OR ${scope.organisationId} = ANY(${supportTickets.level1OrganisationIds}) OR ${supportTickets.designerOrganisationId} = ${scope.organisationId})`;

const LIVE_SQL = sql`${supportTickets.state} IN ('open', 'escalated')`;

/**
 * A level missed its target when its first answer came after the due date, or has not come and the due
 * date has passed on a live ticket (a ticket withdrawn unanswered is not counted against the support).
 */
const missed = (due: AnyColumn, answered: AnyColumn) =>
  sql<boolean>`coalesce(coalesce(${answered}, CASE WHEN ${LIVE_SQL} THEN now() END) > ${due}, false)`;
const level1Breached = missed(supportTickets.level1DueAt, supportTickets.level1AnsweredAt);
const level2Breached = missed(supportTickets.level2DueAt, supportTickets.level2AnsweredAt);

/** The first answer the current level still owes, and by when (null once answered or closed). */
const answerDueAt = sql<Date | null>`CASE WHEN ${LIVE_SQL} THEN CASE ${supportTickets.level}
  WHEN 1 THEN CASE WHEN ${supportTickets.level1AnsweredAt} IS NULL THEN ${supportTickets.level1DueAt} END
  ELSE CASE WHEN ${supportTickets.level2AnsweredAt} IS NULL THEN ${supportTickets.level2DueAt} END END END`.mapWith(
  supportTickets.level1DueAt,
);
/** Since when the ticket waits at its level: its opening, or its escalation at level 2. */
const waitingSince =
  sql<Date>`CASE WHEN ${supportTickets.level} = 2 THEN coalesce(${supportTickets.escalatedAt}, ${supportTickets.createdAt}) ELSE ${supportTickets.createdAt} END`.mapWith(
    supportTickets.createdAt,
  );

/** The service state of tickets, computed by the database (also what lists filter and sort on). */
export const serviceColumns = { level1Breached, level2Breached, answerDueAt, waitingSince };
export type ServiceState = { level1Breached: boolean; level2Breached: boolean; answerDueAt: Date | null };

export async function serviceStateOf(db: Executor, id: string): Promise<ServiceState> {
  const [row] = await db
    .select({ level1Breached, level2Breached, answerDueAt })
    .from(supportTickets)
    .where(eq(supportTickets.id, id));
  return row ?? { level1Breached: false, level2Breached: false, answerDueAt: null };
}

export interface TicketListFilters {
  flow?: SupportFlow;
  state?: TicketState;
  level?: number;
  applicationId?: string;
  breached?: boolean;
  sort?: 'waiting' | 'due';
}

/**
 * A queue: the tickets the scope sees, at most 500 — those waiting longest at their level first, or the
 * nearest due answer first; `breached` keeps the tickets of which a level missed its target.
 */
export async function listTickets(db: Executor, scope: TicketScope, filters: TicketListFilters) {
  return db
    .select({
      ticket: supportTickets,
      opener: { id: users.id, displayName: users.displayName },
      office: { id: organisations.id, code: organisations.code, name: organisations.name },
      application: sql<
        string | null
      >`(SELECT a.name FROM applications a WHERE a.id = ${supportTickets.applicationId})`,
      ...serviceColumns,
    })
    .from(supportTickets)
    .innerJoin(users, eq(users.id, supportTickets.openedBy))
    .innerJoin(organisations, eq(organisations.id, supportTickets.openerOrganisationId))
    .where(
      and(
        visibleTo(scope),
        filters.flow ? eq(supportTickets.flow, filters.flow) : undefined,
        filters.state ? eq(supportTickets.state, filters.state) : undefined,
        filters.level ? eq(supportTickets.level, filters.level) : undefined,
        filters.applicationId ? eq(supportTickets.applicationId, filters.applicationId) : undefined,
        filters.breached === undefined
          ? undefined
          : filters.breached
            ? sql`(${level1Breached} OR ${level2Breached})`
            : sql`NOT (${level1Breached} OR ${level2Breached})`,
      ),
    )
    .orderBy(
      ...(filters.sort === 'due' ? [sql`${answerDueAt} ASC NULLS LAST`] : []),
      asc(waitingSince),
      asc(supportTickets.id),
    )
    .limit(500);
}
export type TicketListRow = Awaited<ReturnType<typeof listTickets>>[number];

/** The offices named referent of a region. */
export async function referentOfficeIds(db: Executor, region: string) {
  const rows = await db
    .select({ id: regionalReferents.organisationId })
    .from(regionalReferents)
    .where(eq(regionalReferents.region, region))
    .orderBy(asc(regionalReferents.organisationId));
  return rows.map((r) => r.id);
}

export async function officeByCode(db: Executor, code: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.code, code));
  return row ?? null;
}

export async function officesById(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: organisations.id,
      code: organisations.code,
      name: organisations.name,
      region: organisations.region,
    })
    .from(organisations)
    .where(inArray(organisations.id, ids))
    .orderBy(asc(organisations.name));
}

export async function applicationForSupport(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: applications.id,
      name: applications.name,
      track: applications.track,
      designerOrganisationId: applications.designerOrganisationId,
      archivedAt: applications.archivedAt,
    })
    .from(applications)
    .where(eq(applications.id, id));
  return row ?? null;
}

export async function officeUses(db: Executor, applicationId: string, organisationId: string) {
  const [row] = await db
    .select({ one: sql`1` })
    .from(applicationUsages)
    .where(
      and(
        eq(applicationUsages.applicationId, applicationId),
        eq(applicationUsages.organisationId, organisationId),
      ),
    );
  return row !== undefined;
}

export async function personOf(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      organisationId: users.organisationId,
      roles: users.roles,
      status: users.status,
    })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}

// ——— Messages ———

export async function insertMessage(db: Executor, values: typeof supportMessages.$inferInsert) {
  const [row] = await db.insert(supportMessages).values(values).returning();
  return row as typeof supportMessages.$inferSelect;
}

export async function messagesOf(db: Executor, ticketId: string) {
  return db
    .select({
      id: supportMessages.id,
      body: supportMessages.body,
      createdAt: supportMessages.createdAt,
      author: { id: users.id, displayName: users.displayName, organisationId: users.organisationId },
    })
    .from(supportMessages)
    .innerJoin(users, eq(users.id, supportMessages.authorId))
    .where(eq(supportMessages.ticketId, ticketId))
    .orderBy(asc(supportMessages.createdAt), asc(supportMessages.id));
}
export type MessageRow = Awaited<ReturnType<typeof messagesOf>>[number];

// ——— Attachments (metadata; the bytes are on disk) ———

const attachmentSummary = {
  id: supportAttachments.id,
  kind: supportAttachments.kind,
  fileName: supportAttachments.fileName,
  mediaType: supportAttachments.mediaType,
  size: supportAttachments.size,
  createdAt: supportAttachments.createdAt,
};

export async function listTicketAttachments(db: Executor, ticketId: string) {
  return db
    .select(attachmentSummary)
    .from(supportAttachments)
    .where(eq(supportAttachments.ticketId, ticketId))
    .orderBy(asc(supportAttachments.createdAt), asc(supportAttachments.id));
}

export async function countTicketAttachments(db: Executor, ticketId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(supportAttachments)
    .where(eq(supportAttachments.ticketId, ticketId));
  return row?.n ?? 0;
}

export async function insertTicketAttachment(db: Executor, values: typeof supportAttachments.$inferInsert) {
  const [row] = await db.insert(supportAttachments).values(values).returning(attachmentSummary);
  if (!row) throw new Error('support attachment insert returned nothing');
  return row;
}

const ofTicket = (ticketId: string, attachmentId: string) =>
  and(eq(supportAttachments.id, attachmentId), eq(supportAttachments.ticketId, ticketId));

export async function findTicketAttachment(db: Executor, ticketId: string, attachmentId: string) {
  const [row] = await db.select().from(supportAttachments).where(ofTicket(ticketId, attachmentId));
  return row ?? null;
}

export async function deleteTicketAttachment(db: Executor, ticketId: string, attachmentId: string) {
  const [removed] = await db.delete(supportAttachments).where(ofTicket(ticketId, attachmentId)).returning({
    id: supportAttachments.id,
    fileName: supportAttachments.fileName,
    sha256: supportAttachments.sha256,
  });
  return removed ?? null;
}
