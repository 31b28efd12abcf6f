import { callLifecycle } from '../../../../common/lifecycles/call.ts';
import { proposalLifecycle } from '../../../../common/lifecycles/proposal.ts';
import type { SelectionInput } from '../../../../common/schemas/proposals.ts';
import type { SelectionChoice } from '../../../db/schema.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext, type TxContext } from '../../../lib/context.ts';
import { AppError, staleVersion } from '../../../lib/errors.ts';
import { fireTransition } from '../../../lib/lifecycle.ts';
import { type Actor, type Authorizer, createAuthorizer, systemActor } from '../../../lib/policy.ts';
import { createItem } from '../../board/board.service.ts';
import { callBinding } from '../calls.lifecycle.ts';
import type { CallRow } from '../calls.queries.ts';
import { findCall } from '../calls.queries.ts';
import { callNotFound, visibleCall } from '../calls.service.ts';
import {
  findSelection,
  insertSelection,
  markSelectionApplied,
  touchCallAtVersion,
} from './evaluation.queries.ts';
import { projectFromProposal } from './proposal-project.service.ts';
import { proposalBinding } from './proposals.lifecycle.ts';
import { findProposal, setProposalDecision, submittedProposalsOf } from './proposals.queries.ts';
import { evaluationAccess } from './proposals.service.ts';

/**
 * The selection of a call: the issuer proposes it (each submitted proposal selected or not, with its
 * rationale); a local or regional call applies it at once, a national one waits for the governance
 * board, whose confirmation calls confirmCallSelection. Applying it is one transaction: the proposals
 * selected or not, a project for each selected one (with its sponsorship for a national call), the
 * call decided, everyone notified.
 */

/** The platform fires the transitions a selection applies: only `system` parties, no table of rules. */
const platform = createAuthorizer([], [proposalLifecycle, callLifecycle]);
const SELECTION_JOB = 'callSelection';

const invalidChoices = (message: string) =>
  new AppError('unprocessable', message, { errors: [{ field: 'choices', message }] });

export async function proposeSelection(
  ctx: ServiceContext,
  authorizer: Authorizer,
  callId: string,
  input: SelectionInput,
) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const call = await visibleCall(tx, authorizer, callId, { lock: true });
    authorizer.authorize(actor, 'call.select', await evaluationAccess(tx.db, actor, call));
    if (call.version !== input.version) throw staleVersion('call');
    if (call.state !== 'underEvaluation')
      throw new AppError('conflict', "La sélection se propose pendant l'évaluation de l'appel.");
    if (await findSelection(tx.db, callId, { lock: true }))
      throw new AppError('conflict', 'La sélection de cet appel est déjà proposée.');
    const submitted = (await submittedProposalsOf(tx.db, callId)).map((r) => r.proposal.id);
    const chosen = input.choices.map((c) => c.proposalId);
    if (new Set(chosen).size !== chosen.length) throw invalidChoices('Une proposition est citée deux fois.');
    if (chosen.some((id) => !submitted.includes(id)))
      throw invalidChoices("Une des propositions citées n'est pas une proposition déposée à cet appel.");
    if (submitted.some((id) => !chosen.includes(id)))
      throw invalidChoices('La sélection dit, pour chaque proposition déposée, si elle est retenue ou non.');
    const national = call.scope === 'national';
    await insertSelection(tx.db, {
      callId,
      state: 'awaitingBoard',
      rationale: input.rationale,
      choices: input.choices,
      proposedBy: actor.userId,
    });
    if (!(await touchCallAtVersion(tx.db, callId, input.version))) throw staleVersion('call');
    await recordAudit(tx, {
      action: 'call.select',
      targetType: 'call',
      targetId: callId,
      after: { rationale: input.rationale, choices: input.choices, awaitsBoard: national },
    });
    // A national call's selection goes on the governance board's agenda; its decision applies it.
    if (national)
      await createItem(tx, 'board.addItem', {
        kind: 'callSelection',
        title: `Sélection de l’appel « ${call.title} »`,
        reason: input.rationale,
        callId,
        projectId: null,
      });
    else await applySelection(tx, callId, actor);
  });
}

/**
 * The governance board confirms the selection proposed for a (national) call: applied in the board's
 * transaction `tx`, on behalf of `actor` (who decided). 404 without a call, 409 without a selection
 * awaiting confirmation. Returns the projects created.
 */
export async function confirmCallSelection(tx: TxContext, callId: string, actor: Actor) {
  return applySelection({ ...tx, actor }, callId, actor);
}

async function applySelection(tx: TxContext, callId: string, actor: Actor) {
  const selection = await findSelection(tx.db, callId, { lock: true });
  if (!(await findCall(tx.db, callId, { lock: true }))) throw callNotFound();
  if (selection?.state !== 'awaitingBoard')
    throw new AppError('conflict', "Cet appel n'a pas de sélection qui attende d'être appliquée.");
  const platformCtx: TxContext = { ...tx, actor, system: systemActor(SELECTION_JOB) };
  const projects: { proposalId: string; projectId: string }[] = [];
  for (const choice of selection.choices) {
    const projectId = await applyChoice(tx, platformCtx, callId, choice, actor);
    if (projectId) projects.push({ proposalId: choice.proposalId, projectId });
  }
  const call = (await findCall(tx.db, callId, { lock: true })) as CallRow;
  await fireTransition(platformCtx, platform, callBinding, callId, {
    action: 'decide',
    version: call.version,
    input: { rationale: selection.rationale },
  });
  await markSelectionApplied(tx.db, callId, actor.userId);
  await recordAudit(tx, {
    action: 'call.confirmSelection',
    targetType: 'call',
    targetId: callId,
    after: { choices: selection.choices, projects },
  });
  return projects;
}

async function applyChoice(
  tx: TxContext,
  platformCtx: TxContext,
  callId: string,
  choice: SelectionChoice,
  actor: Actor,
) {
  const proposal = await findProposal(tx.db, choice.proposalId, { lock: true });
  // Withdrawn since the selection was proposed: nothing to select.
  if (proposal?.state !== 'submitted') return null;
  await fireTransition(platformCtx, platform, proposalBinding, proposal.id, {
    action: choice.selected ? 'select' : 'reject',
    version: proposal.version,
    input: { rationale: choice.rationale },
  });
  if (!choice.selected) return null;
  const call = (await findCall(tx.db, callId)) as CallRow;
  const projectId = await projectFromProposal(tx, call, proposal, choice.rationale, actor);
  await setProposalDecision(tx.db, proposal.id, { decisionRationale: choice.rationale, projectId });
  return projectId;
}
