import {
  type BoardItemKind,
  type DecisionOutcome,
  decisionReference,
} from '../../../common/board/vocabulary.ts';
import type {
  BoardItemDto,
  DecisionDto,
  DecisionLogPageDto,
  MeetingDto,
  MeetingSummaryDto,
} from '../../../common/schemas/board.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import type { ItemView, MeetingRow } from './board.queries.ts';
import type { DecisionLogRow } from './decisions.queries.ts';
import type { MeetingView } from './meetings.service.ts';

const day = (value: string | Date) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10));

export function presentItem(view: ItemView): BoardItemDto {
  const i = view.item;
  return {
    id: i.id,
    kind: i.kind,
    title: i.title,
    reason: i.reason,
    evolutionTarget: i.evolutionTarget,
    offices: view.officeNames,
    project: i.projectId && view.projectTitle ? { id: i.projectId, title: view.projectTitle } : null,
    call: i.callId && view.callTitle ? { id: i.callId, title: view.callTitle } : null,
    agreement:
      i.agreementId && view.agreementTitle ? { id: i.agreementId, title: view.agreementTitle } : null,
    directorate: view.directorateName,
    state: i.state,
    submittedBy: view.submitterName,
    office: view.officeName,
    meeting:
      i.meetingId && view.meetingTitle && view.meetingOn
        ? { id: i.meetingId, title: view.meetingTitle, meetingOn: day(view.meetingOn) }
        : null,
    createdAt: i.createdAt.toISOString(),
    version: i.version,
  };
}

export function presentDecision(row: DecisionLogRow): DecisionDto {
  const d = row.decision;
  return {
    id: d.id,
    reference: d.year && d.number ? decisionReference(d.year, d.number) : null,
    question: d.question,
    options: d.options,
    outcome: d.outcome,
    statement: d.statement,
    rationale: d.rationale,
    voteMode: d.voteMode,
    votes:
      d.voteMode === 'vote'
        ? { for: d.votesFor ?? 0, against: d.votesAgainst ?? 0, abstain: d.votesAbstain ?? 0 }
        : null,
    links: d.links,
    item: { id: row.itemId, kind: row.kind, title: row.itemTitle },
    meeting: { id: d.meetingId, title: row.meetingTitle, meetingOn: day(row.meetingOn) },
    publishedAt: d.publishedAt?.toISOString() ?? null,
  };
}

export function presentMeetingSummary(meeting: MeetingRow, itemCount: number): MeetingSummaryDto {
  return {
    id: meeting.id,
    title: meeting.title,
    meetingOn: day(meeting.meetingOn),
    location: meeting.location,
    state: meeting.state,
    itemCount: Number(itemCount),
    version: meeting.version,
  };
}

export function presentMeeting(view: MeetingView): MeetingDto {
  return {
    ...presentMeetingSummary(view.meeting, view.itemCount),
    attendance: view.meeting.attendance,
    minutes: view.meeting.minutes,
    minutesHtml: renderMarkdown(view.meeting.minutes),
    items: view.items.map(presentItem),
    decisions: view.decisions.map(presentDecision),
    may: view.may,
    transitions: view.transitions,
    lifecycles: view.lifecycles,
  };
}

type FacetRows = { value: string; count: number }[];
/** The log's facets: the database answers text; the codes are the lists' own. */
export function presentDecisionFacets(facets: {
  outcomes: FacetRows;
  kinds: FacetRows;
  years: FacetRows;
}): DecisionLogPageDto['facets'] {
  return {
    outcomes: facets.outcomes.map((f) => ({ value: f.value as DecisionOutcome, count: f.count })),
    kinds: facets.kinds.map((f) => ({ value: f.value as BoardItemKind, count: f.count })),
    years: facets.years.map((f) => ({ value: Number(f.value), count: f.count })),
  };
}
