import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userAccountLifecycle } from '../../../../common/lifecycles/user-account.ts';
import { ROLE_LABELS } from '../../../../common/roles.ts';
import type { UserDto } from '../../../../common/schemas/user.ts';
import { can, useFireTransition, useMe, useUser } from '../../api/queries.ts';
import { formatDateTime } from '../../components/dates.ts';
import { LifecyclePanel } from '../../components/lifecycle/lifecycle-panel.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { type Notice, PageHeader, StatusMessage } from '../../components/page.tsx';
import { FactTable } from '../../components/tables.tsx';
import { useLabel } from '../../i18n/index.ts';
import { UserFormModal } from './user-form.tsx';
import { UserRightsPanel, useDisplayName } from './user-rights.tsx';

/** One account: who it is, and its lifecycle (status, dates, what the reader may do and why not). */
export function UserPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const { data: me } = useMe();
  const query = useUser(id);
  const fire = useFireTransition<UserDto>('/api/users', ['users']);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const displayName = useDisplayName();
  const user = query.data;
  if (!user)
    return query.error ? (
      <LoadFailure error={query.error} missing="user" />
    ) : (
      <Text>{t('common.loading')}</Text>
    );
  return (
    <>
      <Anchor component={Link} to="/administration/utilisateurs" size="sm">
        ← {t('users.back')}
      </Anchor>
      <PageHeader
        title={displayName(user)}
        intro={user.email}
        actions={
          can(me, 'user.update') && !user.erasure ? (
            <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
          ) : null
        }
      />
      <StatusMessage notice={notice} onClose={() => setNotice(null)} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack>
          <Title order={2} size="h4">
            {t('users.account')}
          </Title>
          <FactTable
            rows={[
              [t('users.email'), user.email],
              [
                t('users.office'),
                <Anchor key="office" component={Link} to={`/organismes/${user.organisation.id}`}>
                  {user.organisation.name} ({user.organisation.code})
                </Anchor>,
              ],
              [
                t('users.roles'),
                <Group key="roles" gap={4}>
                  {user.roles.map((role) => (
                    <Badge key={role} size="sm" variant="light">
                      {label(ROLE_LABELS[role])}
                    </Badge>
                  ))}
                </Group>,
              ],
              [t('users.lastLogin'), formatDateTime(user.lastLoginAt, i18n.language) ?? t('common.never')],
              [t('users.createdOn'), formatDateTime(user.createdAt, i18n.language)],
            ]}
          />
        </Stack>
        <Paper withBorder p="md">
          <LifecyclePanel
            lifecycle={userAccountLifecycle.name}
            view={user.lifecycles.find((view) => view.lifecycle === userAccountLifecycle.name)}
            transitions={user.transitions}
            version={user.version}
            subject={displayName(user)}
            fire={(body) => fire.mutateAsync({ id: user.id, body })}
            title={t('users.lifecycle')}
            notes={{ deactivate: t('users.deactivateNote') }}
          />
        </Paper>
        <UserRightsPanel user={user} onErased={(name) => setNotice({ text: t('users.erased', { name }) })} />
      </SimpleGrid>
      <UserFormModal
        key={user.version}
        user={user}
        opened={editing}
        onClose={() => setEditing(false)}
        onSaved={(saved) => setNotice({ text: t('users.saved', { name: saved.displayName }) })}
      />
    </>
  );
}
