import { ActionIcon, Anchor, Button, Divider, Indicator, Popover, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMarkRead, useNotificationStream, useNotifications } from '../../api/notifications.ts';
import { NotificationItem } from './notification-item.tsx';

const LATEST = 5;

/** A bell icon drawn inline (no icon library in the bundle). */
function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
  );
}

/**
 * The header's bell: the unread count, live (the stream tells of each new notification), and the latest
 * notifications in a popover, with a link to the page and « mark all as read ».
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  useNotificationStream(true);
  const latest = useNotifications({ pageSize: LATEST });
  const markRead = useMarkRead();
  const unread = latest.data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} color="red" offset={4}>
      <Popover opened={opened} onChange={toggle} position="bottom-end" width={360} shadow="md" withinPortal>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="dark"
            size="md"
            aria-label={label}
            onClick={toggle}
            data-testid="notification-bell"
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs" aria-live="polite">
            <Text fw={600} size="sm">
              {t('notifications.latest')}
            </Text>
            {latest.data && latest.data.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('notifications.none')}
              </Text>
            ) : null}
            {latest.data?.items.map((item) => (
              <NotificationItem key={item.id} item={item} compact onNavigate={close} />
            ))}
            <Divider />
            <Anchor component={Link} to="/notifications" size="sm" onClick={close}>
              {t('notifications.seeAll')}
            </Anchor>
            {unread > 0 ? (
              <Button
                size="xs"
                variant="default"
                loading={markRead.isPending}
                onClick={() => markRead.mutate({ all: true })}
              >
                {t('notifications.markAllRead')}
              </Button>
            ) : null}
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
