import type { z } from 'zod';
import { DEFAULT_CADENCE, EVENT_KINDS, type FollowTarget } from '../../../common/notifications.ts';
import type {
  followTargetSchema,
  markReadSchema,
  notificationListQuerySchema,
  notificationPreferencesInputSchema,
} from '../../../common/schemas/notifications.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import {
  listFollows,
  preferencesOf,
  savePreferences,
  setFollow,
  setMute,
  targetLabel,
} from './follows.queries.ts';
import { countUnread, listNotifications, markRead } from './notifications.queries.ts';

export async function myNotifications(
  ctx: ServiceContext,
  query: z.infer<typeof notificationListQuerySchema>,
) {
  const actor = requireActor(ctx);
  const page = await listNotifications(ctx.db, actor.userId, query);
  return { ...page, unread: await countUnread(ctx.db, actor.userId) };
}

export async function unreadCount(ctx: ServiceContext) {
  return countUnread(ctx.db, requireActor(ctx).userId);
}

/** Marks read some of one's notifications, or all; answers how many stay unread. */
export async function markNotificationsRead(
  ctx: ServiceContext,
  body: z.infer<typeof markReadSchema>,
  now: Date,
) {
  const actor = requireActor(ctx);
  await markRead(ctx.db, actor.userId, body.all ? 'all' : (body.ids ?? []), now);
  return countUnread(ctx.db, actor.userId);
}

/** Every kind of event with the cadence of its e-mails (immediate when never chosen). */
export async function myPreferences(ctx: ServiceContext) {
  const chosen = await preferencesOf(ctx.db, requireActor(ctx).userId);
  return EVENT_KINDS.map((kind) => ({ kind, cadence: chosen.get(kind) ?? DEFAULT_CADENCE }));
}

export async function updateMyPreferences(
  ctx: ServiceContext,
  body: z.infer<typeof notificationPreferencesInputSchema>,
) {
  const actor = requireActor(ctx);
  const kinds = body.items.map((item) => item.kind);
  const repeated = kinds.find((kind, i) => kinds.indexOf(kind) !== i);
  if (repeated)
    throw new AppError('badRequest', `Le type ${repeated} est donné deux fois : une préférence par type.`, {
      errors: [{ field: 'items', message: `Le type ${repeated} est donné deux fois.` }],
    });
  await savePreferences(ctx.db, actor.userId, body.items);
  return myPreferences(ctx);
}

type TargetInput = z.infer<typeof followTargetSchema>;
const targetOf = (input: TargetInput) => ({ type: input.targetType as FollowTarget, id: input.targetId });

async function existingTarget(ctx: ServiceContext, input: TargetInput) {
  const target = targetOf(input);
  if ((await targetLabel(ctx.db, target)) === null)
    throw new AppError(
      'notFound',
      target.type === 'call'
        ? 'Cet appel à projets est introuvable.'
        : target.type === 'project'
          ? 'Ce projet est introuvable.'
          : 'Cette application est introuvable.',
    );
  return target;
}

/** Follows a project or an application, or stops following it (kept, so automatic follows leave it be). */
export async function changeFollow(ctx: ServiceContext, input: TargetInput, following: boolean) {
  const actor = requireActor(ctx);
  const target = await existingTarget(ctx, input);
  await inTransaction(ctx, (tx) => setFollow(tx.db, actor.userId, target, following));
}

/** Mutes a thread (nothing more is heard of it, whatever the reason) or lets it be heard again. */
export async function changeMute(ctx: ServiceContext, input: TargetInput, muted: boolean) {
  const actor = requireActor(ctx);
  const target = await existingTarget(ctx, input);
  await setMute(ctx.db, actor.userId, target, muted);
}

export async function myFollows(ctx: ServiceContext) {
  return listFollows(ctx.db, requireActor(ctx).userId);
}
