import { EDITABLE_PROPOSAL_STATES } from '../../../../common/calls/proposals.ts';
import { endOfParisDay } from '../../../../common/calls/vocabulary.ts';
import { proposalLifecycle } from '../../../../common/lifecycles/proposal.ts';
import type { LifecycleViewDto } from '../../../../common/schemas/lifecycle.ts';
import type { CreateProposalInput, UpdateProposalInput } from '../../../../common/schemas/proposals.ts';
import type { Executor } from '../../../db/client.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext, type TxContext } from '../../../lib/context.ts';
import { AppError, staleVersion } from '../../../lib/errors.ts';
import { describeLifecycles, describeTransitions } from '../../../lib/lifecycle.ts';
import type { Actor, Authorizer } from '../../../lib/policy.ts';
import { partnersInvited } from '../../notifications/proposal-emitters.ts';
import { type CallRow, officeRefs } from '../calls.queries.ts';
import { actorOffice, accessOf as callAccessOf, visibleCall } from '../calls.service.ts';
import { scoresOf } from './evaluation.queries.ts';
import type { ProposalBinding } from './proposals.lifecycle.ts';
import { type EvaluationAccess, type ProposalAccess, proposalVisibility } from './proposals.policy.ts';
import {
  confirmPartner,
  evaluatorIdsOf,
  existingApplications,
  findProposal,
  insertProposal,
  listProposalRows,
  officeMayAnswer,
  type ProposalSubject,
  proposalDetails,
  replacePartners,
  replaceReuses,
  updateProposalAtVersion,
} from './proposals.queries.ts';

/**
 * Proposals answering a call for projects: prepared by an office (its developers or director) while the
 * call is published and before its deadline, within its scope; frozen once submitted. The lifecycle:
 * proposals.lifecycle.ts; the evaluation and the selection: evaluation.service.ts, selection.service.ts.
 */

export const proposalNotFound = () => new AppError('notFound', 'Cette proposition est introuvable.');
const invalid = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] });

/** The call's side of the evaluation, for the actor. */
export async function evaluationAccess(db: Executor, actor: Actor, call: CallRow): Promise<EvaluationAccess> {
  return { call: callAccessOf(call), evaluator: (await evaluatorIdsOf(db, call.id)).includes(actor.userId) };
}

export const proposalAccessOf = (proposal: ProposalSubject, access: EvaluationAccess): ProposalAccess => ({
  officeId: proposal.organisationId,
  partnerIds: proposal.partnerIds,
  call: access.call,
  state: proposal.state,
  evaluator: access.evaluator,
});

/** A proposal the actor may read, with its call, or 404 — never a 403 that tells it exists. */
export async function visibleProposal(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  options = { lock: false },
) {
  const actor = requireActor(ctx);
  const proposal = await findProposal(ctx.db, id, options);
  if (!proposal) throw proposalNotFound();
  const call = await visibleCall(ctx, authorizer, proposal.callId).catch(() => {
    throw proposalNotFound();
  });
  const access = proposalAccessOf(proposal, await evaluationAccess(ctx.db, actor, call));
  if (!authorizer.can(actor, 'proposal.read', access)) throw proposalNotFound();
  return { proposal, call, access };
}

/** The call takes proposals now: published, before the end of its "proposals until" day (Paris time). */
function checkCallOpen(call: CallRow, now = new Date()) {
  if (call.state !== 'published')
    throw new AppError('conflict', "Cet appel n'est pas ouvert aux propositions.");
  if (now >= endOfParisDay(call.proposalsUntil))
    throw new AppError(
      'conflict',
      `La date limite des propositions (${call.proposalsUntil}) est passée : l'appel ne prend plus de proposition.`,
    );
}

