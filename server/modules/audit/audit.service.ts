import type { AuditListQuery } from '../../../common/schemas/audit.ts';
import { requireActor, type ServiceContext } from '../../lib/context.ts';
import { auditScope } from './audit.policy.ts';
import { listAuditEvents, listAuditVocabulary } from './audit.queries.ts';

/** The journal, newest first, as far as the actor's scope reaches (the whole network, or what it owns). */
export function listJournal(ctx: ServiceContext, query: AuditListQuery) {
  return listAuditEvents(ctx.db, auditScope(requireActor(ctx)), query);
}

/** The actions and target types present in the part of the journal the actor reads, to filter on. */
export function listJournalVocabulary(ctx: ServiceContext) {
  return listAuditVocabulary(ctx.db, auditScope(requireActor(ctx)));
}
