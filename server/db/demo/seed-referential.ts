import { count, inArray } from 'drizzle-orm';
import { slugOf } from '../../modules/referential/proposals.lifecycle.ts';
import {
  insertCurrentVersion,
  insertPage,
  insertProposal,
  upsertVote,
} from '../../modules/referential/referential.queries.ts';
import type { Database } from '../client.ts';
import { referentialPages, users } from '../schema.ts';
import { DEMO_PROPOSALS, DEMO_REFERENTIAL } from './referential-data.ts';

const AUTHOR = 'dev.basrhin@mutualis.demo';
const MAINTAINER = 'ddsi@mutualis.demo';

/**
 * The demonstration referential, once (no page yet): fifteen pages, each written by the referent of Bas-Rhin
 * and accepted by the DDSI, some revised since (their history has a diff), and three proposals still open
 * with their votes. Needs the demo accounts.
 */
export async function seedDemoReferential(db: Database): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(referentialPages);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const emails = [AUTHOR, MAINTAINER, ...DEMO_PROPOSALS.flatMap((p) => p.votes.map((v) => v.email))];
  const people = new Map(
    (
      await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails))
    ).map((u) => [u.email, u.id]),
  );
  const author = people.get(AUTHOR);
  const maintainer = people.get(MAINTAINER) ?? null;
  if (!author) return { created: 0 };
  const current = new Map<string, { pageId: string; versionId: string; body: string }>();
  for (const demo of DEMO_REFERENTIAL) {
    const page = await insertPage(db, {
      slug: slugOf(demo.title),
      category: demo.category,
      title: demo.title,
    });
    let body = demo.body;
    let version = await insertCurrentVersion(db, page.id, {
      title: demo.title,
      body,
      summary: 'Première version.',
      authorId: author,
      acceptedBy: maintainer,
    });
    for (const revision of demo.revisions) {
      body = body.replace(revision.find, revision.replace);
      version = await insertCurrentVersion(db, page.id, {
        title: demo.title,
        body,
        summary: revision.summary,
        authorId: author,
        acceptedBy: maintainer,
      });
    }
    current.set(demo.title, { pageId: page.id, versionId: version.id, body });
  }
  for (const demo of DEMO_PROPOSALS) {
    const target = demo.pageTitle ? current.get(demo.pageTitle) : undefined;
    const proposal = await insertProposal(db, {
      pageId: target?.pageId ?? null,
      baseVersionId: target?.versionId ?? null,
      category: demo.category,
      title: demo.title,
      body: target ? target.body.replace(demo.find ?? '', demo.replace ?? '') : (demo.body ?? ''),
      rationale: demo.rationale,
      authorId: author,
    });
    for (const vote of demo.votes) {
      const userId = people.get(vote.email);
      if (userId)
        await upsertVote(db, { proposalId: proposal.id, userId, value: vote.value, comment: vote.comment });
    }
  }
  return { created: DEMO_REFERENTIAL.length };
}
