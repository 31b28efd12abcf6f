import type {
  CreateRequestBody,
  RequestListQuery,
  UpdateRequestBody,
} from '../../../common/schemas/deployment-request.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError, forbidden, notFound, staleVersion } from '../../lib/errors.ts';
import { describeLifecycles, describeTransitions } from '../../lib/lifecycle.ts';
import { type Actor, type Authorizer, hasRole } from '../../lib/policy.ts';
import { tenantHosting } from '../hosting/hosting.service.ts';
import { followAutomatically } from '../notifications/recipients.queries.ts';
import { requestBinding } from './requests.lifecycle.ts';
import {
  findRequestSummary,
  insertRequest,
  listRequestRows,
  nextRequestReference,
  type RequestRow,
  requestedApplications,
  tenantCounts,
  tenantsOf,
  updateRequestFields,
} from './requests.queries.ts';
import { notInStoreReason } from './store.mapper.ts';
import { requestListScope } from './store.policy.ts';

const access = (row: Pick<RequestRow, 'organisationId' | 'state'>) => ({
  organisationId: row.organisationId,
  state: row.state,
});

/** A new request of the caller's office for an application of the Store, as a draft. */
export async function createRequest(ctx: ServiceContext, authorizer: Authorizer, body: CreateRequestBody) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'deploymentRequest.create');
  return inTransaction(ctx, async (tx) => {
    const app = (await requestedApplications(tx.db, [body.applicationId])).get(body.applicationId);
    if (!app)
      throw new AppError('unprocessable', "Cette application n'existe pas.", {
        errors: [{ field: 'applicationId', message: "Cette application n'existe pas." }],
      });
    // Non-standard, not certified, withdrawn, off AM Cloud: never requestable.
    const reason = notInStoreReason(app);
    if (reason) {
      const detail = `« ${app.name} » n'est pas au Store : seules les applications labellisées ou homologuées hébergées sur AM Cloud peuvent être demandées.`;
      throw new AppError('unprocessable', detail, {
        errors: [{ field: 'applicationId', message: detail }],
        refusal: { code: 'notInStore', params: { reason } },
      });
    }
    const reference = await nextRequestReference(tx.db, new Date().getUTCFullYear());
    const row = await insertRequest(tx.db, {
      reference,
      applicationId: body.applicationId,
      organisationId: actor.organisationId,
      requestedBy: actor.userId,
      expectedUsers: body.expectedUsers,
      wantedOn: body.wantedOn,
      environments: body.environments,
      dataProtection: { ...body.dataProtection, comment: body.dataProtection.comment ?? '' },
    });
    await followAutomatically(tx.db, actor.userId, { type: 'deploymentRequest', id: row.id });
    await recordAudit(tx, {
      action: 'deploymentRequest.create',
      targetType: 'deploymentRequest',
      targetId: row.id,
      before: null,
      after: { ...requestBinding.snapshot(row), reference, applicationId: row.applicationId },
    });
    return row.id;
  });
}

/** Completes a draft or a request returned for changes (its office's agents and developers), at the version read. */
export async function updateRequest(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  body: UpdateRequestBody,
) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const row = await requestBinding.store.load(tx.db, id, { lock: true });
    if (!row) throw notFound('Demande de mise à disposition');
    authorizer.authorize(actor, 'deploymentRequest.read', access(row));
    if (!authorizer.can(actor, 'deploymentRequest.update', access(row)))
      throw forbidden(
        "Seuls les agents et développeurs de l'organisme demandeur complètent une demande, tant qu'elle est en brouillon ou à compléter.",
      );
    const { version, dataProtection, ...fields } = body;
    const values = {
      ...fields,
      ...(dataProtection
        ? { dataProtection: { ...dataProtection, comment: dataProtection.comment ?? '' } }
        : {}),
    };
    const after = await updateRequestFields(tx.db, id, version, values);
    if (!after) throw staleVersion('deploymentRequest');
    await recordAudit(tx, {
      action: 'deploymentRequest.update',
      targetType: 'deploymentRequest',
      targetId: id,
      before: { ...requestBinding.snapshot(row), dataProtection: row.dataProtection },
      after: { ...requestBinding.snapshot(after), dataProtection: after.dataProtection },
    });
  });
}

