import type { ClubDto, ClubMeetingDto, ClubPostDto, ClubWishDto } from '../../../common/schemas/clubs.ts';
import type { ClubMeetingRow } from '../../db/schema.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import type { PostRow } from './clubs.queries.ts';
import type { ClubView, WishView } from './clubs.service.ts';

export function presentPost({ post, author }: PostRow): ClubPostDto {
  return {
    id: post.id,
    title: post.title,
    body: post.body,
    html: renderMarkdown(post.body),
    author,
    publishedAt: post.createdAt.toISOString(),
  };
}

export function presentMeeting(meeting: ClubMeetingRow): ClubMeetingDto {
  return {
    id: meeting.id,
    title: meeting.title,
    heldOn: meeting.heldOn,
    agenda: meeting.agenda,
    agendaHtml: renderMarkdown(meeting.agenda),
    minutes: meeting.minutes,
    minutesHtml: meeting.minutes === null ? null : renderMarkdown(meeting.minutes),
    version: meeting.version,
  };
}

export function presentWish({ row, transitions, canVote }: WishView): ClubWishDto {
  const { wish } = row;
  return {
    id: wish.id,
    applicationId: wish.applicationId,
    title: wish.title,
    description: wish.description,
    state: wish.state,
    plannedVersion: wish.plannedVersion,
    declineReason: wish.declineReason,
    author: row.author,
    office: row.office,
    votesFor: row.votesFor,
    votesAgainst: row.votesAgainst,
    myVote: row.myVote,
    canVote,
    createdAt: wish.createdAt.toISOString(),
    version: wish.version,
    transitions,
  };
}

export function presentClub(view: ClubView): ClubDto {
  const { application } = view;
  return {
    application: {
      id: application.id,
      code: application.code,
      name: application.name,
      archived: application.archivedAt !== null,
    },
    designerOffice: application.designerOffice,
    members: view.members.map((m) => ({
      office: m.office,
      contacts: m.contacts,
      joinedAt: m.joinedAt.toISOString(),
    })),
    posts: view.posts.map(presentPost),
    meetings: view.meetings.map(presentMeeting),
    wishes: view.wishes.map(presentWish),
    can: view.can,
    membership: view.membership,
  };
}
