import type { RequestDto, RequestSummaryDto, TenantDto } from '../../../common/schemas/deployment-request.ts';
import { presentOrganisationSummary } from '../organisations/organisations.presenter.ts';
import type { RequestSummaryRow, TenantWithNames } from './requests.queries.ts';
import type { getRequest } from './requests.service.ts';

const iso = (value: Date | string | null) =>
  value === null ? null : (value instanceof Date ? value : new Date(value)).toISOString();

export function presentRequestSummary(row: NonNullable<RequestSummaryRow>): RequestSummaryDto {
  const { request } = row;
  return {
    id: request.id,
    reference: request.reference,
    application: row.application,
    organisation: presentOrganisationSummary(row.organisation),
    requestedBy: row.requestedBy,
    state: request.state,
    expectedUsers: request.expectedUsers,
    wantedOn: request.wantedOn,
    environments: request.environments,
    createdAt: iso(request.createdAt) as string,
    updatedAt: iso(request.updatedAt) as string,
  };
}

export function presentTenant(row: TenantWithNames): TenantDto {
  const { tenant } = row;
  return {
    id: tenant.id,
    requestId: tenant.requestId,
    application: row.application,
    organisation: presentOrganisationSummary(row.organisation),
    environments: tenant.environments,
    declaredUsers: tenant.declaredUsers,
    status: tenant.status,
    externalId: tenant.externalId,
    accessUrl: tenant.accessUrl,
    attempts: tenant.attempts,
    lastError: tenant.lastError,
    liveAt: iso(tenant.liveAt),
    pendingOperation: tenant.pendingOperation,
    suspendedAt: iso(tenant.suspendedAt),
    removedAt: iso(tenant.removedAt),
    dataExportUrl: tenant.dataExportUrl,
    dataRetainedUntil: iso(tenant.dataRetainedUntil),
    createdAt: iso(tenant.createdAt) as string,
  };
}

export function presentRequest(view: Awaited<ReturnType<typeof getRequest>>): RequestDto {
  const { request } = view.summary;
  return {
    ...presentRequestSummary(view.summary),
    dataProtection: {
      dpoInformed: request.dataProtection.dpoInformed,
      processingRegisterUpdated: request.dataProtection.processingRegisterUpdated,
      cnilFormalitiesDone: request.dataProtection.cnilFormalitiesDone,
      comment: request.dataProtection.comment,
    },
    personalData: view.personalData,
    version: request.version,
    tenant: view.tenant && presentTenant(view.tenant),
    hosting: view.hosting,
    can: view.can,
    transitions: view.transitions,
    lifecycles: view.lifecycles,
  };
}