/** One request with its tenant and what it costs this month, what the caller may do next, and its timeline. */
export async function getRequest(ctx: ServiceContext, authorizer: Authorizer, id: string, now: Date) {
  const actor = requireActor(ctx);
  const summary = await findRequestSummary(ctx.db, id);
  if (!summary) throw notFound('Demande de mise à disposition');
  authorizer.authorize(actor, 'deploymentRequest.read', access(summary.request));
  const row = summary.request;
  const [[transitions = []], lifecycles, tenant, apps] = await Promise.all([
    describeTransitions(ctx, authorizer, [requestBinding], [row]),
    describeLifecycles(ctx, [requestBinding], row, row.createdAt),
    tenantsOf(ctx.db, { requestIds: [id] }),
    requestedApplications(ctx.db, [row.applicationId]),
  ]);
  const hosting = tenant[0] ? await tenantHosting(ctx, tenant[0].tenant, now) : null;
  return {
    summary,
    transitions,
    lifecycles,
    tenant: tenant[0] ?? null,
    hosting,
    personalData: apps.get(row.applicationId)?.personalData ?? false,
    can: { update: authorizer.can(actor, 'deploymentRequest.update', access(row)) },
  };
}

/**
 * Requests under the caller's scope: the office's own, or all of them nationally. The director's queue
 * is the office's submitted requests; the DDSI's, the approved ones and the failed provisionings.
 */
export async function listRequests(ctx: ServiceContext, authorizer: Authorizer, query: RequestListQuery) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'deploymentRequest.read');
  const page = { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
  const filters = queueFilters(actor, authorizer, query);
  return listRequestRows(ctx.db, requestListScope(actor), filters, page);
}

function queueFilters(actor: Actor, authorizer: Authorizer, query: RequestListQuery) {
  const base = { applicationId: query.applicationId, state: query.state as string | undefined };
  if (!query.queue) return base;
  if (query.queue === 'mine') return { ...base, organisationId: actor.organisationId };
  if (!authorizer.can(actor, 'deploymentRequest.queue')) throw forbidden();
  if (query.queue === 'director') {
    if (!hasRole(actor, 'officeDirector'))
      throw forbidden("La file du directeur est celle des directeurs d'organisme.");
    return { ...base, organisationId: actor.organisationId, state: query.state ?? 'submitted' };
  }
  if (!hasRole(actor, 'itDirectorate')) throw forbidden('La file de validation est celle de la DDSI.');
  return { ...base, state: query.state ?? ['approved', 'provisioningFailed'] };
}

/** The tenants of an application, every office's (the DDSI, governance, administrators). */
export async function listTenants(ctx: ServiceContext, authorizer: Authorizer, applicationId: string) {
  authorizer.authorize(requireActor(ctx), 'tenant.read');
  return tenantsOf(ctx.db, { applicationId });
}

/** Where provisioning goes: the platform or the built-in simulator, the webhook, and the tenants by status. */
export async function provisioningStatus(
  ctx: ServiceContext,
  authorizer: Authorizer,
  client: { mode: 'platform' | 'simulator'; url: string | null },
  config: { publicUrl: string; amCloudWebhookSecret: string | undefined; amCloudSimulatorDelayMs: number },
) {
  authorizer.authorize(requireActor(ctx), 'provisioning.read');
  const counts = await tenantCounts(ctx.db);
  return {
    mode: client.mode,
    url: client.url,
    webhookUrl: `${config.publicUrl}/api/provisioning/webhook`,
    webhookSecretSet: Boolean(config.amCloudWebhookSecret),
    simulatorDelaySeconds: client.mode === 'simulator' ? config.amCloudSimulatorDelayMs / 1000 : null,
    tenants: {
      requested: counts.get('requested') ?? 0,
      provisioning: counts.get('provisioning') ?? 0,
      live: counts.get('live') ?? 0,
      failed: counts.get('failed') ?? 0,
      suspended: counts.get('suspended') ?? 0,
      removed: counts.get('removed') ?? 0,
    },
  };
}
