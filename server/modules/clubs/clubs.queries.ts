import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { WishState, WishVoteValue } from '../../../common/clubs/vocabulary.ts';
import type { Executor } from '../../db/client.ts';
import {
  applications,
  type ClubWishRow,
  clubContacts,
  clubMeetings,
  clubMembers,
  clubPosts,
  clubWishes,
  clubWishVotes,
  organisations,
  users,
} from '../../db/schema.ts';
import type { SubjectStore } from '../../lib/lifecycle.ts';
import { versionedRowStore } from '../../lib/versioned-row.queries.ts';

/** The application a club belongs to, with its designer office. */
export async function findClubApplication(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: applications.id,
      code: applications.code,
      name: applications.name,
      archivedAt: applications.archivedAt,
      designerOffice: { id: organisations.id, code: organisations.code, name: organisations.name },
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.designerOrganisationId))
    .where(eq(applications.id, id));
  return row ?? null;
}
export type ClubApplication = NonNullable<Awaited<ReturnType<typeof findClubApplication>>>;

/** Member offices, the earliest first, each with its contacts. */
export async function listMembers(db: Executor, applicationId: string) {
  const members = await db
    .select({
      office: { id: organisations.id, code: organisations.code, name: organisations.name },
      joinedAt: clubMembers.createdAt,
    })
    .from(clubMembers)
    .innerJoin(organisations, eq(organisations.id, clubMembers.organisationId))
    .where(eq(clubMembers.applicationId, applicationId))
    .orderBy(asc(clubMembers.createdAt), asc(organisations.name));
  const contacts = await db
    .select({ organisationId: clubContacts.organisationId, id: users.id, displayName: users.displayName })
    .from(clubContacts)
    .innerJoin(users, eq(users.id, clubContacts.userId))
    .where(eq(clubContacts.applicationId, applicationId))
    .orderBy(asc(users.displayName));
  return members.map((member) => ({
    ...member,
    contacts: contacts
      .filter((c) => c.organisationId === member.office.id)
      .map(({ id, displayName }) => ({ id, displayName })),
  }));
}
export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

/** The office joins (if it is not a member yet) and the person becomes one of its contacts. */
export async function addMember(db: Executor, applicationId: string, organisationId: string, userId: string) {
  const joined = await db
    .insert(clubMembers)
    .values({ applicationId, organisationId, joinedBy: userId })
    .onConflictDoNothing()
    .returning({ organisationId: clubMembers.organisationId });
  await db.insert(clubContacts).values({ applicationId, organisationId, userId }).onConflictDoNothing();
  return joined.length > 0;
}

/** The office leaves, with its contacts; false when it was not a member. */
export async function removeMember(db: Executor, applicationId: string, organisationId: string) {
  const rows = await db
    .delete(clubMembers)
    .where(and(eq(clubMembers.applicationId, applicationId), eq(clubMembers.organisationId, organisationId)))
    .returning({ organisationId: clubMembers.organisationId });
  return rows.length > 0;
}

/** The contacts of every member office: who hears of the club's news. */
export async function contactIds(db: Executor, applicationId: string) {
  const rows = await db
    .select({ userId: clubContacts.userId })
    .from(clubContacts)
    .where(eq(clubContacts.applicationId, applicationId));
  return rows.map((r) => r.userId);
}

const author = { id: users.id, displayName: users.displayName };

export async function insertPost(db: Executor, values: typeof clubPosts.$inferInsert) {
  const [row] = await db.insert(clubPosts).values(values).returning();
  return row as typeof clubPosts.$inferSelect;
}

const postsWhere = (db: Executor, where: ReturnType<typeof eq>) =>
  db
    .select({ post: clubPosts, author })
    .from(clubPosts)
    .innerJoin(users, eq(users.id, clubPosts.authorId))
    .where(where)
    .orderBy(desc(clubPosts.createdAt), desc(clubPosts.id));

export const listPosts = (db: Executor, applicationId: string) =>
  postsWhere(db, eq(clubPosts.applicationId, applicationId));

export async function findPost(db: Executor, id: string) {
  const [row] = await postsWhere(db, eq(clubPosts.id, id));
  return row ?? null;
}
export type PostRow = Awaited<ReturnType<typeof listPosts>>[number];

export async function insertMeeting(db: Executor, values: typeof clubMeetings.$inferInsert) {
  const [row] = await db.insert(clubMeetings).values(values).returning();
  return row as typeof clubMeetings.$inferSelect;
}

export async function listMeetings(db: Executor, applicationId: string) {
  return db
    .select()
    .from(clubMeetings)
    .where(eq(clubMeetings.applicationId, applicationId))
    .orderBy(desc(clubMeetings.heldOn), desc(clubMeetings.createdAt));
}

export async function findMeeting(db: Executor, id: string) {
  const [row] = await db.select().from(clubMeetings).where(eq(clubMeetings.id, id));
  return row ?? null;
}

