import type { ServiceContext } from '../../lib/context.ts';
import { officeNames } from '../../lib/lifecycle.queries.ts';
import { emitEvent } from './events.ts';

/**
 * The events of proposals answering calls, called by the proposals module in the transaction of the
 * change. Who hears: the director when approval is asked, the developers when it is sent back, the
 * issuer once submitted or withdrawn, the proposing and partner offices on the decision.
 */

type Proposal = {
  id: string;
  title: string;
  organisationId: string;
  partnerIds: readonly string[];
  callIssuerId: string;
};
const proposalTarget = (p: Proposal) => ({ type: 'proposal' as const, id: p.id, label: p.title });

const AUDIENCE: Record<string, (p: Proposal) => { organisationIds: string[]; roles?: string[] }> = {
  awaitingApproval: (p) => ({ organisationIds: [p.organisationId], roles: ['officeDirector'] }),
  draft: (p) => ({ organisationIds: [p.organisationId], roles: ['developer'] }),
  submitted: (p) => ({ organisationIds: [p.callIssuerId], roles: ['officeDirector', 'sponsor'] }),
  withdrawn: (p) => ({ organisationIds: [p.callIssuerId], roles: ['officeDirector', 'sponsor'] }),
  selected: (p) => ({ organisationIds: [p.organisationId, ...p.partnerIds] }),
  notSelected: (p) => ({ organisationIds: [p.organisationId, ...p.partnerIds] }),
};

export function proposalTransitioned(
  ctx: ServiceContext,
  proposal: Proposal,
  to: string,
  rationale?: string,
) {
  const parties = AUDIENCE[to]?.(proposal);
  return emitEvent(ctx, {
    kind: 'proposal.transitioned',
    target: proposalTarget(proposal),
    params: { to, ...(rationale ? { rationale } : {}) },
    ...(parties ? { parties } : {}),
  });
}

/** The directors of offices named as partners are asked to confirm their participation. */
export async function partnersInvited(
  ctx: ServiceContext,
  proposal: Proposal,
  partnerIds: readonly string[],
) {
  if (partnerIds.length === 0) return;
  const office = (await officeNames(ctx.db, [proposal.organisationId])).get(proposal.organisationId) ?? '';
  await emitEvent(ctx, {
    kind: 'proposal.partnerInvited',
    target: proposalTarget(proposal),
    params: { office },
    parties: { organisationIds: [...partnerIds], roles: ['officeDirector'] },
  });
}
