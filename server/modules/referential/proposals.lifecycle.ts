import {
  type ReferentialProposalFacts,
  type ReferentialProposalTransition,
  referentialProposalLifecycle,
} from '../../../common/lifecycles/referential-proposal.ts';
import type { ProposalState } from '../../../common/referential/vocabulary.ts';
import { actingAs } from '../../lib/context.ts';
import type { LifecycleBinding } from '../../lib/lifecycle.ts';
import { isSystemActor } from '../../lib/policy.ts';
import {
  findPage,
  insertCurrentVersion,
  insertPage,
  type ProposalRow,
  proposalStore,
  setProposalOutcome,
  slugTaken,
} from './referential.queries.ts';

/** A page's address from its title: « Sécurité des API » → securite-des-api. */
export function slugOf(title: string) {
  return (
    title
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'page'
  );
}

/**
 * A proposal to the referential: accepting it writes the page's next version from it (a new page first for
 * a proposal of a page) and makes it current, in the transaction of the transition; declining keeps the
 * reason. A change written from a version that is no longer current cannot be accepted (`pageChanged`).
 */
export const referentialProposalBinding: LifecycleBinding<
  ProposalState,
  ReferentialProposalTransition,
  ReferentialProposalFacts,
  ProposalRow
> = {
  definition: referentialProposalLifecycle,
  notFoundLabel: 'Proposition au référentiel',
  staleSubject: 'referentialProposal',
  store: proposalStore,
  idOf: (row) => row.id,
  parties: () => ({}),
  facts: async (ctx, rows) =>
    Promise.all(
      rows.map(async (row) => {
        if (!row.pageId) return { basedOnCurrent: true };
        const page = await findPage(ctx.db, row.pageId);
        return { basedOnCurrent: page?.currentVersionId === row.baseVersionId };
      }),
    ),
  snapshot: (row) => ({ state: row.state, title: row.title, pageId: row.pageId, version: row.version }),
  async effects(ctx, change) {
    const proposal = change.after;
    if (change.transition === 'decline') {
      await setProposalOutcome(ctx.db, proposal.id, {
        decisionNote: (change.input as { note: string }).note,
      });
      return;
    }
    const actor = actingAs(ctx);
    let pageId = proposal.pageId;
    if (!pageId) {
      let slug = slugOf(proposal.title);
      for (let n = 2; await slugTaken(ctx.db, slug); n++) slug = `${slugOf(proposal.title)}-${n}`;
      pageId = (await insertPage(ctx.db, { slug, category: proposal.category, title: proposal.title })).id;
      await setProposalOutcome(ctx.db, proposal.id, { pageId });
    }
    await insertCurrentVersion(ctx.db, pageId, {
      title: proposal.title,
      body: proposal.body,
      summary: proposal.rationale.split('\n')[0]?.slice(0, 300) ?? '',
      authorId: proposal.authorId,
      acceptedBy: actor && !isSystemActor(actor) ? actor.userId : null,
      proposalId: proposal.id,
    });
  },
};
