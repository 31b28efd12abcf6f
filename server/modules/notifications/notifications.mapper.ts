import type { SentenceValues } from '../../../common/notifications.ts';
import type { NotificationRow } from './notifications.queries.ts';

/** What a notification's sentence is built from (the page, the bell and the e-mails word it alike). */
export const sentenceValues = (row: NotificationRow): SentenceValues => ({
  params: row.params,
  target: row.targetLabel,
  actor: row.actorName,
});
