import {
  type DeploymentFacts,
  type DeploymentTransition,
  deploymentRequestLifecycle,
} from '../../../common/lifecycles/deployment-request.ts';
import type { DeploymentState } from '../../../common/store/vocabulary.ts';
import type { TxContext } from '../../lib/context.ts';
import type { AppliedTransition, LifecycleBinding } from '../../lib/lifecycle.ts';
import { refreshUsageCounts } from '../catalog/usages/usages.queries.ts';
import { requestTransitioned } from './requests.events.ts';
import {
  declareTenantUsage,
  type RequestRow,
  requestedApplications,
  requestStore,
  requestTenant,
  tenantOfRequest,
  updateTenant,
} from './requests.queries.ts';
import { notInStoreReason } from './store.mapper.ts';
import { liveRequestOf } from './store.queries.ts';

export type RequestBinding = LifecycleBinding<
  DeploymentState,
  DeploymentTransition,
  DeploymentFacts,
  RequestRow
>;

const complete = (row: RequestRow) =>
  row.dataProtection.dpoInformed &&
  row.dataProtection.processingRegisterUpdated &&
  row.dataProtection.cnilFormalitiesDone;

/** What a transition does besides moving the state, in its transaction. */
async function effects(ctx: TxContext, change: AppliedTransition<DeploymentState, RequestRow, unknown>) {
  const request = change.after;
  // Validated (or to be retried): the tenant is asked of the platform by the provisioning job.
  if (change.to === 'validated') await requestTenant(ctx.db, request);
  const tenant = await tenantOfRequest(ctx.db, request.id);
  // Suspension, resumption, removal: asked of the platform by the provisioning job after commit.
  const operation = { suspended: 'suspend', available: 'resume', removed: 'remove' } as const;
  if (tenant && (change.to === 'suspended' || change.to === 'removed' || change.from === 'suspended')) {
    const exportData = (change.input as { exportData?: boolean } | undefined)?.exportData ?? false;
    await updateTenant(ctx.db, tenant.id, {
      pendingOperation: operation[change.to as keyof typeof operation],
      exportRequested: change.to === 'removed' ? exportData : tenant.exportRequested,
      attempts: 0,
      nextAttemptAt: null,
      lastError: null,
    });
  } else if (change.to === 'available' && tenant) {
    await updateTenant(ctx.db, tenant.id, { status: 'live', liveAt: new Date(), lastError: null });
    // The office uses the application from now on: it counts among its users (sheet, map, facets).
    await declareTenantUsage(ctx.db, request);
    await refreshUsageCounts(ctx.db, [request.applicationId]);
  }
  if (change.to === 'provisioningFailed' && tenant) {
    const reason = (change.input as { reason?: string } | undefined)?.reason ?? null;
    await updateTenant(ctx.db, tenant.id, { status: 'failed', lastError: reason });
  }
  await requestTransitioned(ctx, request, change.to);
}

/**
 * Deployment requests: the requesting office's agents and developers submit and cancel, its director
 * approves, the DDSI validates, the platform (the system actor of the provisioning job) provisions and
 * makes available. The guards read the requested application (still in the Store?), the data
 * protection answers, and the office's other requests.
 */
export const requestBinding: RequestBinding = {
  definition: deploymentRequestLifecycle,
  notFoundLabel: 'Demande de mise à disposition',
  staleSubject: 'deploymentRequest',
  store: requestStore,
  idOf: (row) => row.id,
  parties: (row) => ({ requestingOffice: [row.organisationId] }),
  async facts(ctx, rows) {
    const apps = await requestedApplications(
      ctx.db,
      rows.map((r) => r.applicationId),
    );
    return Promise.all(
      rows.map(async (row) => {
        const app = apps.get(row.applicationId);
        return {
          notInStore: app ? notInStoreReason(app) : 'notCertified',
          personalData: app?.personalData ?? false,
          dataProtectionComplete: complete(row),
          otherLiveRequest:
            (await liveRequestOf(ctx.db, row.applicationId, row.organisationId, row.id)) !== null,
        };
      }),
    );
  },
  snapshot: (row) => ({ state: row.state, version: row.version, expectedUsers: row.expectedUsers }),
  effects,
};
