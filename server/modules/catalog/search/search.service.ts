import {
  type ApplicationFilters,
  type ApplicationListQuery,
  SAME_NAME_SHOWN,
} from '../../../../common/schemas/application-search.ts';
import { requireActor, type ServiceContext } from '../../../lib/context.ts';
import { searchIndex } from './search.evaluate.ts';
import { cachedResult, searchKey } from './search.results.ts';
import type { CatalogueSearch } from './search.sync.ts';
import { queryClauses } from './search.terms.ts';

/**
 * The applications matching a query, in order, from the in-memory index brought up to date first: the
 * words of the query become PostgreSQL's lexemes (search.terms.ts, kept per word), then the text, the
 * facets, the order and the cards all come from memory.
 */
export async function searchCatalogue(
  ctx: ServiceContext,
  catalogue: CatalogueSearch,
  query: ApplicationFilters,
  page: { offset: number; limit: number } = { offset: 0, limit: Number.POSITIVE_INFINITY },
) {
  requireActor(ctx);
  const index = await catalogue.fresh();
  const clauses = await queryClauses(catalogue.db, query.q, catalogue.terms);
  // An export (every row) is not kept: its order is as long as the catalogue.
  const kept = Number.isFinite(page.limit) ? catalogue.resultsKept : 0;
  const result = cachedResult(index, kept, searchKey(query, page), () => {
    const matches = clauses ? index.text.match(clauses) : null;
    return searchIndex(index, query, matches, query.sort ?? (clauses ? 'relevance' : 'name'), page);
  });
  return {
    ...result,
    ids: result.order.map((i) => index.idAt(i)),
    cards: result.order.map((i) => index.cardAt(i)),
    sameName: result.order.map((i) => index.sameNameAt(i, SAME_NAME_SHOWN)),
  };
}

/** One page of the catalogue, with the facet counts. */
export async function listApplications(
  ctx: ServiceContext,
  catalogue: CatalogueSearch,
  query: ApplicationListQuery,
) {
  return searchCatalogue(ctx, catalogue, query, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
}
