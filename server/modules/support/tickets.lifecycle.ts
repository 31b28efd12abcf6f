import {
  type ApplicationTicketFacts,
  type ApplicationTicketTransition,
  applicationTicketLifecycle,
} from '../../../common/lifecycles/application-ticket.ts';
import {
  type StarterKitTicketFacts,
  type StarterKitTicketTransition,
  starterKitTicketLifecycle,
} from '../../../common/lifecycles/starter-kit-ticket.ts';
import { firstAnswerDueAt } from '../../../common/support/service-targets.ts';
import type { TicketState } from '../../../common/support/vocabulary.ts';
import type { TxContext } from '../../lib/context.ts';
import type { AppliedTransition, LifecycleBinding } from '../../lib/lifecycle.ts';
import { ticketTransitioned } from './support.events.ts';
import { setTicket, type TicketRow, ticketStore } from './tickets.queries.ts';

/**
 * The two support flows on one table: each binding loads only its own flow's tickets. Escalating moves
 * the ticket to level 2 with its note (and frees its assignee: level 2 takes it): it is level 1's answer,
 * and level 2's first answer is due two working days later; resolving keeps the resolution and its date,
 * and answers the level that resolves (and the requester, if nobody wrote before) — the measures of the
 * service (common/support/service-targets.ts). Every transition is heard by the requester and the people
 * of the ticket's level (support.events.ts).
 */
async function effects(
  ctx: TxContext,
  change: AppliedTransition<TicketState, TicketRow, { note?: string; resolution?: string } | undefined>,
) {
  const now = new Date();
  const before = change.after;
  const levelAnswer = before.level === 1 ? 'level1AnsweredAt' : 'level2AnsweredAt';
  const values =
    change.to === 'escalated'
      ? {
          level: 2,
          escalationNote: change.input?.note ?? null,
          escalatedAt: now,
          assigneeId: null,
          level1AnsweredAt: before.level1AnsweredAt ?? now,
          level2DueAt: firstAnswerDueAt(now),
        }
      : change.to === 'resolved'
        ? {
            resolution: change.input?.resolution ?? null,
            resolvedAt: now,
            firstAnsweredAt: before.firstAnsweredAt ?? now,
            [levelAnswer]: before[levelAnswer] ?? now,
          }
        : {};
  const after =
    Object.keys(values).length > 0 ? await setTicket(ctx.db, change.after.id, values) : change.after;
  await ticketTransitioned(ctx, after);
}

const snapshot = (row: TicketRow) => ({
  state: row.state,
  level: row.level,
  assigneeId: row.assigneeId,
  version: row.version,
});

export const starterKitTicketBinding: LifecycleBinding<
  TicketState,
  StarterKitTicketTransition,
  StarterKitTicketFacts,
  TicketRow
> = {
  definition: starterKitTicketLifecycle,
  notFoundLabel: 'Ticket du starter kit',
  staleSubject: 'supportTicket',
  store: ticketStore('starterKit'),
  idOf: (row) => row.id,
  parties: (row) => ({
    referentOffices: row.level1OrganisationIds,
    openerOffice: [row.openerOrganisationId],
  }),
  facts: async (_ctx, rows) => rows.map(() => ({})),
  snapshot,
  effects,
};

export const applicationTicketBinding: LifecycleBinding<
  TicketState,
  ApplicationTicketTransition,
  ApplicationTicketFacts,
  TicketRow
> = {
  definition: applicationTicketLifecycle,
  notFoundLabel: 'Signalement sur une application',
  staleSubject: 'supportTicket',
  store: ticketStore('application'),
  idOf: (row) => row.id,
  parties: (row) => ({
    level1Office: row.level1OrganisationIds,
    designerOffice: row.designerOrganisationId ? [row.designerOrganisationId] : [],
    reporterOffice: [row.openerOrganisationId],
  }),
  facts: async (_ctx, rows) =>
    rows.map((row) => ({
      level1IsDesigner: row.level1OrganisationIds.includes(row.designerOrganisationId ?? ''),
    })),
  snapshot,
  effects,
};

export const SUPPORT_BINDINGS = [starterKitTicketBinding, applicationTicketBinding] as const;
export const bindingOfFlow = (flow: TicketRow['flow']) =>
  flow === 'starterKit' ? starterKitTicketBinding : applicationTicketBinding;
