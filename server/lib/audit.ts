import { auditEvents } from '../db/schema.ts';
import type { ServiceContext } from './context.ts';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes the audit event with the change it describes: call it with the context of that transaction. */
export async function recordAudit(ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await recordAudits(ctx, [entry]);
}

/** Several events of one change (an import writes one per application) in one statement. */
export async function recordAudits(ctx: ServiceContext, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await ctx.db.insert(auditEvents).values(
    entries.map((entry) => ({
      actorUserId: ctx.actor?.userId ?? null,
      actorOrganisationId: ctx.actor?.organisationId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: ctx.requestId,
    })),
  );
}
