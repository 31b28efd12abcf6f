import {
  type ApplicationFilters,
  type ApplicationListQuery,
  SAME_NAME_SHOWN,
} from '../../../../common/schemas/application-search.ts';
import { requireActor, type ServiceContext } from '../../../lib/context.ts';
import { searchIndex } from './search.evaluate.ts';
import type { CatalogueIndex } from './search.index.ts';
import { cachedResult, searchKey } from './search.results.ts';
import type { CatalogueSearch } from './search.sync.ts';
import { queryClauses } from './search.terms.ts';
import type { QueryClause } from './search.text.ts';

/**
 * The applications matching a query, in order, from the in-memory index brought up to date first: the
 * words of the query become PostgreSQL's lexemes (search.terms.ts, kept per word), then the text, the
 * facets, the order and the cards all come from memory.
 */
function searchOn(
  index: CatalogueIndex,
  clauses: QueryClause[] | null,
  query: ApplicationFilters,
  page: { offset: number; limit: number },
) {
  const matches = clauses ? index.text.match(clauses) : null;
  const result = searchIndex(index, query, matches, query.sort ?? (clauses ? 'relevance' : 'name'), page);
  return {
    ...result,
    ids: result.order.map((i) => index.idAt(i)),
    cards: result.order.map((i) => index.cardAt(i)),
    sameName: result.order.map((i) => index.sameNameAt(i, SAME_NAME_SHOWN)),
  };
}

export type SearchPage = ReturnType<typeof searchOn>;

/** Every application matching the filters (up to `page.limit`), in order: the export. */
export async function searchCatalogue(
  ctx: ServiceContext,
  catalogue: CatalogueSearch,
  query: ApplicationFilters,
  page: { offset: number; limit: number },
) {
  requireActor(ctx);
  const index = await catalogue.fresh();
  return searchOn(index, await queryClauses(catalogue.db, query.q, catalogue.terms), query, page);
}

/**
 * One page of the catalogue, with the facet counts, as `render` makes it: what it returns is kept with
 * the index version (search.results.ts), so that the same page asked again before the catalogue changes
 * is neither searched nor rendered again. The page does not depend on who asks (every signed-in user
 * reads the whole catalogue).
 */
export async function listApplications<T>(
  ctx: ServiceContext,
  catalogue: CatalogueSearch,
  query: ApplicationListQuery,
  render: (page: SearchPage) => T,
): Promise<T> {
  requireActor(ctx);
  const index = await catalogue.fresh();
  const clauses = await queryClauses(catalogue.db, query.q, catalogue.terms);
  const page = { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
  return cachedResult(index, catalogue.resultsKept, searchKey(query, page), () =>
    render(searchOn(index, clauses, query, page)),
  );
}
