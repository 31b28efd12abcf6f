import { Anchor, Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userAccountLifecycle } from '../../../../common/lifecycles/user-account.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../../../common/roles.ts';
import type { UserDto } from '../../../../common/schemas/user.ts';
import { can, useAllOrganisations, useFireTransition, useMe, useUsers } from '../../api/queries.ts';
import { formatDateTime } from '../../components/dates.ts';
import { TransitionButton } from '../../components/lifecycle/lifecycle-panel.tsx';
import { TransitionDialog } from '../../components/lifecycle/transition-dialog.tsx';
import { ErrorAlert, type Notice, PageHeader, Pager, StatusMessage } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useFilters } from '../../components/use-filters.ts';
import { useLabel } from '../../i18n/index.ts';
import { UserFormModal } from './user-form.tsx';
import { useDisplayName } from './user-rights.tsx';

const PAGE_SIZE = 25;

export function UsersPage() {
  const displayName = useDisplayName();
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const { data: me } = useMe();
  const isAdmin = can(me, 'user.create');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 250);
  const { filters, page, setPage, set } = useFilters({
    organisationId: null as string | null,
    role: null as Role | null,
    status: null as UserDto['status'] | null,
  });
  const [editing, setEditing] = useState<UserDto | 'new' | null>(null);
  const [acting, setActing] = useState<{ userId: string; action: string } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const organisations = useAllOrganisations();
  const fire = useFireTransition<UserDto>('/api/users', ['users']);
  const query = useUsers({
    q: q || undefined,
    organisationId: filters.organisationId ?? undefined,
    role: filters.role ?? undefined,
    status: filters.status ?? undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  // The account acted on, as last read: its version and transitions follow the refetched list.
  const actedOn = acting ? query.data?.items.find((user) => user.id === acting.userId) : undefined;

  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={isAdmin ? t('users.intro') : t('users.introDirector')}
        actions={isAdmin ? <Button onClick={() => setEditing('new')}>{t('users.create')}</Button> : null}
      />
      <StatusMessage notice={notice} onClose={() => setNotice(null)} />
      <Group align="flex-end" mb="md" wrap="wrap">
        <TextInput
          label={t('users.search')}
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setPage(1);
          }}
        />
        {isAdmin ? (
          <Select
            label={t('users.office')}
            searchable
            clearable
            placeholder={t('common.all')}
            data={(organisations.data ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))}
            value={filters.organisationId}
            onChange={(v) => set('organisationId', v)}
            w={320}
          />
        ) : null}
        <Select
          label={t('users.roles')}
          clearable
          placeholder={t('common.all')}
          data={ROLES.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))}
          value={filters.role}
          onChange={(v) => set('role', v)}
        />
        <Select
          label={t('users.status')}
          clearable
          placeholder={t('common.all')}
          data={[
            { value: 'active', label: t('users.statuses.active') },
            { value: 'deactivated', label: t('users.statuses.deactivated') },
          ]}
          value={filters.status}
          onChange={(v) => set('status', v)}
          w={160}
        />
      </Group>
      <ErrorAlert error={query.error} />
      <ListTable
        caption={t('users.caption')}
        columns={[
          t('users.name'),
          t('users.office'),
          t('users.roles'),
          t('users.status'),
          t('users.lastLogin'),
          ...(isAdmin ? [t('users.actions')] : []),
        ]}
        minWidth={800}
        isEmpty={query.data?.items.length === 0}
        stacked
      >
        {query.data?.items.map((user) => (
          <Table.Tr key={user.id}>
            <Table.Td>
              <Anchor component={Link} to={`/administration/utilisateurs/${user.id}`} size="sm" fw={500}>
                {displayName(user)}
              </Anchor>
              <Text size="xs">{user.email}</Text>
            </Table.Td>
            <Table.Td data-label={t('users.office')}>{user.organisation.code}</Table.Td>
            <Table.Td data-label={t('users.roles')}>
              <Group gap={4}>
                {user.roles.map((r) => (
                  <Badge key={r} size="sm" variant="light">
                    {label(ROLE_LABELS[r])}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td data-label={t('users.status')}>
              <Badge
                color={user.status === 'active' ? 'green' : 'gray'}
                c={user.status === 'active' ? '#1b5e20' : 'gray.8'}
                variant="light"
              >
                {t(`users.statuses.${user.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td data-label={t('users.lastLogin')}>
              {formatDateTime(user.lastLoginAt, i18n.language) ?? t('common.never')}
            </Table.Td>
            {isAdmin ? (
              <Table.Td>
                <Group gap={4}>
                  <Button size="xs" variant="default" onClick={() => setEditing(user)}>
                    {t('common.edit')}
                    <span className="sr-only"> {displayName(user)}</span>
                  </Button>
                  {user.transitions
                    .filter((offered) => offered.allowed)
                    .map((transition) => (
                      <TransitionButton
                        key={transition.action}
                        transition={transition}
                        subject={displayName(user)}
                        size="xs"
                        onOpen={(action) => setActing({ userId: user.id, action })}
                      />
                    ))}
                </Group>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </ListTable>
      {query.data ? (
        <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={setPage} />
      ) : null}

      {editing ? (
        <UserFormModal
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
          onSaved={(saved, created) =>
            setNotice({ text: t(created ? 'users.created' : 'users.saved', { name: saved.displayName }) })
          }
        />
      ) : null}
      <TransitionDialog
        definition={userAccountLifecycle}
        transition={actedOn?.transitions.find((transition) => transition.action === acting?.action) ?? null}
        subject={actedOn?.displayName ?? ''}
        current={actedOn?.status}
        version={actedOn?.version ?? 0}
        fire={(body) => fire.mutateAsync({ id: acting?.userId ?? '', body })}
        note={acting?.action === 'deactivate' ? t('users.deactivateNote') : undefined}
        onClose={() => setActing(null)}
        onDone={(text) => setNotice({ text })}
      />
    </>
  );
}
