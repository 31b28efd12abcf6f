import { endOfParisDay } from '../../../common/calls/vocabulary.ts';
import type { CallListQuery, CreateCallInput, UpdateCallInput } from '../../../common/schemas/calls.ts';
import { timelineErrors } from '../../../common/schemas/calls.ts';
import type { Executor } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError, staleVersion } from '../../lib/errors.ts';
import { describeLifecycles, describeTransitions } from '../../lib/lifecycle.ts';
import type { Actor, Authorizer } from '../../lib/policy.ts';
import type { CallBinding } from './calls.lifecycle.ts';
import { type CallAccess, callVisibility } from './calls.policy.ts';
import {
  type CallRow,
  callOfficesOf,
  domainExists,
  findCall,
  findCallSummary,
  insertCall,
  listCallRows,
  officeRefs,
  organisationOf,
  questionsOf,
  replaceCallOffices,
  updateCallAtVersion,
} from './calls.queries.ts';

/**
 * Calls for projects (appels à projets): drafted and edited by the issuer (an office's director, a
 * national directorate's sponsors), published to the offices of their scope, closed by the platform at
 * the deadline. The questions: questions.service.ts; the lifecycle: calls.lifecycle.ts.
 */

export const callNotFound = () => new AppError('notFound', 'Cet appel à projets est introuvable.');
const invalid = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] });

export const accessOf = (call: CallRow): CallAccess => ({
  issuerId: call.issuerOrganisationId,
  draft: call.state === 'draft',
});

/** The actor's office as the scope of a call reads it. */
export async function actorOffice(db: Executor, actor: Actor) {
  return (
    (await organisationOf(db, actor.organisationId)) ?? {
      id: actor.organisationId,
      type: 'national',
      region: '',
    }
  );
}

/** A call the actor may see (a draft is the issuer's own), or 404 — never a 403 that tells it exists. */
export async function visibleCall(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  options = { lock: false },
) {
  const actor = requireActor(ctx);
  const call = await findCall(ctx.db, id, options);
  if (!call || !authorizer.can(actor, 'call.read', accessOf(call))) throw callNotFound();
  return call;
}

async function checkReferences(
  db: Executor,
  input: { domainCode?: string; scope?: string; officeIds?: string[] },
) {
  if (input.domainCode && !(await domainExists(db, input.domainCode)))
    throw invalid('domainCode', "Ce domaine métier n'existe pas dans le référentiel.");
  if (input.officeIds && input.officeIds.length > 0) {
    const found = await officeRefs(db, input.officeIds);
    if (found.length !== new Set(input.officeIds).size)
      throw invalid('officeIds', "Un des organismes nommés n'existe pas dans l'annuaire.");
    if (found.some((o) => o.type === 'national'))
      throw invalid('officeIds', 'Une direction nationale ne répond pas à un appel : nommez des organismes.');
  }
}

/** The issuer: the caller's own office or directorate; an administrator may name another. */
async function issuerOf(db: Executor, actor: Actor, issuerId: string | undefined) {
  if (issuerId && issuerId !== actor.organisationId && !actor.roles.includes('admin'))
    throw new AppError(
      'forbidden',
      "Vous n'émettez un appel qu'au nom de votre organisme ou de votre direction.",
    );
  const id = issuerId ?? actor.organisationId;
  const office = await organisationOf(db, id);
  if (!office) throw invalid('issuerId', "Cet émetteur n'existe pas dans l'annuaire.");
  if (office.type === 'national' && !actor.roles.some((r) => r === 'sponsor' || r === 'admin'))
    throw new AppError('forbidden', "Un appel d'une direction nationale est émis par un de ses sponsors.");
  return id;
}

export async function createCall(ctx: ServiceContext, authorizer: Authorizer, input: CreateCallInput) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'call.create');
  return inTransaction(ctx, async (tx) => {
    const issuerOrganisationId = await issuerOf(tx.db, actor, input.issuerId);
    await checkReferences(tx.db, input);
    const { issuerId: _issuer, officeIds, ...values } = input;
    const row = await insertCall(tx.db, {
      ...values,
      region: input.scope === 'regional' ? input.region : null,
      issuerOrganisationId,
      createdBy: actor.userId,
    });
    if (input.scope === 'local') await replaceCallOffices(tx.db, row.id, officeIds);
    await recordAudit(tx, { action: 'call.create', targetType: 'call', targetId: row.id, after: input });
    return row.id;
  });
}

const EDITABLE: readonly CallRow['state'][] = ['draft', 'published'];

export async function updateCall(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: UpdateCallInput,
) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const call = await visibleCall(tx, authorizer, id, { lock: true });
    authorizer.authorize(actor, 'call.update', accessOf(call));
    if (call.version !== input.version) throw staleVersion('call');
    if (!EDITABLE.includes(call.state))
      throw new AppError('conflict', 'Un appel clos aux propositions ne se modifie plus.');
    const { version, officeIds, ...changes } = input;
    const next = { ...call, ...changes };
    const errors = timelineErrors(next);
    if (errors[0]) throw new AppError('unprocessable', errors[0].message, { errors });
    if (next.scope === 'regional' && !next.region)
      throw invalid('region', 'Un appel régional nomme sa région.');
    if (call.state === 'published' && input.scope !== undefined && input.scope !== call.scope)
      throw invalid(
        'scope',
        "La portée d'un appel publié ne change plus : les organismes en ont été informés.",
      );
    await checkReferences(tx.db, { domainCode: input.domainCode, officeIds });
    const after = await updateCallAtVersion(tx.db, id, version, {
      ...changes,
      region: next.scope === 'regional' ? next.region : null,
    });
    if (!after) throw staleVersion('call');
    if (officeIds && next.scope === 'local') await replaceCallOffices(tx.db, id, officeIds);
    if (next.scope !== 'local') await replaceCallOffices(tx.db, id, []);
    await recordAudit(tx, {
      action: 'call.update',
      targetType: 'call',
      targetId: id,
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, call[k as keyof CallRow]])),
      after: input,
    });
  });
}

/** May the actor ask a question now: the call is published and its questions are still open (Paris time). */
export function questionsOpen(call: CallRow, now = new Date()) {
  return call.state === 'published' && now < endOfParisDay(call.questionsUntil);
}

export async function getCall(ctx: ServiceContext, authorizer: Authorizer, binding: CallBinding, id: string) {
  const actor = requireActor(ctx);
  const call = await visibleCall(ctx, authorizer, id);
  const office = await actorOffice(ctx.db, actor);
  const [summary, offices, questions] = await Promise.all([
    findCallSummary(ctx.db, id, office),
    callOfficesOf(ctx.db, id),
    questionsOf(ctx.db, id),
  ]);
  if (!summary) throw callNotFound();
  const [transitions = []] = await describeTransitions(ctx, authorizer, [binding], [call]);
  const lifecycles = await describeLifecycles(ctx, [binding], call, call.createdAt);
  const access = accessOf(call);
  return {
    summary,
    offices,
    questions,
    may: {
      edit: authorizer.can(actor, 'call.update', access) && EDITABLE.includes(call.state),
      ask: authorizer.can(actor, 'call.ask', access) && questionsOpen(call),
      answer: authorizer.can(actor, 'call.answer', access) && call.state !== 'cancelled',
    },
    transitions,
    lifecycles,
  };
}
export type CallView = Awaited<ReturnType<typeof getCall>>;

export async function listCalls(ctx: ServiceContext, query: CallListQuery) {
  const actor = requireActor(ctx);
  return listCallRows(ctx.db, query, callVisibility(actor), await actorOffice(ctx.db, actor));
}
