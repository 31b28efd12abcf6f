import { DEFAULT_CADENCE, type PortalEvent } from '../../../common/notifications.ts';
import type { DeliveredMessage } from '../../jobs/outbox.ts';
import type { TxContext } from '../../lib/context.ts';
import { cadencesFor, enqueueMany, insertNotifications, notifyUsers } from './notifications.queries.ts';
import { recipientsOf } from './recipients.ts';

/** The outbox topic of one immediate e-mail (notifications.mail.ts sends it). */
export const EMAIL_TOPIC = 'notification.email';

/**
 * The outbox handler of events: writes one in-app notification per recipient, one e-mail job per
 * recipient who wants it at once (the others wait for their digest), and tells the live streams — all in
 * the transaction that marks the event delivered, so a crash leaves it whole for the next run.
 */
export async function fanOutEvent(ctx: TxContext, message: DeliveredMessage) {
  const event = message.payload as unknown as PortalEvent;
  const recipients = await recipientsOf(ctx.db, event);
  if (recipients.length === 0) return;
  const cadences = await cadencesFor(
    ctx.db,
    recipients.map((r) => r.userId),
    event.kind,
  );
  const now = new Date();
  const written = await insertNotifications(
    ctx.db,
    recipients.map((r) => ({
      userId: r.userId,
      eventId: message.id,
      kind: event.kind,
      actorId: event.actorId,
      targetType: event.target.type,
      targetId: event.target.id,
      targetLabel: event.target.label,
      params: event.params,
      reason: r.reason,
      emailCadence: cadences.get(r.userId) ?? DEFAULT_CADENCE,
      // Handed to the outbox now for those who want it at once; a digest takes the others later.
      emailedAt: (cadences.get(r.userId) ?? DEFAULT_CADENCE) === 'immediate' ? now : null,
    })),
  );
  await enqueueMany(
    ctx.db,
    EMAIL_TOPIC,
    written.filter((n) => n.emailCadence === 'immediate').map((n) => ({ notificationIds: [n.id] })),
    ctx.requestId,
  );
  await notifyUsers(
    ctx.db,
    written.map((n) => n.userId),
  );
}
