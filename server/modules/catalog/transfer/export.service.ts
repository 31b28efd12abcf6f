import type { ApplicationFilters } from '../../../../common/schemas/application-search.ts';
import { requireActor, type ServiceContext } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { findApplications } from '../applications/applications.queries.ts';
import { searchCatalogue } from '../search/search.service.ts';
import type { CatalogueSearch } from '../search/search.sync.ts';
import { listUsages } from '../usages/usages.service.ts';

export const MAX_EXPORT_ROWS = 100_000;

/** The applications matching the list's filters, in the list's order. */
export async function exportApplications(
  ctx: ServiceContext,
  catalogue: CatalogueSearch,
  filters: ApplicationFilters,
) {
  const { ids } = await searchCatalogue(ctx, catalogue, filters, { offset: 0, limit: MAX_EXPORT_ROWS });
  return findApplications(ctx.db, ids);
}

/** What a publiccode.yml says of an application: the application and the names of the offices using it. */
export async function getPubliccodeSource(ctx: ServiceContext, id: string) {
  requireActor(ctx);
  const [application] = await findApplications(ctx.db, [id]);
  if (!application) throw notFound('Application');
  const usingOffices = (await listUsages(ctx, id)).map((u) => u.organisation.name);
  return { application, usingOffices };
}
