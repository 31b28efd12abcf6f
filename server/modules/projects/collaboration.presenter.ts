import { COMMENT_EDIT_WINDOW_MS } from '../../../common/projects.ts';
import type {
  CapacityDto,
  CommentDto,
  ContributionDto,
  OfferDto,
  SponsorshipDto,
} from '../../../common/schemas/project-collaboration.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import type {
  CapacityListRow,
  ContributionListRow,
  OfferListRow,
  SponsorshipListRow,
} from './collaboration.queries.ts';
import type { CommentListRow } from './comments.queries.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const iso = (date: Date | null) => date?.toISOString() ?? null;

export function presentSponsorship(row: SponsorshipListRow, now = new Date()): SponsorshipDto {
  const r = row.request;
  return {
    id: r.id,
    projectId: r.projectId,
    projectTitle: row.projectTitle,
    directorate: row.directorate,
    pitch: r.pitch,
    state: r.state,
    rationale: r.rationale,
    requestedBy: row.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    decidedBy: row.decidedBy,
    decidedAt: iso(r.decidedAt),
    withdrawnAt: iso(r.withdrawnAt),
    withdrawalReason: r.withdrawalReason,
    ageDays: Math.max(0, Math.floor((now.getTime() - r.requestedAt.getTime()) / DAY_MS)),
    version: r.version,
  };
}

export function presentOffer(row: OfferListRow): OfferDto {
  const o = row.offer;
  return {
    id: o.id,
    projectId: o.projectId,
    organisation: row.organisation,
    kind: o.kind,
    message: o.message,
    personDays: o.personDays,
    state: o.state,
    rationale: o.rationale,
    offeredBy: row.offeredBy,
    createdAt: o.createdAt.toISOString(),
    decidedAt: iso(o.decidedAt),
    version: o.version,
  };
}

export function presentContribution(row: ContributionListRow): ContributionDto {
  const c = row.contribution;
  return {
    id: c.id,
    personName: c.personName,
    organisation: row.organisation,
    sharePercent: c.sharePercent,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    role: c.role,
  };
}

export function presentCapacity(row: CapacityListRow): CapacityDto {
  const c = row.capacity;
  return {
    id: c.id,
    organisation: row.organisation,
    quarter: c.quarter,
    personDays: c.personDays,
    skills: c.skills,
    comment: c.comment,
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** A comment as the caller sees it: its Markdown rendered like the catalogue's, and what they may do to it. */
export function presentComment(
  row: CommentListRow,
  viewer: { userId: string; mayModerate: boolean },
  now: Date,
): CommentDto {
  const c = row.comment;
  const deleted = !!c.deletedAt;
  const own = c.authorId === viewer.userId;
  return {
    id: c.id,
    author: { id: c.authorId, displayName: row.authorName, organisation: row.authorOffice },
    body: deleted ? '' : c.body,
    bodyHtml: deleted ? '' : renderMarkdown(c.body),
    createdAt: c.createdAt.toISOString(),
    editedAt: iso(c.editedAt),
    deleted,
    can: {
      edit: !deleted && own && now.getTime() - c.createdAt.getTime() <= COMMENT_EDIT_WINDOW_MS,
      delete: !deleted && (own || viewer.mayModerate),
    },
  };
}
