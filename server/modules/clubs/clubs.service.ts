import type {
  ClubMeetingInput,
  ClubMeetingUpdate,
  ClubPostInput,
  ClubVoteInput,
  ClubWishInput,
} from '../../../common/schemas/clubs.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError, forbidden, staleVersion } from '../../lib/errors.ts';
import { describeTransitions } from '../../lib/lifecycle.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { clubWishBinding } from './club-wishes.lifecycle.ts';
import { clubMeetingScheduled, clubPostPublished } from './clubs.events.ts';
import type { ClubResource } from './clubs.policy.ts';
import {
  addMember,
  type ClubApplication,
  castVote,
  findClubApplication,
  findMeeting,
  findPost,
  findWish,
  insertMeeting,
  insertPost,
  insertWish,
  listMeetings,
  listMembers,
  listPosts,
  listWishes,
  type MemberRow,
  removeMember,
  updateMeeting,
  type WishListRow,
  type WishSubject,
  wishWithVotes,
  withdrawVote,
} from './clubs.queries.ts';

/**
 * User clubs (letter §2.2.1): the club of an application is the application's own, animated by its
 * designer office. Offices join and leave it (whoever joins becomes a contact of the office), the
 * designer publishes news and meetings, members and the designer write wishes, members vote on them
 * (one vote per office), and the designer answers them through their lifecycle (club-wishes.lifecycle.ts).
 */

const clubNotFound = () =>
  new AppError('notFound', 'Cette application est introuvable : son club n’existe pas.');
const wishNotFound = () =>
  new AppError('notFound', 'Cette évolution est introuvable : vérifiez son adresse.');

/** The application and its members, as the club's rules see them. */
async function loadClub(ctx: ServiceContext, applicationId: string) {
  const application = await findClubApplication(ctx.db, applicationId);
  if (!application) throw clubNotFound();
  const members = await listMembers(ctx.db, applicationId);
  const resource: ClubResource = {
    designerOrganisationId: application.designerOffice.id,
    memberOrganisationIds: members.map((m) => m.office.id),
  };
  return { application, members, resource };
}

/** An archived application's club is kept for reading; nothing new is written in it. */
function refuseArchived(application: ClubApplication) {
  if (application.archivedAt)
    throw new AppError(
      'unprocessable',
      'Cette application est archivée : son club se consulte mais ne reçoit plus rien.',
    );
}

export interface WishView {
  row: WishListRow;
  transitions: Awaited<ReturnType<typeof describeTransitions>>[number];
  canVote: boolean;
}

async function wishViews(
  ctx: ServiceContext,
  authorizer: Authorizer,
  application: ClubApplication,
  resource: ClubResource,
  rows: WishListRow[],
): Promise<WishView[]> {
  const subjects: WishSubject[] = rows.map((r) => ({
    ...r.wish,
    designerOrganisationId: application.designerOffice.id,
    applicationName: application.name,
  }));
  const transitions = await describeTransitions(ctx, authorizer, [clubWishBinding], subjects);
  const mayVote = authorizer.can(requireActor(ctx), 'club.vote', resource) && !application.archivedAt;
  return rows.map((row, i) => ({
    row,
    transitions: transitions[i] ?? [],
    canVote: mayVote && row.wish.state === 'open',
  }));
}

export interface ClubView {
  application: ClubApplication;
  members: MemberRow[];
  posts: Awaited<ReturnType<typeof listPosts>>;
  meetings: Awaited<ReturnType<typeof listMeetings>>;
  wishes: WishView[];
  can: { join: boolean; leave: boolean; publish: boolean; wish: boolean; vote: boolean };
  membership: { member: boolean; contact: boolean };
}

