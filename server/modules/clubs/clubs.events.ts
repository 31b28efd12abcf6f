import type { ServiceContext } from '../../lib/context.ts';
import { emitEvent } from '../notifications/events.ts';
import { contactIds, type WishSubject } from './clubs.queries.ts';

/**
 * The events of a club, emitted in the transaction of each step, heard by the contacts of its member
 * offices (and, for an answer to a wish, its author): a news post, a meeting, the designer's answer.
 */

const target = (application: { id: string; name: string }) => ({
  type: 'club' as const,
  id: application.id,
  label: application.name,
});

export async function clubPostPublished(
  ctx: ServiceContext,
  application: { id: string; name: string },
  title: string,
) {
  await emitEvent(ctx, {
    kind: 'club.postPublished',
    target: target(application),
    params: { title },
    parties: { userIds: await contactIds(ctx.db, application.id) },
  });
}

export async function clubMeetingScheduled(
  ctx: ServiceContext,
  application: { id: string; name: string },
  meeting: { title: string; heldOn: string },
) {
  await emitEvent(ctx, {
    kind: 'club.meetingScheduled',
    target: target(application),
    params: { title: meeting.title, date: meeting.heldOn.split('-').reverse().join('/') },
    parties: { userIds: await contactIds(ctx.db, application.id) },
  });
}

export async function clubWishAnswered(ctx: ServiceContext, wish: WishSubject) {
  const contacts = await contactIds(ctx.db, wish.applicationId);
  await emitEvent(ctx, {
    kind: 'clubWish.answered',
    target: target({ id: wish.applicationId, name: wish.applicationName }),
    params: {
      title: wish.title,
      to: wish.state,
      plannedVersion: wish.plannedVersion ?? '',
      reason: wish.declineReason ?? '',
    },
    parties: { userIds: [wish.authorId, ...contacts] },
  });
}
