import { NATIONAL_STARTER_KIT_TEAM } from '../../../common/support/vocabulary.ts';
import { type Actor, hasRole, type PolicyTable } from '../../lib/policy.ts';
import type { TicketRow, TicketScope } from './tickets.queries.ts';

/** The national starter-kit team (the DDSI, administrators) oversees every ticket. */
export const oversees = (actor: Actor) => hasRole(actor, ...NATIONAL_STARTER_KIT_TEAM);

/** A ticket is its requester office's, and the offices that answer it at either level. */
const concerns = (actor: Actor, ticket: TicketRow) =>
  oversees(actor) ||
  ticket.openerOrganisationId === actor.organisationId ||
  ticket.level1OrganisationIds.includes(actor.organisationId) ||
  ticket.designerOrganisationId === actor.organisationId;

/**
 * Support: trained developers open starter-kit tickets (the training is checked by the service), agents
 * report problems on applications their office uses; a ticket is read and written by the offices it
 * concerns. Who answers, escalates and resolves is each flow's lifecycle.
 */
export const supportPolicy: PolicyTable = {
  'supportTicket.read': (actor, ticket?: TicketRow) => !ticket || concerns(actor, ticket),
  'supportTicket.message': (actor, ticket?: TicketRow) => !ticket || concerns(actor, ticket),
  'supportTicket.openStarterKit': (actor) => hasRole(actor, 'developer', 'referent'),
  'supportTicket.openApplication': (actor) => hasRole(actor, 'agent'),
  // Who answers somewhere; the service checks that the caller answers at this ticket's level.
  'supportTicket.assign': (actor) =>
    oversees(actor) || hasRole(actor, 'referent', 'agent', 'developer', 'officeDirector'),
  // A starter-kit ticket's referents (level 1) and the national team (level 2) turn it into a page.
  'supportTicket.proposeToReferential': (actor, ticket?: TicketRow) =>
    ticket
      ? ticket.flow === 'starterKit' &&
        (oversees(actor) ||
          (hasRole(actor, 'referent') && ticket.level1OrganisationIds.includes(actor.organisationId)))
      : oversees(actor) || hasRole(actor, 'referent'),
};

export function ticketScope(actor: Actor): TicketScope {
  return oversees(actor) ? { kind: 'all' } : { kind: 'organisation', organisationId: actor.organisationId };
}