export async function getClub(ctx: ServiceContext, authorizer: Authorizer, applicationId: string) {
  const actor = requireActor(ctx);
  const { application, members, resource } = await loadClub(ctx, applicationId);
  const [posts, meetings, wishRows] = [
    await listPosts(ctx.db, applicationId),
    await listMeetings(ctx.db, applicationId),
    await listWishes(ctx.db, applicationId, actor.organisationId),
  ];
  const mine = members.find((m) => m.office.id === actor.organisationId);
  const live = !application.archivedAt;
  const can = (action: 'club.join' | 'club.publish' | 'club.wish' | 'club.vote') =>
    live && authorizer.can(actor, action, resource);
  return {
    application,
    members,
    posts,
    meetings,
    wishes: await wishViews(ctx, authorizer, application, resource, wishRows),
    can: {
      join: can('club.join') && !mine?.contacts.some((c) => c.id === actor.userId),
      leave:
        !!mine &&
        authorizer.can(actor, 'club.leave', { club: resource, organisationId: actor.organisationId }),
      publish: can('club.publish'),
      wish: can('club.wish'),
      vote: can('club.vote'),
    },
    membership: { member: !!mine, contact: !!mine?.contacts.some((c) => c.id === actor.userId) },
  } satisfies ClubView;
}

/** The caller's office joins the club (or is one already) and the caller becomes one of its contacts. */
export async function joinClub(ctx: ServiceContext, authorizer: Authorizer, applicationId: string) {
  const actor = requireActor(ctx);
  const { application, resource } = await loadClub(ctx, applicationId);
  authorizer.authorize(actor, 'club.join', resource);
  refuseArchived(application);
  await inTransaction(ctx, async (tx) => {
    const joined = await addMember(tx.db, applicationId, actor.organisationId, actor.userId);
    await recordAudit(tx, {
      action: 'club.join',
      targetType: 'club',
      targetId: applicationId,
      after: { organisationId: actor.organisationId, contactId: actor.userId, officeJoined: joined },
    });
  });
}

/** An office leaves the club: by its own people, or taken out by the designer office. */
export async function leaveClub(
  ctx: ServiceContext,
  authorizer: Authorizer,
  applicationId: string,
  organisationId: string,
) {
  const actor = requireActor(ctx);
  const { resource } = await loadClub(ctx, applicationId);
  authorizer.authorize(actor, 'club.leave', { club: resource, organisationId });
  await inTransaction(ctx, async (tx) => {
    if (!(await removeMember(tx.db, applicationId, organisationId)))
      throw new AppError('notFound', 'Cet organisme n’est pas membre du club.');
    await recordAudit(tx, {
      action: 'club.leave',
      targetType: 'club',
      targetId: applicationId,
      before: { organisationId },
    });
  });
}

async function animatedClub(ctx: ServiceContext, authorizer: Authorizer, applicationId: string) {
  const actor = requireActor(ctx);
  const { application, resource } = await loadClub(ctx, applicationId);
  if (!authorizer.can(actor, 'club.publish', resource))
    throw forbidden('Seul l’organisme concepteur de l’application anime son club : actualités et réunions.');
  refuseArchived(application);
  return { actor, application };
}

export async function publishPost(
  ctx: ServiceContext,
  authorizer: Authorizer,
  applicationId: string,
  input: ClubPostInput,
) {
  const { actor, application } = await animatedClub(ctx, authorizer, applicationId);
  return inTransaction(ctx, async (tx) => {
    const post = await insertPost(tx.db, { applicationId, authorId: actor.userId, ...input });
    await recordAudit(tx, { action: 'club.post', targetType: 'club', targetId: applicationId, after: post });
    await clubPostPublished(tx, application, post.title);
    return post;
  });
}

export async function getPost(ctx: ServiceContext, id: string) {
  const post = await findPost(ctx.db, id);
  if (!post) throw new AppError('notFound', 'Cette actualité est introuvable.');
  return post;
}

