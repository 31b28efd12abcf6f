import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type {
  ProposalState,
  ReferentialCategory,
  VoteValue,
} from '../../../common/referential/vocabulary.ts';
import type { Executor } from '../../db/client.ts';
import {
  organisations,
  referentialPages,
  referentialProposals,
  referentialVersions,
  referentialVotes,
  users,
} from '../../db/schema.ts';
import { versionedRowStore } from '../../lib/versioned-row.queries.ts';

export type PageRow = typeof referentialPages.$inferSelect;
export type VersionRow = typeof referentialVersions.$inferSelect;
export type ProposalRow = typeof referentialProposals.$inferSelect;

export const proposalStore = versionedRowStore<typeof referentialProposals, ProposalState>(
  referentialProposals,
  {
    column: 'state',
  },
);

/**
 * The pages with their current version, in a category and matching a French full-text search (stems:
 * « sécurisé » finds « sécurité »), by category then title. Fifteen to a few hundred pages: no index needed.
 */
export async function listPages(db: Executor, filter: { q?: string; category?: ReferentialCategory }) {
  const conditions: SQL[] = [];
  if (filter.category) conditions.push(eq(referentialPages.category, filter.category));
  if (filter.q)
    conditions.push(
      or(
        sql`to_tsvector('french', ${referentialPages.title} || ' ' || ${referentialVersions.body}) @@ websearch_to_tsquery('french', ${filter.q})`,
        sql`${referentialPages.title} ILIKE ${`%${filter.q.replace(/[%_\\]/g, '\\$&')}%`}`,
      ) as SQL,
    );
  return db
    .select({
      id: referentialPages.id,
      slug: referentialPages.slug,
      title: referentialPages.title,
      category: referentialPages.category,
      updatedAt: referentialPages.updatedAt,
      versionNumber: referentialVersions.number,
      openProposals: sql<number>`(SELECT count(*)::int FROM ${referentialProposals}
        WHERE ${referentialProposals.pageId} = ${referentialPages.id} AND ${referentialProposals.state} = 'open')`,
    })
    .from(referentialPages)
    .innerJoin(referentialVersions, eq(referentialVersions.id, referentialPages.currentVersionId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(referentialPages.category, referentialPages.title);
}

export async function listNewPageProposals(db: Executor) {
  return db
    .select({
      id: referentialProposals.id,
      title: referentialProposals.title,
      category: referentialProposals.category,
      createdAt: referentialProposals.createdAt,
    })
    .from(referentialProposals)
    .where(and(sql`${referentialProposals.pageId} IS NULL`, eq(referentialProposals.state, 'open')))
    .orderBy(desc(referentialProposals.createdAt));
}

/** A page by its slug or its id. */
export async function findPage(db: Executor, key: string) {
  const isId = /^[0-9a-f-]{36}$/i.test(key);
  const [row] = await db
    .select()
    .from(referentialPages)
    .where(isId ? eq(referentialPages.id, key) : eq(referentialPages.slug, key))
    .limit(1);
  return row ?? null;
}

/** The titles of the pages at these addresses (those that exist), for the links of the grids' requirements. */
export async function pageTitlesBySlug(db: Executor, slugs: string[]) {
  if (slugs.length === 0) return [];
  return db
    .select({ slug: referentialPages.slug, title: referentialPages.title })
    .from(referentialPages)
    .where(sql`${referentialPages.slug} = ANY(${sql.param(slugs)}::text[])`)
    .orderBy(referentialPages.slug);
}

export async function slugTaken(db: Executor, slug: string) {
  return (await findPage(db, slug)) !== null;
}

export async function listVersions(db: Executor, pageId: string) {
  return db
    .select()
    .from(referentialVersions)
    .where(eq(referentialVersions.pageId, pageId))
    .orderBy(desc(referentialVersions.number));
}

export async function findVersion(db: Executor, id: string) {
  const [row] = await db.select().from(referentialVersions).where(eq(referentialVersions.id, id)).limit(1);
  return row ?? null;
}

export async function findVersionByNumber(db: Executor, pageId: string, number: number) {
  const [row] = await db
    .select()
    .from(referentialVersions)
    .where(and(eq(referentialVersions.pageId, pageId), eq(referentialVersions.number, number)))
    .limit(1);
  return row ?? null;
}

/** The proposals of a page with their votes for and against, the newest first. */
export async function listPageProposals(db: Executor, pageId: string) {
  return db
    .select({
      id: referentialProposals.id,
      title: referentialProposals.title,
      state: referentialProposals.state,
      authorId: referentialProposals.authorId,
      createdAt: referentialProposals.createdAt,
      up: sql<number>`(SELECT count(*)::int FROM ${referentialVotes} WHERE ${referentialVotes.proposalId} = ${referentialProposals.id} AND ${referentialVotes.value} = 'up')`,
      down: sql<number>`(SELECT count(*)::int FROM ${referentialVotes} WHERE ${referentialVotes.proposalId} = ${referentialProposals.id} AND ${referentialVotes.value} = 'down')`,
    })
    .from(referentialProposals)
    .where(eq(referentialProposals.pageId, pageId))
    .orderBy(desc(referentialProposals.createdAt));
}

export async function findProposal(db: Executor, id: string) {
  const [row] = await db.select().from(referentialProposals).where(eq(referentialProposals.id, id)).limit(1);
  return row ?? null;
}

export async function insertProposal(db: Executor, values: typeof referentialProposals.$inferInsert) {
  const [row] = await db.insert(referentialProposals).values(values).returning();
  return row as ProposalRow;
}

export async function listVotes(db: Executor, proposalId: string) {
  return db
    .select()
    .from(referentialVotes)
    .where(eq(referentialVotes.proposalId, proposalId))
    .orderBy(referentialVotes.createdAt);
}

/** One vote per person and proposal: a second one replaces the first. Returns the vote before, if any. */
export async function upsertVote(
  db: Executor,
  values: { proposalId: string; userId: string; value: VoteValue; comment: string },
) {
  const [before] = await db
    .select()
    .from(referentialVotes)
    .where(
      and(eq(referentialVotes.proposalId, values.proposalId), eq(referentialVotes.userId, values.userId)),
    )
    .limit(1);
  await db
    .insert(referentialVotes)
    .values(values)
    .onConflictDoUpdate({
      target: [referentialVotes.proposalId, referentialVotes.userId],
      set: { value: values.value, comment: values.comment, updatedAt: sql`now()` },
    });
  return before ?? null;
}

/** Names and offices of people, by id. */
export async function peopleByIds(db: Executor, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, { id: string; name: string; office: string }>();
  const rows = await db
    .select({ id: users.id, name: users.displayName, office: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function insertPage(
  db: Executor,
  values: { slug: string; category: ReferentialCategory; title: string },
) {
  const [row] = await db.insert(referentialPages).values(values).returning();
  return row as PageRow;
}

/** A new version of a page, numbered after the last, made current; the page's title follows it. */
export async function insertCurrentVersion(
  db: Executor,
  pageId: string,
  values: Omit<typeof referentialVersions.$inferInsert, 'pageId' | 'number'>,
) {
  const [last] = await db
    .select({ number: sql<number>`coalesce(max(${referentialVersions.number}), 0)::int` })
    .from(referentialVersions)
    .where(eq(referentialVersions.pageId, pageId));
  const [version] = await db
    .insert(referentialVersions)
    .values({ ...values, pageId, number: Number(last?.number ?? 0) + 1 })
    .returning();
  await db
    .update(referentialPages)
    .set({
      currentVersionId: version?.id,
      title: values.title,
      version: sql`${referentialPages.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(referentialPages.id, pageId));
  return version as VersionRow;
}

export async function setProposalOutcome(
  db: Executor,
  id: string,
  values: { pageId?: string; decisionNote?: string | null },
) {
  await db.update(referentialProposals).set(values).where(eq(referentialProposals.id, id));
}
