import type { DeploymentState } from '../../../common/store/vocabulary.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { emitEvent } from '../notifications/events.ts';
import { findOrganisationByCode } from '../organisations/organisations.queries.ts';
import type { RequestRow } from './requests.queries.ts';

/** The office of the DDSI, which validates requests and follows provisioning. */
const DDSI_CODE = 'CNAM-DDSI';

/**
 * Who acts next once a request reached a state: the office's director once submitted, the DDSI once
 * approved (or when provisioning failed), the requester otherwise (validated, provisioning, available,
 * returned, refused). Followers of the request hear of every step besides.
 */
async function nextParty(ctx: ServiceContext, request: RequestRow, to: DeploymentState) {
  if (to === 'submitted') return { organisationIds: [request.organisationId], roles: ['officeDirector'] };
  if (to === 'approved' || to === 'provisioningFailed') {
    const ddsi = await findOrganisationByCode(ctx.db, DDSI_CODE);
    return {
      userIds: to === 'provisioningFailed' ? [request.requestedBy] : [],
      organisationIds: ddsi ? [ddsi.id] : [],
      roles: ['itDirectorate'],
    };
  }
  if (to === 'cancelled') return { organisationIds: [request.organisationId], roles: ['officeDirector'] };
  return { userIds: [request.requestedBy] };
}

/** Emitted by every transition of a request, in its transaction: the next party hears of it. */
export async function requestTransitioned(ctx: ServiceContext, request: RequestRow, to: DeploymentState) {
  await emitEvent(ctx, {
    kind: 'deploymentRequest.transitioned',
    target: { type: 'deploymentRequest', id: request.id, label: request.reference },
    params: { to },
    parties: await nextParty(ctx, request, to),
  });
}
