import type { ServiceContext } from '../../lib/context.ts';
import { requireActor } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import {
  listDesignedApplications,
  listUsedApplications,
  readOfficePortfolio,
} from '../organisations/office-applications.queries.ts';
import { findOrganisation } from '../organisations/organisations.queries.ts';
import { readPendingDecisions } from './home.decisions.ts';
import { listSuggestedApplications, readMaintainedSheets, readNetworkFigures } from './home.queries.ts';

/** How many rows each section of the home page shows; the office page and the catalogue list the rest. */
export const HOME_LIMITS = { office: 5, suggestions: 5, sheets: 20, decisions: 20, changes: 10 };

/**
 * The caller's home page: each section only when the policy grants it (deny by default), every list
 * scoped in SQL to the caller's office or, for the network, to live sheets.
 */
export async function getHome(ctx: ServiceContext, authorizer: Authorizer) {
  const actor = requireActor(ctx);
  const organisation = await findOrganisation(ctx.db, actor.organisationId);
  if (!organisation) throw notFound('Organisme');
  const officeId = organisation.id;
  const first = (limit: number) => ({ limit, offset: 0 });
  const office = authorizer.can(actor, 'home.officeApplications')
    ? {
        designed: await listDesignedApplications(ctx.db, officeId, first(HOME_LIMITS.office)),
        used: await listUsedApplications(ctx.db, officeId, first(HOME_LIMITS.office)),
        portfolio: await readOfficePortfolio(ctx.db, officeId),
        suggestions: await listSuggestedApplications(ctx.db, officeId, HOME_LIMITS.suggestions),
      }
    : null;
  const maintenance = authorizer.can(actor, 'home.maintainedSheets')
    ? await readMaintainedSheets(ctx.db, officeId, HOME_LIMITS.sheets)
    : null;
  const decisions = await readPendingDecisions(ctx.db, authorizer, actor, HOME_LIMITS.decisions);
  const network = authorizer.can(actor, 'home.networkFigures')
    ? await readNetworkFigures(ctx.db, HOME_LIMITS.changes)
    : null;
  return { organisation, office, maintenance, decisions, network };
}
export type Home = Awaited<ReturnType<typeof getHome>>;
