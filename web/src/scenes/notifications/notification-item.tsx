import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { NotificationDto } from '../../../../common/schemas/notifications.ts';
import { useMarkRead } from '../../api/notifications.ts';
import { formatDateTime } from '../../components/dates.ts';
import { useLabel } from '../../i18n/index.ts';

/** One notification: its sentence as a link to its object, when and why, and « mark as read ». */
export function NotificationItem({
  item,
  compact = false,
  onNavigate,
}: {
  item: NotificationDto;
  compact?: boolean;
  onNavigate?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const markRead = useMarkRead();
  const text = label(item.text);
  const open = () => {
    if (!item.readAt) markRead.mutate({ ids: [item.id] });
    onNavigate?.();
  };
  return (
    <Group justify="space-between" align="flex-start" wrap={compact ? 'nowrap' : 'wrap'} gap="xs">
      {/* On a narrow screen « mark as read » goes below the sentence rather than squeezing it. */}
      <Stack gap={2} style={{ minWidth: 0, flex: compact ? 1 : '1 1 16rem' }}>
        <Anchor component={Link} to={item.link} size="sm" fw={item.readAt ? 400 : 600} onClick={open}>
          {text}
        </Anchor>
        <Text size="xs" c="dimmed">
          {formatDateTime(item.createdAt, i18n.language)}
          {compact ? null : ` · ${t(`notifications.reasons.${item.reason}`)}`}
        </Text>
      </Stack>
      {item.readAt ? null : compact ? (
        <Badge size="xs" color="red" variant="light" style={{ flexShrink: 0 }}>
          {t('notifications.unread')}
        </Badge>
      ) : (
        <Button
          size="compact-xs"
          variant="subtle"
          style={{ flexShrink: 0 }}
          aria-label={t('notifications.markReadLabel', { text })}
          onClick={() => markRead.mutate({ ids: [item.id] })}
        >
          {t('notifications.markRead')}
        </Button>
      )}
    </Group>
  );
}
