import { EVENT_SENTENCES, targetPath } from '../../../common/notifications.ts';
import type { FollowDto, NotificationDto } from '../../../common/schemas/notifications.ts';
import type { FollowRow } from './follows.queries.ts';
import { sentenceValues } from './notifications.mapper.ts';
import type { NotificationRow } from './notifications.queries.ts';

export function presentNotification(row: NotificationRow): NotificationDto {
  const values = sentenceValues(row);
  const sentence = EVENT_SENTENCES[row.kind];
  return {
    id: row.id,
    kind: row.kind,
    text: { fr: sentence(values, 'fr'), en: sentence(values, 'en') },
    link: targetPath({ type: row.targetType, id: row.targetId }),
    target: { type: row.targetType, id: row.targetId, label: row.targetLabel },
    actor: row.actorName,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export function presentFollow(row: FollowRow): FollowDto {
  return {
    targetType: row.targetType,
    targetId: row.targetId,
    label: row.label,
    link: targetPath({ type: row.targetType, id: row.targetId }),
    following: row.following,
    automatic: row.automatic,
    muted: row.muted,
    since: row.since.toISOString(),
  };
}