async function checkReferences(
  db: Executor,
  officeId: string,
  input: { reusedApplicationIds?: string[]; partnerOfficeIds?: string[] },
) {
  const apps = input.reusedApplicationIds ?? [];
  if ((await existingApplications(db, apps)).length !== new Set(apps).size)
    throw invalid('reusedApplicationIds', "Une des applications citées n'existe pas dans le catalogue.");
  const partners = input.partnerOfficeIds ?? [];
  if (partners.includes(officeId))
    throw invalid('partnerOfficeIds', 'Votre organisme porte la proposition : il n’en est pas partenaire.');
  const found = await officeRefs(db, partners);
  if (found.length !== new Set(partners).size)
    throw invalid('partnerOfficeIds', "Un des organismes partenaires n'existe pas dans l'annuaire.");
  if (found.some((o) => o.type === 'national'))
    throw invalid(
      'partnerOfficeIds',
      'Une direction nationale n’est pas partenaire : nommez des organismes.',
    );
}

export async function createProposal(
  ctx: ServiceContext,
  authorizer: Authorizer,
  callId: string,
  input: CreateProposalInput,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'proposal.create', { officeId: actor.organisationId });
  return inTransaction(ctx, async (tx) => {
    const call = await visibleCall(tx, authorizer, callId, { lock: true });
    const office = await actorOffice(tx.db, actor);
    if (!(await officeMayAnswer(tx.db, call.id, office)))
      throw new AppError(
        'forbidden',
        call.scope === 'regional'
          ? "Votre organisme n'est pas dans la région de cet appel régional : il ne peut pas y répondre."
          : "Votre organisme n'est pas dans la portée de cet appel : il ne peut pas y répondre.",
      );
    checkCallOpen(call);
    await checkReferences(tx.db, actor.organisationId, input);
    const { reusedApplicationIds, partnerOfficeIds, ...values } = input;
    const row = await insertProposal(tx.db, {
      ...values,
      callId,
      organisationId: actor.organisationId,
      createdBy: actor.userId,
    });
    await replacePartners(tx.db, row.id, partnerOfficeIds);
    await replaceReuses(tx.db, row.id, reusedApplicationIds);
    await recordAudit(tx, {
      action: 'proposal.create',
      targetType: 'proposal',
      targetId: row.id,
      after: input,
    });
    await partnersInvited(
      tx,
      { ...row, partnerIds: partnerOfficeIds, callIssuerId: call.issuerOrganisationId },
      partnerOfficeIds,
    );
    return row.id;
  });
}

export async function updateProposal(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: UpdateProposalInput,
) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const { proposal, access } = await visibleProposal(tx, authorizer, id, { lock: true });
    authorizer.authorize(actor, 'proposal.update', access);
    if (proposal.version !== input.version) throw staleVersion('proposal');
    if (!EDITABLE_PROPOSAL_STATES.includes(proposal.state))
      throw new AppError(
        'conflict',
        proposal.state === 'awaitingApproval'
          ? 'Cette proposition attend l’accord du directeur : elle ne se modifie plus, sauf renvoyée pour reprise.'
          : 'Une proposition déposée est figée : elle ne se modifie plus.',
      );
    await checkReferences(tx.db, proposal.organisationId, input);
    const { version, reusedApplicationIds, partnerOfficeIds, ...changes } = input;
    const next = { ...proposal, ...changes };
    if (next.plannedStart && next.plannedEnd && next.plannedStart > next.plannedEnd)
      throw invalid('plannedEnd', 'La date de fin prévue suit la date de début.');
    const after = await updateProposalAtVersion(tx.db, id, version, changes);
    if (!after) throw staleVersion('proposal');
    if (partnerOfficeIds) {
      await replacePartners(tx.db, id, partnerOfficeIds);
      const added = partnerOfficeIds.filter((o) => !proposal.partnerIds.includes(o));
      await partnersInvited(tx, { ...proposal, ...after }, added);
    }
    if (reusedApplicationIds) await replaceReuses(tx.db, id, reusedApplicationIds);
    await recordAudit(tx, {
      action: 'proposal.update',
      targetType: 'proposal',
      targetId: id,
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, proposal[k as keyof ProposalSubject]])),
      after: input,
    });
  });
}

