import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SponsorshipState } from '../../../common/projects.ts';
import type { Executor, Transaction } from '../../db/client.ts';
import {
  capacityDeclarations,
  organisations,
  projectContributions,
  projectOffers,
  projects,
  sponsorshipRequests,
  users,
} from '../../db/schema.ts';
import type { ListScope } from '../../lib/policy.ts';

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');
const office = { id: organisations.id, code: organisations.code, name: organisations.name };

function selectSponsorships(db: Executor, where: SQL | undefined) {
  return db
    .select({
      request: sponsorshipRequests,
      projectTitle: projects.title,
      directorate: office,
      requestedBy: requester.displayName,
      decidedBy: decider.displayName,
    })
    .from(sponsorshipRequests)
    .innerJoin(projects, eq(projects.id, sponsorshipRequests.projectId))
    .innerJoin(organisations, eq(organisations.id, sponsorshipRequests.directorateId))
    .leftJoin(requester, eq(requester.id, sponsorshipRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, sponsorshipRequests.decidedBy))
    .where(where);
}
export type SponsorshipListRow = Awaited<ReturnType<typeof selectSponsorships>>[number];

function selectOffers(db: Executor, where: SQL | undefined) {
  return db
    .select({ offer: projectOffers, organisation: office, offeredBy: requester.displayName })
    .from(projectOffers)
    .innerJoin(organisations, eq(organisations.id, projectOffers.organisationId))
    .leftJoin(requester, eq(requester.id, projectOffers.offeredBy))
    .where(where)
    .orderBy(asc(projectOffers.createdAt), asc(projectOffers.id));
}
export type OfferListRow = Awaited<ReturnType<typeof selectOffers>>[number];

function selectContributions(db: Executor, projectId: string) {
  return db
    .select({ contribution: projectContributions, organisation: office })
    .from(projectContributions)
    .innerJoin(organisations, eq(organisations.id, projectContributions.organisationId))
    .where(eq(projectContributions.projectId, projectId))
    .orderBy(asc(projectContributions.startsOn), asc(projectContributions.personName));
}
export type ContributionListRow = Awaited<ReturnType<typeof selectContributions>>[number];

/** What a project page shows of its collaboration: sponsorship requests, offers, contributions. */
export async function findProjectCollaboration(db: Executor, projectId: string) {
  return {
    sponsorships: await selectSponsorships(db, eq(sponsorshipRequests.projectId, projectId)).orderBy(
      desc(sponsorshipRequests.requestedAt),
      asc(sponsorshipRequests.id),
    ),
    offers: await selectOffers(db, eq(projectOffers.projectId, projectId)),
    contributions: await selectContributions(db, projectId),
  };
}

/** The sponsor's queue: requests to the directorates in scope, the oldest first. */
export async function listSponsorships(db: Executor, scope: ListScope, state: SponsorshipState | undefined) {
  if (scope.kind === 'none') return [];
  const conditions = [
    scope.kind === 'organisation' ? eq(sponsorshipRequests.directorateId, scope.organisationId) : undefined,
    state ? eq(sponsorshipRequests.state, state) : undefined,
  ].filter((c): c is SQL => !!c);
  return selectSponsorships(db, conditions.length > 0 ? and(...conditions) : undefined).orderBy(
    asc(sponsorshipRequests.requestedAt),
    asc(sponsorshipRequests.id),
  );
}

export async function findSponsorshipRow(db: Executor, id: string) {
  const [row] = await selectSponsorships(db, eq(sponsorshipRequests.id, id));
  return row ?? null;
}

/** The request, locked for a decision. */
export async function lockSponsorship(db: Transaction, id: string) {
  const [row] = await db
    .select()
    .from(sponsorshipRequests)
    .where(eq(sponsorshipRequests.id, id))
    .for('update');
  return row ?? null;
}