/** Writes a meeting at the version read: null when someone changed it meanwhile. */
export async function updateMeeting(
  db: Executor,
  id: string,
  version: number,
  values: Partial<Pick<typeof clubMeetings.$inferInsert, 'title' | 'heldOn' | 'agenda' | 'minutes'>>,
) {
  const [row] = await db
    .update(clubMeetings)
    .set({ ...values, version: sql`${clubMeetings.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(clubMeetings.id, id), eq(clubMeetings.version, version)))
    .returning();
  return row ?? null;
}

export async function insertWish(db: Executor, values: typeof clubWishes.$inferInsert) {
  const [row] = await db.insert(clubWishes).values(values).returning();
  return row as ClubWishRow;
}

/** A wish with what its lifecycle needs: the club's designer office and the application's name. */
export type WishSubject = ClubWishRow & { designerOrganisationId: string; applicationName: string };

async function withApplication(db: Executor, row: ClubWishRow): Promise<WishSubject> {
  const [application] = await db
    .select({ designerOrganisationId: applications.designerOrganisationId, name: applications.name })
    .from(applications)
    .where(eq(applications.id, row.applicationId));
  return {
    ...row,
    designerOrganisationId: application?.designerOrganisationId ?? '',
    applicationName: application?.name ?? '',
  };
}

const wishRows = versionedRowStore<typeof clubWishes, WishState>(clubWishes, { column: 'state' });
export const wishStore: SubjectStore<WishState, WishSubject> = {
  async load(db, id, options) {
    const row = await wishRows.load(db, id, options);
    return row && withApplication(db, row);
  },
  stateOf: (row) => row.state,
  versionOf: (row) => row.version,
  async apply(db, row, to) {
    const moved = await wishRows.apply(db, row, to);
    return moved && { ...row, ...moved };
  },
};

export async function findWish(db: Executor, id: string) {
  return wishStore.load(db, id, { lock: false });
}

/** Writes the designer's answer (the state moved with the version already). */
export async function setWishAnswer(
  db: Executor,
  id: string,
  values: { plannedVersion?: string; declineReason?: string },
) {
  await db.update(clubWishes).set(values).where(eq(clubWishes.id, id));
}

/** The club's wishes with their votes (for, against, the caller's office's), the most wanted first. */
export async function listWishes(db: Executor, applicationId: string, organisationId: string) {
  return wishesWhere(db, eq(clubWishes.applicationId, applicationId), organisationId);
}

export async function wishWithVotes(db: Executor, id: string, organisationId: string) {
  const [row] = await wishesWhere(db, eq(clubWishes.id, id), organisationId);
  return row ?? null;
}

async function wishesWhere(db: Executor, where: ReturnType<typeof eq>, organisationId: string) {
  const votes = (value: WishVoteValue) =>
    sql<number>`(SELECT count(*)::int FROM ${clubWishVotes} v WHERE v.wish_id = ${clubWishes.id} AND v.value = ${value})`;
  return db
    .select({
      wish: clubWishes,
      author,
      office: { id: organisations.id, code: organisations.code, name: organisations.name },
      votesFor: votes('for'),
      votesAgainst: votes('against'),
      myVote: sql<WishVoteValue | null>`(SELECT v.value FROM ${clubWishVotes} v WHERE v.wish_id = ${clubWishes.id} AND v.organisation_id = ${organisationId})`,
    })
    .from(clubWishes)
    .innerJoin(users, eq(users.id, clubWishes.authorId))
    .innerJoin(organisations, eq(organisations.id, clubWishes.authorOrganisationId))
    .where(where)
    .orderBy(
      sql`CASE ${clubWishes.state} WHEN 'open' THEN 0 ELSE 1 END`,
      desc(votes('for')),
      desc(clubWishes.createdAt),
      clubWishes.id,
    );
}
export type WishListRow = Awaited<ReturnType<typeof listWishes>>[number];

/**
 * The office's vote, cast or changed in one statement: two people of one office voting at the same time
 * leave one vote (the primary key is the wish and the office), the last one's.
 */
export async function castVote(
  db: Executor,
  vote: { wishId: string; organisationId: string; userId: string; value: WishVoteValue },
) {
  await db
    .insert(clubWishVotes)
    .values(vote)
    .onConflictDoUpdate({
      target: [clubWishVotes.wishId, clubWishVotes.organisationId],
      set: { value: vote.value, userId: vote.userId, updatedAt: sql`now()` },
    });
}

export async function withdrawVote(db: Executor, wishId: string, organisationId: string) {
  const rows = await db
    .delete(clubWishVotes)
    .where(and(eq(clubWishVotes.wishId, wishId), eq(clubWishVotes.organisationId, organisationId)))
    .returning({ value: clubWishVotes.value });
  return rows[0]?.value ?? null;
}
