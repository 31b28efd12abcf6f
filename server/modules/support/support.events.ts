import { excerpt } from '../../../common/notifications.ts';
import { NATIONAL_STARTER_KIT_TEAM } from '../../../common/support/vocabulary.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { officeNames } from '../../lib/lifecycle.queries.ts';
import { emitEvent } from '../notifications/events.ts';
import { peopleWithRoles } from '../notifications/recipients.queries.ts';
import type { TicketRow } from './tickets.queries.ts';

/**
 * The events of support tickets, emitted in the transaction of the change. Who hears: the requester and
 * whoever answers at the ticket's level now — the region's referents or the national team for the
 * starter kit; the CSN's agents or the designer's developers, then the designer office, for an application.
 */

const target = (ticket: TicketRow) => ({
  type: 'supportTicket' as const,
  id: ticket.id,
  label: ticket.subject,
});

async function handlers(ctx: ServiceContext, ticket: TicketRow) {
  if (ticket.flow === 'starterKit')
    return ticket.level === 1
      ? { organisationIds: ticket.level1OrganisationIds, roles: ['referent'] }
      : { userIds: await peopleWithRoles(ctx.db, NATIONAL_STARTER_KIT_TEAM.slice(0, 1)) };
  if (ticket.level === 2 || ticket.level1OrganisationIds.includes(ticket.designerOrganisationId ?? ''))
    return {
      organisationIds:
        ticket.level === 2 ? [ticket.designerOrganisationId ?? ''] : ticket.level1OrganisationIds,
      roles: ['developer', 'officeDirector'],
    };
  return { organisationIds: ticket.level1OrganisationIds, roles: ['agent', 'developer'] };
}

/** The requester, the assignee and the people of the current level. */
async function audience(ctx: ServiceContext, ticket: TicketRow) {
  const level = await handlers(ctx, ticket);
  const named = [ticket.openedBy, ...(ticket.assigneeId ? [ticket.assigneeId] : [])];
  return { ...level, userIds: [...named, ...(level.userIds ?? [])] };
}

export async function ticketOpened(ctx: ServiceContext, ticket: TicketRow) {
  const office =
    (await officeNames(ctx.db, [ticket.openerOrganisationId])).get(ticket.openerOrganisationId) ?? '';
  await emitEvent(ctx, {
    kind: 'supportTicket.opened',
    target: target(ticket),
    params: { office, level: String(ticket.level) },
    parties: await handlers(ctx, ticket),
  });
}

export async function ticketTransitioned(ctx: ServiceContext, ticket: TicketRow) {
  await emitEvent(ctx, {
    kind: 'supportTicket.transitioned',
    target: target(ticket),
    params: { to: ticket.state, level: String(ticket.level) },
    parties: await audience(ctx, ticket),
  });
}

export async function ticketMessageAdded(ctx: ServiceContext, ticket: TicketRow, body: string) {
  await emitEvent(ctx, {
    kind: 'supportTicket.messageAdded',
    target: target(ticket),
    params: { excerpt: excerpt(body) },
    parties: await audience(ctx, ticket),
  });
}
