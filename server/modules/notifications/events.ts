import type { PortalEvent } from '../../../common/notifications.ts';
import { enqueueOutbox } from '../../jobs/outbox.queries.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { followAutomatically } from './recipients.queries.ts';

/** The outbox topic of events; its handler writes the notifications (notifications.fanout.ts). */
export const EVENT_TOPIC = 'event';

/** Requests that emitted an event: the outbox is nudged once their answer is ready (see app.ts). */
const requestsWithEvents = new Set<string>();

/**
 * Emits an event in the transaction of the change that causes it: it is delivered after commit, or not
 * at all when the change rolls back. The actor (the signed-in person unless said) follows the thread
 * from now on, unless they unfollowed it before.
 */
export async function emitEvent(
  ctx: ServiceContext,
  event: Omit<PortalEvent, 'actorId'> & { actorId?: string | null },
) {
  const actorId = event.actorId === undefined ? (ctx.actor?.userId ?? null) : event.actorId;
  if (actorId) await followAutomatically(ctx.db, actorId, event.target);
  await enqueueOutbox(ctx, { topic: EVENT_TOPIC, payload: { ...event, actorId } });
  if (ctx.requestId && !ctx.system) requestsWithEvents.add(ctx.requestId);
}

/** Whether this request emitted an event (asked once: the answer forgets it). */
export function emittedEvents(requestId: string) {
  return requestsWithEvents.delete(requestId);
}
