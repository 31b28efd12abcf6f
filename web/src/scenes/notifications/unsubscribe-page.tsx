import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EVENT_KIND_LABELS } from '../../../../common/notifications.ts';
import type { UnsubscribeResultDto } from '../../../../common/schemas/notifications.ts';
import { api, withQuery } from '../../api/client.ts';
import { ErrorAlert } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';

/**
 * The page an e-mail's unsubscribe link opens, signed in or not: one button stops what the signed link
 * names (a GET never does, so that link scanners of mailboxes cannot unsubscribe anyone).
 */
export function UnsubscribePage({ token }: { token: string | undefined }) {
  const { t } = useTranslation();
  const label = useLabel();
  const stop = useMutation({
    mutationFn: () =>
      api<UnsubscribeResultDto>('POST', withQuery('/api/notifications/unsubscribe', { token })),
  });
  const kinds = stop.data?.kinds.map((kind) => `« ${label(EVENT_KIND_LABELS[kind])} »`).join(', ');
  return (
    <Stack maw={640} gap="md">
      <Title order={1}>{t('unsubscribe.title')}</Title>
      {!token ? (
        <Alert color="red">{t('unsubscribe.missing')}</Alert>
      ) : stop.isSuccess ? (
        <Alert color="green" role="status">
          {kinds ? t('unsubscribe.doneKinds', { kinds }) : t('unsubscribe.doneNothing')}
        </Alert>
      ) : (
        <>
          <Text>{t('unsubscribe.intro')}</Text>
          <ErrorAlert error={stop.error} />
          <div>
            <Button onClick={() => stop.mutate()} loading={stop.isPending}>
              {t('unsubscribe.confirm')}
            </Button>
          </div>
        </>
      )}
      <Anchor component={Link} to="/notifications/preferences">
        {t('unsubscribe.preferences')}
      </Anchor>
    </Stack>
  );
}
