import { auditEvents } from '../db/schema.ts';
import { actingAs, type ServiceContext } from './context.ts';
import { isSystemActor } from './policy.ts';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  /** A transition's name, states and input; merged with the system job's name when the system acts. */
  details?: Record<string, unknown>;
}

/** Writes the audit event with the change it describes: call it with the context of that transaction. */
export async function recordAudit(ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await recordAudits(ctx, [entry]);
}

/** Several events of one change (an import writes one per application) in one statement. */
export async function recordAudits(ctx: ServiceContext, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const actor = actingAs(ctx);
  const system = isSystemActor(actor);
  await ctx.db.insert(auditEvents).values(
    entries.map((entry) => {
      const details = system ? { ...entry.details, job: actor.job } : entry.details;
      return {
        actorUserId: actor && !system ? actor.userId : null,
        actorOrganisationId: actor && !system ? actor.organisationId : null,
        actorKind: system ? ('system' as const) : ('user' as const),
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        before: entry.before ?? null,
        after: entry.after ?? null,
        details: details ?? null,
        requestId: ctx.requestId,
      };
    }),
  );
}
