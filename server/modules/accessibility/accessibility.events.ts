import { excerpt } from '../../../common/notifications.ts';
import { reportReference } from '../../../common/schemas/accessibility.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { emitEvent } from '../notifications/events.ts';
import { peopleWithRoles } from '../notifications/recipients.queries.ts';
import type { ReportRow } from './accessibility.queries.ts';

/**
 * A report received: every administrator hears of it (in the portal and by e-mail, at their cadence).
 * Nobody acts as far as the notifications know — the sender may have no account, and one who has must
 * not follow a thread only administrators open.
 */
export async function reportReceived(ctx: ServiceContext, report: ReportRow) {
  await emitEvent(ctx, {
    kind: 'accessibilityReport.received',
    actorId: null,
    target: { type: 'accessibilityReport', id: report.id, label: reportReference(report.id) },
    params: { pageUrl: excerpt(report.pageUrl, 120), excerpt: excerpt(report.description) },
    parties: { userIds: await peopleWithRoles(ctx.db, ['admin']) },
  });
}
