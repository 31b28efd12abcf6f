import type { z } from 'zod';
import {
  DEFAULT_CADENCE,
  EVENT_KINDS,
  type FollowTarget,
  handleOf,
  OPEN_FOLLOW_TARGETS,
} from '../../../common/notifications.ts';
import type {
  followTargetSchema,
  markReadSchema,
  notificationListQuerySchema,
  notificationPreferencesInputSchema,
} from '../../../common/schemas/notifications.ts';
import { MENTION_SUGGESTIONS } from '../../../common/schemas/notifications.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import {
  cancelPendingEmails,
  kindsAtCadence,
  listFollows,
  preferencesOf,
  savePreferences,
  setFollow,
  setMute,
  targetLabel,
  userExists,
} from './follows.queries.ts';
import { countUnread, listNotifications, markRead } from './notifications.queries.ts';
import { suggestMentions } from './recipients.queries.ts';
import { readUnsubscribeToken } from './unsubscribe.ts';

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

const NOT_FOUND: Partial<Record<FollowTarget, string>> = {
  project: 'Ce projet est introuvable.',
  application: 'Cette application est introuvable.',
  deploymentRequest: 'Cette demande de mise à disposition est introuvable.',
  call: 'Cet appel à projets est introuvable.',
  boardItem: 'Ce point soumis à l’instance est introuvable.',
  hostingBudget: 'Ce budget d’hébergement est introuvable.',
  club: 'Ce club utilisateurs est introuvable.',
};

async function existingTarget(ctx: ServiceContext, input: TargetInput) {
  const target = targetOf(input);
  if ((await targetLabel(ctx.db, target)) === null)
    throw new AppError('notFound', NOT_FOUND[target.type] ?? 'Cet élément est introuvable.');
  return target;
}

/** Follows a project or an application, or stops following it (kept, so automatic follows leave it be). */
export async function changeFollow(ctx: ServiceContext, input: TargetInput, following: boolean) {
  const actor = requireActor(ctx);
  const target = await existingTarget(ctx, input);
  // A ticket or an application to become referent is heard by its parties only: one may leave it, not join it.
  if (following && !OPEN_FOLLOW_TARGETS.includes(target.type))
    throw new AppError(
      'unprocessable',
      'Ce fil se suit seulement par ceux qu’il concerne : il ne se suit pas à la main.',
      {
        errors: [{ field: 'targetType', message: 'Ce type ne se suit pas à la main.' }],
      },
    );
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

/**
 * The one-click unsubscribe of an e-mail, without a session: the signed link names the person and what
 * stops (a kind, or a digest's kinds), which goes to `never` — as do their notifications still waiting
 * for a digest. Answers the kinds now at `never` (a link may be used twice: the second changes nothing).
 */
export async function unsubscribeByLink(ctx: ServiceContext, token: string) {
  const link = await readUnsubscribeToken(ctx.db, token);
  if (!link)
    throw new AppError(
      'badRequest',
      'Ce lien de désinscription n’est pas valide : il a peut-être été coupé ou modifié. Copiez-le en entier depuis l’e-mail, ou choisissez vos e-mails depuis la page « Préférences de notification ».',
      { errors: [{ field: 'token', message: 'Le jeton du lien de désinscription n’est pas valide.' }] },
    );
  if (!(await userExists(ctx.db, link.userId)))
    throw new AppError('notFound', 'Le compte de ce lien n’existe plus : aucun e-mail ne lui est envoyé.');
  return inTransaction(ctx, async (tx) => {
    const kinds =
      link.scope === 'daily' || link.scope === 'weekly'
        ? (await kindsAtCadence(tx.db, link.userId, link.scope)).sort(
            (a, b) => EVENT_KINDS.indexOf(a) - EVENT_KINDS.indexOf(b),
          )
        : [link.scope];
    await savePreferences(
      tx.db,
      link.userId,
      kinds.map((kind) => ({ kind, cadence: 'never' as const })),
    );
    await cancelPendingEmails(tx.db, link.userId, kinds);
    return { scope: link.scope, kinds };
  });
}

/** Whom `@` followed by these letters may name: for the completion of mentions in the web. */
export async function mentionSuggestions(ctx: ServiceContext, typed: string) {
  const actor = requireActor(ctx);
  return suggestMentions(ctx.db, handleOf(typed.replace(/’/g, "'")), actor.userId, MENTION_SUGGESTIONS);
}
