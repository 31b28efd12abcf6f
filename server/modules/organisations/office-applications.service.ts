import type { OfficeApplicationsQuery } from '../../../common/schemas/office.ts';
import type { ServiceContext } from '../../lib/context.ts';
import {
  listDesignedApplications,
  listUsedApplications,
  readOfficePortfolio,
} from './office-applications.queries.ts';
import { getOrganisation } from './organisations.service.ts';

/**
 * What an office designs and uses. The catalogue and its usages are read by every signed-in member
 * (application.read), so an office's portfolio is too; archived sheets are left out, as in the lists.
 */
const LISTS = { designed: listDesignedApplications, used: listUsedApplications };
const bounds = (query: OfficeApplicationsQuery) => ({
  limit: query.pageSize,
  offset: (query.page - 1) * query.pageSize,
});

/** One page of the applications the office designs, or of those it declares it uses. */
export async function listOfficeApplications<R extends keyof typeof LISTS>(
  ctx: ServiceContext,
  organisationId: string,
  relation: R,
  query: OfficeApplicationsQuery,
): Promise<Awaited<ReturnType<(typeof LISTS)[R]>>> {
  await getOrganisation(ctx, organisationId);
  return (await LISTS[relation](ctx.db, organisationId, bounds(query))) as Awaited<
    ReturnType<(typeof LISTS)[R]>
  >;
}

export async function getOfficePortfolio(ctx: ServiceContext, organisationId: string) {
  await getOrganisation(ctx, organisationId);
  return readOfficePortfolio(ctx.db, organisationId);
}
