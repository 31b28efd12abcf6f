import type { OrganisationListQuery } from '../../../common/schemas/organisation.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { findOrganisation, listOrganisations } from './organisations.queries.ts';

/** The directory of the network: every signed-in user reads it (the route checks the session). */
export function listDirectory(ctx: ServiceContext, query: OrganisationListQuery) {
  return listOrganisations(ctx.db, query);
}

export async function getOrganisation(ctx: ServiceContext, id: string) {
  const row = await findOrganisation(ctx.db, id);
  if (!row) throw notFound('Organisme');
  return row;
}
