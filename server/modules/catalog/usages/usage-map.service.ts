import type { RedundancyQuery } from '../../../../common/schemas/usage.ts';
import { requireActor, type ServiceContext } from '../../../lib/context.ts';
import { completeLinkage, similarPairs, type TextCorpus } from '../../../lib/similarity.ts';
import type { ApplicationTextRow } from '../similar/similar.queries.ts';
import { applicationTexts, derivedOnce } from '../similar/similar.service.ts';
import { readUsageMapFigures } from './usage-map.queries.ts';

/**
 * From this likeness two sheets look like the same need (server/lib/similarity.ts). On the generated
 * inventory of 2,000 sheets it groups 99 % of the planted duplicates with their original, and every
 * grouped pair is about the same subject (usage-map.redundancy.test.ts).
 */
export const REDUNDANCY_THRESHOLD = 0.3;
/** A group larger than this is a theme, not a duplicate: the linkage never builds one. */
export const MAX_GROUP_SIZE = 12;

/**
 * Groups of sheets that look like the same need: compared within one business domain (same words in
 * another domain are another need), joined by complete linkage — every two sheets of a group are alike,
 * not only neighbours in a chain — and capped at twelve. Largest groups first, then the closest.
 */
export function redundancyClusters(rows: ApplicationTextRow[], corpus: TextCorpus) {
  const pairs = similarPairs(
    corpus,
    (i) => (rows[i] as ApplicationTextRow).domain_code,
    REDUNDANCY_THRESHOLD,
  );
  return completeLinkage(rows.length, pairs, MAX_GROUP_SIZE)
    .map(({ items, weakest }) => {
      const list = items.map((i) => rows[i] as ApplicationTextRow);
      const first = list[0] as ApplicationTextRow;
      return {
        similarity: Math.floor(weakest * 100) / 100,
        domain: { code: first.domain_code, label: first.domain_label },
        applications: list.sort(
          (p, q) => Number(q.usage_count) - Number(p.usage_count) || p.name.localeCompare(q.name, 'fr'),
        ),
      };
    })
    .sort(
      (p, q) =>
        q.applications.length - p.applications.length ||
        q.similarity - p.similarity ||
        (p.applications[0]?.name ?? '').localeCompare(q.applications[0]?.name ?? '', 'fr'),
    );
}
export type RedundancyCluster = ReturnType<typeof redundancyClusters>[number];

/** The figures of the usage map. */
export async function getUsageMap(ctx: ServiceContext) {
  requireActor(ctx);
  return readUsageMapFigures(ctx.db);
}
export type UsageMap = Awaited<ReturnType<typeof getUsageMap>>;

/** One page of the redundancy clusters, computed once per catalogue version. */
export async function listRedundancies(ctx: ServiceContext, query: RedundancyQuery) {
  requireActor(ctx);
  const texts = await applicationTexts(ctx.db);
  const clusters = derivedOnce(texts, 'redundancyClusters', () =>
    redundancyClusters(texts.rows, texts.corpus),
  );
  const start = (query.page - 1) * query.pageSize;
  return { ...query, total: clusters.length, items: clusters.slice(start, start + query.pageSize) };
}
