import type { AuditEventRow } from './audit.queries.ts';

export const presentAuditEvent = ({ event, actor, actorOrganisation, targetLabel }: AuditEventRow) => ({
  id: event.id,
  occurredAt: event.occurredAt.toISOString(),
  actor,
  actorOrganisation,
  action: event.action,
  targetType: event.targetType,
  targetId: event.targetId,
  targetLabel,
  before: event.before,
  after: event.after,
  details: event.details ?? null,
  requestId: event.requestId,
});
