import { Anchor, Button, Checkbox, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EVENT_KIND_LABELS, EVENT_KINDS, type EventKind } from '../../../../common/notifications.ts';
import { useMarkRead, useNotifications } from '../../api/notifications.ts';
import { ErrorAlert, PageHeader, Pager } from '../../components/page.tsx';
import { useFilters } from '../../components/use-filters.ts';
import { useLabel } from '../../i18n/index.ts';
import { NotificationItem } from './notification-item.tsx';

const PAGE_SIZE = 20;

/** Every notification of the reader: unread first in weight, filters by state and kind, mark read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { filters, page, setPage, set } = useFilters({
    unread: null as string | null,
    kind: null as string | null,
  });
  const query = useNotifications({
    unread: filters.unread === 'true' ? true : undefined,
    kind: (filters.kind as EventKind | null) ?? undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const markRead = useMarkRead();
  const items = query.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        intro={t('notifications.intro')}
        actions={
          <Anchor component={Link} to="/notifications/preferences">
            {t('notifications.preferences')}
          </Anchor>
        }
      />
      <Group align="flex-end" mb="md" wrap="wrap">
        <Checkbox
          label={t('notifications.unreadOnly')}
          checked={filters.unread === 'true'}
          onChange={(e) => set('unread', e.currentTarget.checked ? 'true' : null)}
        />
        <Select
          label={t('notifications.kind')}
          clearable
          placeholder={t('notifications.allKinds')}
          data={EVENT_KINDS.map((kind) => ({ value: kind, label: label(EVENT_KIND_LABELS[kind]) }))}
          value={filters.kind}
          onChange={(v) => set('kind', v)}
          w={280}
        />
        <Button
          variant="default"
          disabled={(query.data?.unread ?? 0) === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <ErrorAlert error={query.error ?? markRead.error} />
      <Paper withBorder p="md">
        <Stack
          gap="sm"
          component="ul"
          aria-label={t('notifications.listLabel')}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {items.map((item) => (
            <li key={item.id}>
              <NotificationItem item={item} />
            </li>
          ))}
        </Stack>
        {query.data && items.length === 0 ? (
          <Text c="dimmed">
            {filters.unread === 'true' ? t('notifications.noneUnread') : t('notifications.none')}
          </Text>
        ) : null}
      </Paper>
      <Pager page={page} pageSize={PAGE_SIZE} total={query.data?.total ?? 0} onChange={setPage} />
    </>
  );
}
