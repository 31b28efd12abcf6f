import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { insertProposal } from '../referential/referential.queries.ts';
import { setTicket } from './tickets.queries.ts';
import { readableTicket } from './tickets.service.ts';

const TITLE_MAX = 150;

/** The page a ticket proposes: its question, then the answer that resolved it, in Markdown. */
function pageBody(ticket: { description: string; resolution: string | null }) {
  return `## Question\n\n${ticket.description.trim()}\n\n## Réponse\n\n${(ticket.resolution ?? '').trim()}\n`;
}

/**
 * A resolved starter-kit ticket becomes a proposal of a new page of the referential's starter-kit section
 * (letter §3.2.1.2): its referent or the national team makes it, once; the ticket names the proposal, the
 * proposal's rationale links back to the ticket. The community votes on it and a maintainer accepts it
 * through the proposal's own lifecycle (server/modules/referential).
 */
export async function proposeTicketToReferential(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const ticket = await readableTicket(tx, authorizer, id, { lock: true });
    authorizer.authorize(actor, 'supportTicket.proposeToReferential', ticket);
    if (ticket.state !== 'resolved')
      throw new AppError(
        'conflict',
        'Seul un ticket résolu devient une page du référentiel : résolvez-le d’abord.',
      );
    if (ticket.referentialProposalId)
      throw new AppError(
        'conflict',
        'Ce ticket est déjà devenu une proposition au référentiel : ouvrez-la depuis le ticket.',
      );
    const title =
      ticket.subject.length > TITLE_MAX
        ? `${ticket.subject.slice(0, TITLE_MAX - 1).trimEnd()}…`
        : ticket.subject;
    const proposal = await insertProposal(tx.db, {
      pageId: null,
      category: 'starterKit',
      title,
      body: pageBody(ticket),
      rationale: `Question du support du starter kit, résolue : [ticket « ${title} »](/support/${ticket.id}). D’autres développeurs la poseront.`,
      authorId: actor.userId,
    });
    await setTicket(tx.db, ticket.id, { referentialProposalId: proposal.id });
    await recordAudit(tx, {
      action: 'referential.propose',
      targetType: 'referentialProposal',
      targetId: proposal.id,
      after: { category: 'starterKit', title, ticketId: ticket.id },
    });
    await recordAudit(tx, {
      action: 'supportTicket.proposeToReferential',
      targetType: 'supportTicket',
      targetId: ticket.id,
      after: { referentialProposalId: proposal.id },
    });
    return proposal;
  });
}
