import { REFERENT_REGIONS } from '../../../common/community/vocabulary.ts';
import type { Role } from '../../../common/roles.ts';
import type { AssignTicketInput, OpenTicketInput, TicketListQuery } from '../../../common/schemas/support.ts';
import { firstAnswerDueAt } from '../../../common/support/service-targets.ts';
import { applicationLevel1, SERVICE_CENTRE_CODE, TICKET_STATES } from '../../../common/support/vocabulary.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext, type TxContext } from '../../lib/context.ts';
import { AppError, forbidden, staleVersion } from '../../lib/errors.ts';
import { describeLifecycles, describeTransitions } from '../../lib/lifecycle.ts';
import type { Actor, Authorizer } from '../../lib/policy.ts';
import { findProfile } from '../community/developers.queries.ts';
import { ticketMessageAdded, ticketOpened } from './support.events.ts';
import { ticketScope } from './support.policy.ts';
import { bindingOfFlow } from './tickets.lifecycle.ts';
import {
  applicationForSupport,
  assignTicket,
  findTicket,
  insertMessage,
  insertTicket,
  listTicketAttachments,
  listTickets,
  messagesOf,
  officeByCode,
  officesById,
  officeUses,
  personOf,
  referentOfficeIds,
  serviceStateOf,
  setTicket,
  type TicketRow,
} from './tickets.queries.ts';

/**
 * Support tickets (letter §2.2.1, §2.2.2, §3.2.1.2). Opening routes the ticket once: a trained
 * developer's starter-kit question to the referents of the developer's region (level 1; straight to the
 * national team when the region has none); an agent's problem on an application its office uses to the
 * CSN (labelled) or the designer office (others). Messages, files and assignment are shared by both
 * flows; the state moves only through each flow's lifecycle (tickets.lifecycle.ts).
 */

const unprocessable = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] });
const ticketNotFound = () =>
  new AppError('notFound', 'Ce ticket de support est introuvable : vérifiez son adresse.');
const LIVE: readonly string[] = TICKET_STATES.filter((s) => s === 'open' || s === 'escalated');

async function starterKitRouting(tx: TxContext, actor: Actor) {
  if (!(await findProfile(tx.db, actor.userId))?.trainedAt)
    throw new AppError(
      'unprocessable',
      'Le support du starter kit est réservé aux développeurs formés : suivez d’abord la formation de votre région.',
    );
  const [office] = await officesById(tx.db, [actor.organisationId]);
  const region = office?.region;
  if (!region || !(REFERENT_REGIONS as readonly string[]).includes(region))
    throw new AppError(
      'unprocessable',
      'Votre organisme ne relève d’aucune région de référents : le support du starter kit passe par votre région.',
    );
  const referents = await referentOfficeIds(tx.db, region);
  const now = new Date();
  return {
    region,
    level1OrganisationIds: referents,
    // No referent in the region: the national team answers at once, and owes the first answer.
    ...(referents.length === 0
      ? {
          state: 'escalated' as const,
          level: 2,
          escalatedAt: now,
          level1DueAt: null,
          level2DueAt: firstAnswerDueAt(now),
          escalationNote: 'Aucun référent dans la région : ticket adressé directement à l’équipe nationale.',
        }
      : {}),
  };
}

async function applicationRouting(tx: TxContext, actor: Actor, applicationId: string | undefined) {
  if (!applicationId) throw unprocessable('applicationId', "Indiquez l'application concernée.");
  const application = await applicationForSupport(tx.db, applicationId);
  if (!application || application.archivedAt)
    throw unprocessable('applicationId', "Cette application n'existe pas ou est archivée.");
  if (!(await officeUses(tx.db, application.id, actor.organisationId)))
    throw unprocessable(
      'applicationId',
      "Votre organisme n'a pas déclaré utiliser cette application : déclarez son utilisation sur sa fiche, puis signalez le problème.",
    );
  let level1 = application.designerOrganisationId;
  if (applicationLevel1(application.track) === 'serviceCentre') {
    const centre = await officeByCode(tx.db, SERVICE_CENTRE_CODE);
    if (!centre) throw new AppError('unprocessable', 'Le centre de services national (CSN) est introuvable.');
    level1 = centre.id;
  }
  return {
    applicationId: application.id,
    designerOrganisationId: application.designerOrganisationId,
    level1OrganisationIds: [level1],
  };
}

export async function openTicket(ctx: ServiceContext, authorizer: Authorizer, input: OpenTicketInput) {
  const actor = requireActor(ctx);
  authorizer.authorize(
    actor,
    input.flow === 'starterKit' ? 'supportTicket.openStarterKit' : 'supportTicket.openApplication',
  );
  if (input.flow === 'starterKit' && input.applicationId)
    throw unprocessable('applicationId', 'Un ticket du starter kit ne porte pas sur une application.');
  return inTransaction(ctx, async (tx) => {
    const routing =
      input.flow === 'starterKit'
        ? await starterKitRouting(tx, actor)
        : await applicationRouting(tx, actor, input.applicationId);
    const row = await insertTicket(tx.db, {
      flow: input.flow,
      subject: input.subject,
      description: input.description,
      openedBy: actor.userId,
      openerOrganisationId: actor.organisationId,
      level1DueAt: firstAnswerDueAt(new Date()),
      ...routing,
    });
    await recordAudit(tx, {
      action: 'supportTicket.open',
      targetType: 'supportTicket',
      targetId: row.id,
      after: row,
    });
    await ticketOpened(tx, row);
    return row;
  });
}