export async function insertSponsorship(db: Executor, values: typeof sponsorshipRequests.$inferInsert) {
  const [row] = await db.insert(sponsorshipRequests).values(values).returning();
  return row as typeof sponsorshipRequests.$inferSelect;
}

export async function updateSponsorshipAtVersion(
  db: Transaction,
  id: string,
  version: number,
  values: Partial<typeof sponsorshipRequests.$inferInsert>,
) {
  const [row] = await db
    .update(sponsorshipRequests)
    .set({ ...values, version: sql`${sponsorshipRequests.version} + 1` })
    .where(and(eq(sponsorshipRequests.id, id), eq(sponsorshipRequests.version, version)))
    .returning();
  return row ?? null;
}

/** Any change to a project's sponsors moves the project's version: a page read before is stale. */
export async function touchProject(db: Transaction, id: string) {
  await db
    .update(projects)
    .set({ version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
    .where(eq(projects.id, id));
}

export async function findOfferRow(db: Executor, id: string) {
  const [row] = await selectOffers(db, eq(projectOffers.id, id));
  return row ?? null;
}

export async function lockOffer(db: Transaction, id: string) {
  const [row] = await db.select().from(projectOffers).where(eq(projectOffers.id, id)).for('update');
  return row ?? null;
}

export async function insertOffer(db: Executor, values: typeof projectOffers.$inferInsert) {
  const [row] = await db.insert(projectOffers).values(values).returning();
  return row as typeof projectOffers.$inferSelect;
}

export async function updateOfferAtVersion(
  db: Transaction,
  id: string,
  version: number,
  values: Partial<typeof projectOffers.$inferInsert>,
) {
  const [row] = await db
    .update(projectOffers)
    .set({ ...values, version: sql`${projectOffers.version} + 1` })
    .where(and(eq(projectOffers.id, id), eq(projectOffers.version, version)))
    .returning();
  return row ?? null;
}

export async function insertContribution(db: Executor, values: typeof projectContributions.$inferInsert) {
  const [row] = await db.insert(projectContributions).values(values).returning();
  return row as typeof projectContributions.$inferSelect;
}

export async function findContributionRows(db: Executor, projectId: string) {
  return selectContributions(db, projectId);
}

const capacityColumns = { capacity: capacityDeclarations, organisation: office };
/** Declared capacities ("forces disponibles"), the latest quarter first. */
export async function listCapacities(db: Executor, organisationId?: string) {
  return db
    .select(capacityColumns)
    .from(capacityDeclarations)
    .innerJoin(organisations, eq(organisations.id, capacityDeclarations.organisationId))
    .where(organisationId ? eq(capacityDeclarations.organisationId, organisationId) : undefined)
    .orderBy(desc(capacityDeclarations.quarter), asc(organisations.name))
    .limit(500);
}
export type CapacityListRow = Awaited<ReturnType<typeof listCapacities>>[number];

/** Declares an office's capacity for a quarter, or replaces what it declared for it; returns it and what it replaced. */
export async function upsertCapacity(db: Transaction, values: typeof capacityDeclarations.$inferInsert) {
  const [before] = await db
    .select()
    .from(capacityDeclarations)
    .where(
      and(
        eq(capacityDeclarations.organisationId, values.organisationId),
        eq(capacityDeclarations.quarter, values.quarter),
      ),
    )
    .for('update');
  const [after] = await db
    .insert(capacityDeclarations)
    .values(values)
    .onConflictDoUpdate({
      target: [capacityDeclarations.organisationId, capacityDeclarations.quarter],
      set: {
        personDays: values.personDays,
        skills: values.skills,
        comment: values.comment,
        declaredBy: values.declaredBy,
        version: sql`${capacityDeclarations.version} + 1`,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  const [row] = await db
    .select(capacityColumns)
    .from(capacityDeclarations)
    .innerJoin(organisations, eq(organisations.id, capacityDeclarations.organisationId))
    .where(eq(capacityDeclarations.id, (after as { id: string }).id));
  return { before: before ?? null, row: row as CapacityListRow };
}