/** The director of a partner office confirms its participation, while the proposal is being prepared. */
export async function confirmPartnership(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  organisationId: string,
) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx: TxContext) => {
    const { proposal, access } = await visibleProposal(tx, authorizer, id, { lock: true });
    if (organisationId !== actor.organisationId || !authorizer.can(actor, 'proposal.confirmPartner', access))
      throw new AppError(
        'forbidden',
        "Seul le directeur de l'organisme partenaire confirme sa participation.",
      );
    if (!['draft', 'awaitingApproval'].includes(proposal.state))
      throw new AppError(
        'conflict',
        'Cette proposition est déposée ou close : sa liste de partenaires est figée.',
      );
    await confirmPartner(tx.db, id, organisationId, actor.userId);
    await recordAudit(tx, {
      action: 'proposal.confirmPartner',
      targetType: 'proposal',
      targetId: id,
      after: { organisationId },
    });
  });
}

/**
 * Why the director sent a proposal back, read from its timeline (the audit trail), while it is a draft
 * again: the last move that brought it back to draft. Its one input is the reason.
 */
function lastSendBack(proposal: ProposalSubject, lifecycles: LifecycleViewDto[]) {
  if (proposal.state !== 'draft') return null;
  const last = lifecycles.find((view) => view.lifecycle === proposalLifecycle.name)?.reached.at(-1);
  if (last?.transition !== 'sendBack') return null;
  return {
    reason: last.input.map((field) => field.value).join('\n'),
    at: last.at,
    by: last.by?.name ?? null,
  };
}

export async function getProposal(
  ctx: ServiceContext,
  authorizer: Authorizer,
  binding: ProposalBinding,
  id: string,
) {
  const actor = requireActor(ctx);
  const { proposal, call, access } = await visibleProposal(ctx, authorizer, id);
  const [details, myScores] = await Promise.all([
    proposalDetails(ctx.db, proposal),
    access.evaluator ? scoresOf(ctx.db, proposal.id, actor.userId) : Promise.resolve([]),
  ]);
  const [transitions = []] = await describeTransitions(ctx, authorizer, [binding], [proposal]);
  const lifecycles = await describeLifecycles(ctx, [binding], proposal, proposal.createdAt);
  return {
    proposal,
    call,
    ...details,
    myScores,
    may: {
      edit:
        authorizer.can(actor, 'proposal.update', access) && EDITABLE_PROPOSAL_STATES.includes(proposal.state),
      confirmPartner:
        authorizer.can(actor, 'proposal.confirmPartner', access) &&
        proposal.unconfirmedPartnerIds.includes(actor.organisationId) &&
        ['draft', 'awaitingApproval'].includes(proposal.state),
      score:
        access.evaluator &&
        call.state === 'underEvaluation' &&
        proposal.state === 'submitted' &&
        !conflicted(actor, proposal),
    },
    sentBack: actor.organisationId === proposal.organisationId ? lastSendBack(proposal, lifecycles) : null,
    transitions,
    lifecycles,
  };
}
export type ProposalView = Awaited<ReturnType<typeof getProposal>>;

/** Conflict of interest: an evaluator of the proposing office (or of a partner office) does not score it. */
export const conflicted = (actor: Actor, proposal: Pick<ProposalSubject, 'organisationId' | 'partnerIds'>) =>
  actor.organisationId === proposal.organisationId || proposal.partnerIds.includes(actor.organisationId);

export async function listProposals(ctx: ServiceContext, authorizer: Authorizer, callId: string) {
  const actor = requireActor(ctx);
  const call = await visibleCall(ctx, authorizer, callId);
  const access = await evaluationAccess(ctx.db, actor, call);
  const office = await actorOffice(ctx.db, actor);
  const rows = await listProposalRows(ctx.db, callId, proposalVisibility(actor, access));
  const open = call.state === 'published' && new Date() < endOfParisDay(call.proposalsUntil);
  return {
    rows,
    may: {
      propose:
        open &&
        authorizer.can(actor, 'proposal.create', { officeId: actor.organisationId }) &&
        (await officeMayAnswer(ctx.db, callId, office)),
      compare: authorizer.can(actor, 'call.compare', access) && call.state !== 'draft',
      nameEvaluators:
        authorizer.can(actor, 'call.nameEvaluators', access) &&
        !['decided', 'archived', 'cancelled'].includes(call.state),
    },
  };
}