/** The ticket, if the caller may read it (404 otherwise: a ticket of another office is not shown). */
export async function readableTicket(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  options: { lock?: boolean } = {},
) {
  const actor = requireActor(ctx);
  const ticket = await findTicket(ctx.db, id, options);
  if (!ticket) throw ticketNotFound();
  if (!authorizer.can(actor, 'supportTicket.read', ticket))
    throw forbidden("Ce ticket concerne d'autres organismes : seuls le demandeur et son support le lisent.");
  return ticket;
}

/** Does this person answer the ticket at its current level (a party of its resolution there)? */
function answersNow(
  authorizer: Authorizer,
  person: { roles: readonly Role[]; organisationId: string },
  ticket: TicketRow,
) {
  const binding = bindingOfFlow(ticket.flow);
  const actor = { ...person, userId: '', sessionId: '', csrfToken: '' };
  return authorizer.mayFire(actor, binding.definition, ticket.level === 1 ? 'resolve' : 'resolveEscalated', {
    parties: binding.parties(ticket),
  });
}

export async function listSupportTickets(ctx: ServiceContext, query: TicketListQuery) {
  const actor = requireActor(ctx);
  return listTickets(ctx.db, ticketScope(actor), query);
}

export async function getTicket(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  const ticket = await readableTicket(ctx, authorizer, id);
  const binding = bindingOfFlow(ticket.flow);
  const offices = await officesById(ctx.db, [
    ...new Set([
      ...ticket.level1OrganisationIds,
      ticket.openerOrganisationId,
      ticket.designerOrganisationId ?? ticket.openerOrganisationId,
    ]),
  ]);
  const [opener, assignee, application, messages, attachments, [transitions = []], lifecycles] =
    await Promise.all([
      personOf(ctx.db, ticket.openedBy),
      ticket.assigneeId ? personOf(ctx.db, ticket.assigneeId) : null,
      ticket.applicationId ? applicationForSupport(ctx.db, ticket.applicationId) : null,
      messagesOf(ctx.db, ticket.id),
      listTicketAttachments(ctx.db, ticket.id),
      describeTransitions(ctx, authorizer, [binding], [ticket]),
      describeLifecycles(ctx, [binding], ticket, ticket.createdAt),
    ]);
  const live = LIVE.includes(ticket.state);
  return {
    ticket,
    service: await serviceStateOf(ctx.db, ticket.id),
    offices,
    opener: opener as NonNullable<typeof opener>,
    assignee,
    application,
    messages,
    attachments,
    transitions,
    lifecycles,
    canWrite: live && authorizer.can(actor, 'supportTicket.message', ticket),
    canAssign: live && answersNow(authorizer, actor, ticket),
    canProposeToReferential:
      ticket.state === 'resolved' &&
      !ticket.referentialProposalId &&
      authorizer.can(actor, 'supportTicket.proposeToReferential', ticket),
  };
}
export type TicketView = Awaited<ReturnType<typeof getTicket>>;

/**
 * A message of the requester or of the support; the first answer of someone else is the first answer, and
 * the first of someone answering at the ticket's level is that level's answer (its service target).
 */
export async function addMessage(ctx: ServiceContext, authorizer: Authorizer, id: string, body: string) {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const ticket = await readableTicket(tx, authorizer, id, { lock: true });
    authorizer.authorize(actor, 'supportTicket.message', ticket);
    if (!LIVE.includes(ticket.state))
      throw new AppError(
        'conflict',
        'Ce ticket est résolu ou retiré : ouvrez-en un nouveau pour un autre problème.',
      );
    const message = await insertMessage(tx.db, { ticketId: ticket.id, authorId: actor.userId, body });
    const answers = actor.userId !== ticket.openedBy;
    const levelAnswer = ticket.level === 1 ? 'level1AnsweredAt' : 'level2AnsweredAt';
    const values = {
      ...(answers && !ticket.firstAnsweredAt ? { firstAnsweredAt: message.createdAt } : {}),
      ...(answers && !ticket[levelAnswer] && answersNow(authorizer, actor, ticket)
        ? { [levelAnswer]: message.createdAt }
        : {}),
    };
    const after = Object.keys(values).length > 0 ? await setTicket(tx.db, ticket.id, values) : ticket;
    await recordAudit(tx, {
      action: 'supportTicket.message',
      targetType: 'supportTicket',
      targetId: ticket.id,
      after: { messageId: message.id },
    });
    await ticketMessageAdded(tx, after, body);
    return message;
  });
}

/** Takes the ticket, hands it to a colleague who answers at its level, or frees it. */
export async function assignSupportTicket(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: AssignTicketInput,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'supportTicket.assign');
  return inTransaction(ctx, async (tx) => {
    const ticket = await readableTicket(tx, authorizer, id, { lock: true });
    if (!answersNow(authorizer, actor, ticket))
      throw forbidden('Seul le support du niveau actuel du ticket le prend en charge.');
    if (ticket.version !== input.version) throw staleVersion('supportTicket');
    if (!LIVE.includes(ticket.state))
      throw new AppError('conflict', 'Ce ticket est résolu ou retiré : il ne se prend plus en charge.');
    if (input.assigneeId) {
      const person = await personOf(tx.db, input.assigneeId);
      if (person?.status !== 'active' || !answersNow(authorizer, person, ticket))
        throw unprocessable('assigneeId', 'Cette personne ne répond pas à ce ticket à son niveau actuel.');
    }
    const after = await assignTicket(tx.db, ticket.id, input.version, input.assigneeId);
    if (!after) throw staleVersion('supportTicket');
    await recordAudit(tx, {
      action: 'supportTicket.assign',
      targetType: 'supportTicket',
      targetId: ticket.id,
      before: { assigneeId: ticket.assigneeId },
      after: { assigneeId: after.assigneeId },
    });
    return after;
  });
}
