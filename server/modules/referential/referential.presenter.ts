import type {
  ProposalDto,
  ReferentialDiffDto,
  ReferentialListDto,
  ReferentialPageDto,
} from '../../../common/schemas/referential.ts';
import { lineDiff } from '../../lib/line-diff.ts';
import { renderMarkdown, renderMarkdownWithToc } from '../../lib/markdown.ts';
import type { VersionRow } from './referential.queries.ts';
import type {
  getProposal,
  getReferentialDiff,
  getReferentialPage,
  listReferential,
} from './referential.service.ts';

type People = Map<string, { id: string; name: string; office: string }>;
const personOf = (people: People, id: string | null) => (id ? (people.get(id) ?? null) : null);
const someone = (people: People, id: string) => people.get(id) ?? { id, name: '', office: '' };

export function presentReferentialList(
  source: Awaited<ReturnType<typeof listReferential>>,
): ReferentialListDto {
  return {
    items: source.pages.map((page) => ({
      ...page,
      updatedAt: page.updatedAt.toISOString(),
      openProposals: Number(page.openProposals),
    })),
    newPageProposals: source.newPageProposals.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
  };
}

function presentVersion(version: VersionRow, people: People) {
  return {
    id: version.id,
    number: version.number,
    title: version.title,
    summary: version.summary,
    author: personOf(people, version.authorId),
    acceptedBy: personOf(people, version.acceptedBy),
    createdAt: version.createdAt.toISOString(),
  };
}

export function presentReferentialPage(
  source: Awaited<ReturnType<typeof getReferentialPage>>,
): ReferentialPageDto {
  const { page, current, people } = source;
  const rendered = renderMarkdownWithToc(current.body);
  return {
    id: page.id,
    slug: page.slug,
    title: page.title,
    category: page.category,
    version: page.version,
    current: {
      ...presentVersion(current, people),
      body: current.body,
      bodyHtml: rendered.html,
      toc: rendered.toc,
    },
    versions: source.versions.map((v) => presentVersion(v, people)),
    proposals: source.proposals.map((p) => ({
      id: p.id,
      title: p.title,
      state: p.state,
      author: someone(people, p.authorId),
      createdAt: p.createdAt.toISOString(),
      up: Number(p.up),
      down: Number(p.down),
    })),
    abilities: { propose: source.mayPropose },
  };
}

export function presentReferentialDiff(
  source: Awaited<ReturnType<typeof getReferentialDiff>>,
): ReferentialDiffDto {
  return {
    from: { number: source.from.number, title: source.from.title },
    to: { number: source.to.number, title: source.to.title },
    lines: lineDiff(source.from.body.trimEnd(), source.to.body.trimEnd()),
  };
}

export function presentProposal(source: Awaited<ReturnType<typeof getProposal>>): ProposalDto {
  const { proposal, people, votes } = source;
  const mine = votes.find((v) => v.userId === source.actorId);
  return {
    id: proposal.id,
    page: source.page ? { id: source.page.id, slug: source.page.slug, title: source.page.title } : null,
    category: proposal.category,
    title: proposal.title,
    body: proposal.body,
    bodyHtml: renderMarkdown(proposal.body),
    rationale: proposal.rationale,
    state: proposal.state,
    author: someone(people, proposal.authorId),
    createdAt: proposal.createdAt.toISOString(),
    decisionNote: proposal.decisionNote,
    version: proposal.version,
    baseVersion: source.base ? { id: source.base.id, number: source.base.number } : null,
    // Bodies are compared without their trailing blank lines (a form trims what it sends).
    diff: lineDiff(source.base?.body.trimEnd() ?? '', proposal.body.trimEnd()).filter(
      (line, index) => source.base || !(index === 0 && line.kind === 'removed' && line.text === ''),
    ),
    votes: {
      up: votes.filter((v) => v.value === 'up').length,
      down: votes.filter((v) => v.value === 'down').length,
      mine: mine?.value ?? null,
      items: votes.map((v) => ({
        voter: someone(people, v.userId),
        value: v.value,
        comment: v.comment,
        at: v.updatedAt.toISOString(),
      })),
    },
    abilities: { vote: source.mayVote },
    transitions: source.transitions,
    lifecycles: source.lifecycles,
  };
}
