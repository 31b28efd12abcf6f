import type { AuditListQuery } from '../../../common/schemas/audit.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { listAuditEvents, listAuditVocabulary } from './audit.queries.ts';

/** The journal, newest first; only the route's `audit.read` ability guards it (the whole network). */
export function listJournal(ctx: ServiceContext, query: AuditListQuery) {
  return listAuditEvents(ctx.db, query);
}

/** The actions and target types present in the journal, to filter on. */
export function listJournalVocabulary(ctx: ServiceContext) {
  return listAuditVocabulary(ctx.db);
}
