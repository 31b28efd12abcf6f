import type { TicketDto, TicketSummaryDto } from '../../../common/schemas/support.ts';
import { workingDaysWaited } from '../../../common/support/service-targets.ts';
import { presentAttachment } from '../catalog/attachments/attachments.presenter.ts';
import type { ServiceState, TicketListRow, TicketRow } from './tickets.queries.ts';
import type { TicketView } from './tickets.service.ts';

const iso = (date: Date | null) => date?.toISOString() ?? null;
const minutesBetween = (from: Date, to: Date | null) =>
  to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000)) : null;

/** The service state the database computed (tickets.queries.ts), with the working days waited. */
function service(ticket: TicketRow, state: ServiceState) {
  const waitingSince = ticket.level === 2 && ticket.escalatedAt ? ticket.escalatedAt : ticket.createdAt;
  const live = ticket.state === 'open' || ticket.state === 'escalated';
  const targets = [
    {
      level: 1,
      dueAt: ticket.level1DueAt,
      answeredAt: ticket.level1AnsweredAt,
      breached: state.level1Breached,
    },
    {
      level: 2,
      dueAt: ticket.level2DueAt,
      answeredAt: ticket.level2AnsweredAt,
      breached: state.level2Breached,
    },
  ];
  return {
    waitingSince: waitingSince.toISOString(),
    waitingWorkingDays: live ? workingDaysWaited(waitingSince, new Date()) : null,
    answerDueAt: iso(state.answerDueAt),
    serviceTargets: targets.flatMap((t) =>
      t.dueAt ? [{ ...t, dueAt: t.dueAt.toISOString(), answeredAt: iso(t.answeredAt) }] : [],
    ),
    breached: state.level1Breached || state.level2Breached,
  };
}

function summary(
  ticket: TicketRow,
  state: ServiceState,
  opener: { id: string; displayName: string },
  office: { id: string; code: string; name: string },
  application: { id: string; name: string } | null,
): TicketSummaryDto {
  return {
    id: ticket.id,
    flow: ticket.flow,
    subject: ticket.subject,
    state: ticket.state,
    level: ticket.level,
    region: ticket.region as TicketSummaryDto['region'],
    application,
    opener,
    openerOffice: office,
    assigneeId: ticket.assigneeId,
    openedAt: ticket.createdAt.toISOString(),
    firstAnsweredAt: iso(ticket.firstAnsweredAt),
    resolvedAt: iso(ticket.resolvedAt),
    ...service(ticket, state),
    version: ticket.version,
  };
}

export function presentTicketSummary(row: TicketListRow): TicketSummaryDto {
  const application =
    row.ticket.applicationId && row.application
      ? { id: row.ticket.applicationId, name: row.application }
      : null;
  return summary(row.ticket, row, row.opener, row.office, application);
}

export function presentTicket(view: TicketView): TicketDto {
  const { ticket } = view;
  const office = (id: string | null) => {
    const found = view.offices.find((o) => o.id === id);
    return found ? { id: found.id, code: found.code, name: found.name } : null;
  };
  const person = (p: { id: string; displayName: string } | null) =>
    p ? { id: p.id, displayName: p.displayName } : null;
  return {
    ...summary(
      ticket,
      view.service,
      person(view.opener) as NonNullable<ReturnType<typeof person>>,
      office(ticket.openerOrganisationId) as NonNullable<ReturnType<typeof office>>,
      view.application ? { id: view.application.id, name: view.application.name } : null,
    ),
    description: ticket.description,
    level1Offices: ticket.level1OrganisationIds.flatMap((id) => office(id) ?? []),
    designerOffice: office(ticket.designerOrganisationId),
    assignee: person(view.assignee),
    escalationNote: ticket.escalationNote,
    resolution: ticket.resolution,
    escalatedAt: iso(ticket.escalatedAt),
    minutesToFirstAnswer: minutesBetween(ticket.createdAt, ticket.firstAnsweredAt),
    minutesToResolution: minutesBetween(ticket.createdAt, ticket.resolvedAt),
    referentialProposalId: ticket.referentialProposalId,
    canProposeToReferential: view.canProposeToReferential,
    messages: view.messages.map((m) => ({
      id: m.id,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
      author: { id: m.author.id, displayName: m.author.displayName },
    })),
    attachments: view.attachments.map(presentAttachment),
    canWrite: view.canWrite,
    canAssign: view.canAssign,
    transitions: view.transitions,
    lifecycles: view.lifecycles,
  };
}