export async function scheduleMeeting(
  ctx: ServiceContext,
  authorizer: Authorizer,
  applicationId: string,
  input: ClubMeetingInput,
) {
  const { actor, application } = await animatedClub(ctx, authorizer, applicationId);
  return inTransaction(ctx, async (tx) => {
    const meeting = await insertMeeting(tx.db, { applicationId, createdBy: actor.userId, ...input });
    await recordAudit(tx, {
      action: 'club.scheduleMeeting',
      targetType: 'clubMeeting',
      targetId: meeting.id,
      after: meeting,
    });
    await clubMeetingScheduled(tx, application, meeting);
    return meeting;
  });
}

/** Changes a meeting (its minutes once held) at the version read. */
export async function editMeeting(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  { version, ...values }: ClubMeetingUpdate,
) {
  const before = await findMeeting(ctx.db, id);
  if (!before) throw new AppError('notFound', 'Cette réunion est introuvable.');
  await animatedClub(ctx, authorizer, before.applicationId);
  return inTransaction(ctx, async (tx) => {
    const after = await updateMeeting(tx.db, id, version, values);
    if (!after) throw staleVersion('clubMeeting');
    await recordAudit(tx, {
      action: 'club.updateMeeting',
      targetType: 'clubMeeting',
      targetId: id,
      before,
      after,
    });
    return after;
  });
}

export async function proposeWish(
  ctx: ServiceContext,
  authorizer: Authorizer,
  applicationId: string,
  input: ClubWishInput,
) {
  const actor = requireActor(ctx);
  const { application, resource } = await loadClub(ctx, applicationId);
  if (!authorizer.can(actor, 'club.wish', resource))
    throw forbidden(
      'Les évolutions se proposent par les organismes membres du club ou par son concepteur : faites adhérer votre organisme.',
    );
  refuseArchived(application);
  return inTransaction(ctx, async (tx) => {
    const wish = await insertWish(tx.db, {
      applicationId,
      authorId: actor.userId,
      authorOrganisationId: actor.organisationId,
      ...input,
    });
    await recordAudit(tx, { action: 'club.wish', targetType: 'clubWish', targetId: wish.id, after: wish });
    return wish;
  });
}

/** A wish as the caller sees it, with its votes and what may be done with it. */
export async function getWish(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  const wish = await findWish(ctx.db, id);
  if (!wish) throw wishNotFound();
  const { application, resource } = await loadClub(ctx, wish.applicationId);
  const row = await wishWithVotes(ctx.db, id, actor.organisationId);
  if (!row) throw wishNotFound();
  const [view] = await wishViews(ctx, authorizer, application, resource, [row]);
  return view as WishView;
}

/** The caller's office votes (or changes its vote); members only, on an open wish. */
export async function voteOnWish(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: ClubVoteInput | null,
) {
  const actor = requireActor(ctx);
  const wish = await findWish(ctx.db, id);
  if (!wish) throw wishNotFound();
  const { resource } = await loadClub(ctx, wish.applicationId);
  if (!authorizer.can(actor, 'club.vote', resource))
    throw forbidden('Seuls les organismes membres du club votent : faites adhérer votre organisme au club.');
  if (wish.state !== 'open')
    throw new AppError('conflict', 'Le concepteur a déjà répondu à cette évolution : les votes sont clos.');
  await inTransaction(ctx, async (tx) => {
    const vote = { wishId: id, organisationId: actor.organisationId };
    if (input) await castVote(tx.db, { ...vote, userId: actor.userId, value: input.value });
    const withdrawn = input ? null : await withdrawVote(tx.db, id, actor.organisationId);
    if (!input && !withdrawn)
      throw new AppError('notFound', 'Votre organisme n’a pas voté pour cette évolution.');
    await recordAudit(tx, {
      action: input ? 'club.vote' : 'club.unvote',
      targetType: 'clubWish',
      targetId: id,
      ...(input ? { after: { ...vote, value: input.value } } : { before: { ...vote, value: withdrawn } }),
    });
  });
}
