import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_LABELS } from '../../../../common/permissions.ts';
import { ROLE_LABELS } from '../../../../common/roles.ts';
import { ApiError } from '../../api/client.ts';
import { useChangePassword, useMe } from '../../api/queries.ts';
import { formatDateTime } from '../../components/dates.ts';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { FactTable } from '../../components/tables.tsx';
import { useLabel } from '../../i18n/index.ts';

export function ProfilePage() {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const { data: me } = useMe();
  if (!me) return null;
  const rows: [string, React.ReactNode][] = [
    [t('profile.name'), me.user.displayName],
    [t('profile.email'), me.user.email],
    [t('profile.office'), `${me.organisation.name} (${me.organisation.code})`],
    [
      t('profile.roles'),
      <Group gap="xs" key="roles">
        {me.roles.map((role) => (
          <Badge key={role} variant="light">
            {label(ROLE_LABELS[role])}
          </Badge>
        ))}
      </Group>,
    ],
    [t('profile.lastLogin'), formatDateTime(me.user.lastLoginAt, i18n.language) ?? t('common.never')],
  ];
  return (
    <>
      <PageHeader title={t('profile.title')} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('profile.identity')}
          </Title>
          <FactTable rows={rows} />
          <Text size="sm" fw={600} mt="md">
            {t('profile.abilities')}
          </Text>
          <List size="sm" spacing={2}>
            {me.abilities.map((action) => (
              <List.Item key={action}>{label(ACTION_LABELS[action])}</List.Item>
            ))}
          </List>
        </Card>
        <ChangePasswordCard />
        <PersonalDataCard />
      </SimpleGrid>
    </>
  );
}

/** The right of access (RGPD art. 15): one's data, readable or as a file. */
function PersonalDataCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          {t('profile.dataTitle')}
        </Title>
        <Text size="sm">{t('profile.dataHelp')}</Text>
        <Group>
          <Button component="a" href={`/api/me/export?format=html&lang=${lang}`} download>
            {t('profile.dataReadable')}
          </Button>
          <Button component="a" href="/api/me/export?format=json" download variant="default">
            {t('profile.dataJson')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('profile.dataRights')}
        </Text>
      </Stack>
    </Card>
  );
}

function ChangePasswordCard() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const problem = change.error instanceof ApiError ? change.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
        },
      },
    );
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} size="h4">
          {t('profile.passwordTitle')}
        </Title>
        <Text size="sm">{t('profile.passwordHelp')}</Text>
        {change.isSuccess ? (
          <Alert color="green" role="status">
            {t('profile.passwordChanged')}
          </Alert>
        ) : null}
        {problem && !problem.problem.errors ? <ErrorAlert error={problem} /> : null}
        <PasswordInput
          visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={problem?.fieldError('currentPassword')}
        />
        <PasswordInput
          visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          label={t('profile.newPassword')}
          autoComplete="new-password"
          required
          minLength={12}
          value={newPassword}
          onChange={(e) => setNew(e.currentTarget.value)}
          error={problem?.fieldError('newPassword')}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
