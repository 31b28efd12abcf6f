import type {
  ApplicationFilters,
  ApplicationListQuery,
} from '../../../../common/schemas/application-search.ts';
import { requireActor, type ServiceContext } from '../../../lib/context.ts';
import { catalogueIndexFor } from './search.index.ts';
import { buildTsQuery, textMatches } from './search.queries.ts';

/**
 * The applications matching a query, in order: the text query goes to PostgreSQL (matching ids and
 * ranks); the facets, the order and the cards come from the in-memory index.
 */
export async function searchCatalogue(
  ctx: ServiceContext,
  query: ApplicationFilters,
  page: { offset: number; limit: number } = { offset: 0, limit: Number.POSITIVE_INFINITY },
) {
  requireActor(ctx);
  const index = catalogueIndexFor(ctx.db);
  await index.ensureFresh(ctx.db);
  const tsQuery = await buildTsQuery(ctx.db, query.q, index.version);
  const matches = tsQuery ? await index.textCandidates(tsQuery, () => textMatches(ctx.db, tsQuery)) : null;
  const sort = query.sort ?? (tsQuery ? 'relevance' : 'name');
  const result = index.search(query, matches, sort, page);
  return {
    ...result,
    ids: result.order.map((i) => index.idAt(i)),
    cards: result.order.map((i) => index.cardAt(i)),
    sameName: result.order.map((i) => index.sameNameAt(i)),
  };
}

/** One page of the catalogue, with the facet counts. */
export async function listApplications(ctx: ServiceContext, query: ApplicationListQuery) {
  return searchCatalogue(ctx, query, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
}
