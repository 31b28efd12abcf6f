import { z } from 'zod';
import { EMAIL_CADENCES, EVENT_KINDS, FOLLOW_TARGETS, RECIPIENT_REASONS } from '../notifications.ts';
import { pageNumber, pageSize } from './common.ts';

const localized = z.object({ fr: z.string(), en: z.string() });

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(EVENT_KINDS),
    /** The sentence in both languages (the web shows the reader's). */
    text: localized,
    /** Where it leads in the web app. */
    link: z.string(),
    target: z.object({ type: z.enum(FOLLOW_TARGETS), id: z.uuid(), label: z.string() }),
    actor: z.string().nullable(),
    reason: z.enum(RECIPIENT_REASONS),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type NotificationDto = z.infer<typeof notificationSchema>;

export const notificationPageSchema = z
  .object({ items: z.array(notificationSchema), total: z.number().int(), unread: z.number().int() })
  .meta({ id: 'NotificationPage' });
export type NotificationPageDto = z.infer<typeof notificationPageSchema>;

export const notificationListQuerySchema = z.object({
  unread: z
    .enum(['true', 'false'], { error: 'unread vaut true ou false.' })
    .transform((v) => v === 'true')
    .optional(),
  kind: z.enum(EVENT_KINDS, { error: "Ce type d'événement n'existe pas." }).optional(),
  page: pageNumber,
  pageSize: pageSize(100, 20),
});

export const markReadSchema = z
  .object({
    ids: z
      .array(z.uuid({ error: "L'identifiant d'une notification n'est pas valide." }), {
        error: 'ids est une liste d’identifiants de notifications.',
      })
      .min(1, { error: 'Donnez au moins une notification à marquer comme lue.' })
      .max(500, { error: 'On marque au plus 500 notifications à la fois.' })
      .optional(),
    all: z.literal(true, { error: 'all vaut true (toutes les notifications).' }).optional(),
  })
  .refine((body) => (body.ids === undefined) !== (body.all === undefined), {
    error: 'Donnez soit ids (les notifications à marquer comme lues), soit all: true.',
    path: ['ids'],
  });

export const unreadCountSchema = z.object({ unread: z.number().int() }).meta({ id: 'UnreadCount' });

export const notificationPreferencesSchema = z
  .object({
    items: z.array(z.object({ kind: z.enum(EVENT_KINDS), cadence: z.enum(EMAIL_CADENCES) })),
    /** Whether e-mail really leaves (an SMTP server is configured) or only reaches the log. */
    emailDelivered: z.boolean(),
  })
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferencesDto = z.infer<typeof notificationPreferencesSchema>;

export const notificationPreferencesInputSchema = z.object({
  items: z
    .array(
      z.object({
        kind: z.enum(EVENT_KINDS, { error: "Ce type d'événement n'existe pas." }),
        cadence: z.enum(EMAIL_CADENCES, { error: 'La fréquence vaut immediate, daily, weekly ou never.' }),
      }),
      { error: 'items est la liste des préférences (kind, cadence).' },
    )
    .max(EVENT_KINDS.length, { error: `Au plus ${EVENT_KINDS.length} préférences, une par type.` }),
});

export const followTargetSchema = z.object({
  targetType: z.enum(FOLLOW_TARGETS, {
    error: 'Le type suivi vaut project, application, deploymentRequest, call ou hostingBudget.',
  }),
  targetId: z.uuid({ error: "L'identifiant de l'objet suivi n'est pas valide." }),
});

export const followSchema = z
  .object({
    targetType: z.enum(FOLLOW_TARGETS),
    targetId: z.uuid(),
    label: z.string(),
    link: z.string(),
    following: z.boolean(),
    automatic: z.boolean(),
    muted: z.boolean(),
    since: z.string(),
  })
  .meta({ id: 'Follow' });
export type FollowDto = z.infer<typeof followSchema>;
export const followListSchema = z.object({ items: z.array(followSchema) }).meta({ id: 'FollowList' });

/** The signed link of an e-mail's one-click unsubscribe (no session needed). */
export const unsubscribeQuerySchema = z.object({
  token: z
    .string({ error: 'Le lien de désinscription est incomplet : le jeton manque.' })
    .min(1, { error: 'Le lien de désinscription est incomplet : le jeton manque.' })
    .max(1000, { error: 'Le jeton du lien de désinscription est trop long.' })
    .regex(/^[A-Za-z0-9_.-]+$/, { error: 'Le jeton du lien de désinscription n’est pas valide.' }),
});
/** What stopped: a kind of event, or a digest (its cadence) and the kinds it carried. */
export const unsubscribeResultSchema = z
  .object({
    scope: z.union([z.enum(EVENT_KINDS), z.enum(['daily', 'weekly'])]),
    kinds: z.array(z.enum(EVENT_KINDS)),
  })
  .meta({ id: 'UnsubscribeResult' });
export type UnsubscribeResultDto = z.infer<typeof unsubscribeResultSchema>;

/** The letters typed after `@`: the start of a first name, a last name or a whole handle. */
export const mentionQuerySchema = z.object({
  q: z
    .string({ error: 'Tapez le début d’un nom après @.' })
    .trim()
    .min(1, { error: 'Tapez le début d’un nom après @.' })
    .max(60, { error: 'Le nom cherché compte au plus 60 caractères.' })
    .regex(/^[\p{L}][\p{L}.'’-]*$/u, {
      error: 'Le nom cherché ne contient que des lettres, des points, des tirets ou des apostrophes.',
    }),
});
export const MENTION_SUGGESTIONS = 8;
export const mentionListSchema = z
  .object({
    items: z.array(
      z.object({ id: z.uuid(), handle: z.string(), displayName: z.string(), office: z.string() }),
    ),
  })
  .meta({ id: 'MentionSuggestions' });
export type MentionSuggestionDto = z.infer<typeof mentionListSchema>['items'][number];
