import type { ReferentialCategory } from '../../../common/referential/vocabulary.ts';
import type { ProposeChangeInput, ProposePageInput, VoteInput } from '../../../common/schemas/referential.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { describeLifecycles, describeTransitions } from '../../lib/lifecycle.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { referentialProposalBinding } from './proposals.lifecycle.ts';
import {
  findPage,
  findProposal,
  findVersion,
  findVersionByNumber,
  insertProposal,
  listNewPageProposals,
  listPageProposals,
  listPages,
  listVersions,
  listVotes,
  peopleByIds,
  upsertVote,
} from './referential.queries.ts';

const pageNotFound = () => notFound('Cette page du référentiel est');
const proposalNotFound = () => notFound('Cette proposition au référentiel est');

export async function listReferential(
  ctx: ServiceContext,
  authorizer: Authorizer,
  query: { q?: string; category?: ReferentialCategory },
) {
  authorizer.authorize(requireActor(ctx), 'referential.read');
  return { pages: await listPages(ctx.db, query), newPageProposals: await listNewPageProposals(ctx.db) };
}

/** A page, its current version, its history and its proposals (with the people who wrote them). */
export async function getReferentialPage(ctx: ServiceContext, authorizer: Authorizer, key: string) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'referential.read');
  const page = await findPage(ctx.db, key);
  if (!page) throw pageNotFound();
  const versions = await listVersions(ctx.db, page.id);
  const current = versions.find((v) => v.id === page.currentVersionId);
  if (!current) throw pageNotFound();
  const proposals = await listPageProposals(ctx.db, page.id);
  const people = await peopleByIds(ctx.db, [
    ...versions.flatMap((v) => [v.authorId, v.acceptedBy]),
    ...proposals.map((p) => p.authorId),
  ]);
  return {
    page,
    current,
    versions,
    proposals,
    people,
    mayPropose: authorizer.can(actor, 'referential.propose'),
  };
}

/** Two versions of a page, to compare. */
export async function getReferentialDiff(
  ctx: ServiceContext,
  authorizer: Authorizer,
  key: string,
  numbers: { from: number; to: number },
) {
  authorizer.authorize(requireActor(ctx), 'referential.read');
  const page = await findPage(ctx.db, key);
  if (!page) throw pageNotFound();
  const from = await findVersionByNumber(ctx.db, page.id, numbers.from);
  const to = await findVersionByNumber(ctx.db, page.id, numbers.to);
  if (!from || !to)
    throw new AppError(
      'notFound',
      `La version ${from ? numbers.to : numbers.from} de cette page est introuvable.`,
    );
  return { from, to };
}

/** A change of a page, written from its current version: a proposal open to votes. */
export async function proposeChange(
  ctx: ServiceContext,
  authorizer: Authorizer,
  key: string,
  input: ProposeChangeInput,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'referential.propose');
  return inTransaction(ctx, async (tx) => {
    const page = await findPage(tx.db, key);
    if (!page) throw pageNotFound();
    const base = await findVersion(tx.db, input.baseVersionId);
    if (!base || base.pageId !== page.id)
      throw new AppError('unprocessable', "La version de départ n'est pas une version de cette page.", {
        errors: [
          { field: 'baseVersionId', message: "La version de départ n'est pas une version de cette page." },
        ],
      });
    if (base.id !== page.currentVersionId)
      throw new AppError(
        'staleVersion',
        'La page a changé depuis que vous l’avez ouverte : rechargez-la et reprenez votre proposition sur la version courante.',
      );
    const proposal = await insertProposal(tx.db, {
      pageId: page.id,
      category: page.category,
      baseVersionId: base.id,
      title: input.title,
      body: input.body,
      rationale: input.rationale,
      authorId: actor.userId,
    });
    await recordAudit(tx, {
      action: 'referential.propose',
      targetType: 'referentialProposal',
      targetId: proposal.id,
      after: { pageId: page.id, baseVersion: base.number, title: input.title },
    });
    return proposal;
  });
}

/** A new page: a proposal open to votes, the page created when it is accepted. */
export async function proposePage(ctx: ServiceContext, authorizer: Authorizer, input: ProposePageInput) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'referential.propose');
  return inTransaction(ctx, async (tx) => {
    const proposal = await insertProposal(tx.db, { ...input, pageId: null, authorId: actor.userId });
    await recordAudit(tx, {
      action: 'referential.propose',
      targetType: 'referentialProposal',
      targetId: proposal.id,
      after: { category: input.category, title: input.title },
    });
    return proposal;
  });
}

/** One vote per person: voting again replaces it; a closed proposal takes no vote (409). */
export async function voteOnProposal(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: VoteInput,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'referential.vote');
  await inTransaction(ctx, async (tx) => {
    const proposal = await referentialProposalBinding.store.load(tx.db, id, { lock: true });
    if (!proposal) throw proposalNotFound();
    if (proposal.state !== 'open')
      throw new AppError('conflict', 'Cette proposition est close : elle ne prend plus de vote.');
    const before = await upsertVote(tx.db, { proposalId: id, userId: actor.userId, ...input });
    await recordAudit(tx, {
      action: 'referential.vote',
      targetType: 'referentialProposal',
      targetId: id,
      before: before ? { value: before.value, comment: before.comment } : null,
      after: input,
    });
  });
}

/** A proposal with its base version, its votes, and the decisions open to the caller. */
export async function getProposal(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'referential.read');
  const proposal = await findProposal(ctx.db, id);
  if (!proposal) throw proposalNotFound();
  const page = proposal.pageId ? await findPage(ctx.db, proposal.pageId) : null;
  const base = proposal.baseVersionId ? await findVersion(ctx.db, proposal.baseVersionId) : null;
  const votes = await listVotes(ctx.db, id);
  const people = await peopleByIds(ctx.db, [proposal.authorId, ...votes.map((v) => v.userId)]);
  const [transitions = []] = await describeTransitions(
    ctx,
    authorizer,
    [referentialProposalBinding],
    [proposal],
  );
  const lifecycles = await describeLifecycles(
    ctx,
    [referentialProposalBinding],
    proposal,
    proposal.createdAt,
  );
  return {
    proposal,
    page,
    base,
    votes,
    people,
    actorId: actor.userId,
    mayVote: authorizer.can(actor, 'referential.vote') && proposal.state === 'open',
    transitions,
    lifecycles,
  };
}
