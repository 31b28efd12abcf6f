import { Alert, Badge, Button, Group, Modal, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userAccountLifecycle } from '../../../../common/lifecycles/user-account.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../../../common/roles.ts';
import type { UserDto } from '../../../../common/schemas/user.ts';
import { can, useAllOrganisations, useFireTransition, useMe, useUsers } from '../../api/queries.ts';
import { ErrorAlert, formatDateTime, PageHeader, Pager } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useFilters } from '../../components/use-filters.ts';
import { useLabel } from '../../i18n/index.ts';
import { UserFormModal } from './user-form.tsx';

const PAGE_SIZE = 25;

export function UsersPage() {
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
  const [confirming, setConfirming] = useState<UserDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const organisations = useAllOrganisations();
  const save = useFireTransition<UserDto>('/api/users', ['users']);
  const query = useUsers({
    q: q || undefined,
    organisationId: filters.organisationId ?? undefined,
    role: filters.role ?? undefined,
    status: filters.status ?? undefined,
    page,
    pageSize: PAGE_SIZE,
  });

  const fire = (user: UserDto, transition: 'deactivate' | 'reactivate') =>
    save.mutate(
      {
        id: user.id,
        body: { action: transition, version: user.version },
      },
      {
        onSuccess: (saved) => {
          setConfirming(null);
          setNotice(t('users.saved', { name: saved.displayName }));
        },
      },
    );

  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={isAdmin ? t('users.intro') : t('users.introDirector')}
        actions={isAdmin ? <Button onClick={() => setEditing('new')}>{t('users.create')}</Button> : null}
      />
      {notice ? (
        <Alert color="green" role="status" mb="md" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      <ErrorAlert error={save.error && !editing ? save.error : null} />
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
      >
        {query.data?.items.map((user) => (
          <Table.Tr key={user.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {user.displayName}
              </Text>
              <Text size="xs">{user.email}</Text>
            </Table.Td>
            <Table.Td>{user.organisation.code}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {user.roles.map((r) => (
                  <Badge key={r} size="sm" variant="light">
                    {label(ROLE_LABELS[r])}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Badge
                color={user.status === 'active' ? 'green' : 'gray'}
                c={user.status === 'active' ? '#1b5e20' : 'gray.8'}
                variant="light"
              >
                {t(`users.statuses.${user.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{formatDateTime(user.lastLoginAt, i18n.language) ?? t('common.never')}</Table.Td>
            {isAdmin ? (
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => setEditing(user)}>
                    {t('common.edit')}
                    <span className="sr-only"> {user.displayName}</span>
                  </Button>
                  {user.transitions
                    .filter((offered) => offered.allowed)
                    .map(({ action }) => {
                      const transition = action as 'deactivate' | 'reactivate';
                      return (
                        <Button
                          key={action}
                          size="xs"
                          variant="light"
                          color={transition === 'deactivate' ? 'red' : 'green'}
                          onClick={() =>
                            transition === 'deactivate' ? setConfirming(user) : fire(user, transition)
                          }
                        >
                          {label(userAccountLifecycle.transitions[transition].label)}
                          <span className="sr-only"> {user.displayName}</span>
                        </Button>
                      );
                    })}
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
            setNotice(t(created ? 'users.created' : 'users.saved', { name: saved.displayName }))
          }
        />
      ) : null}
      <Modal
        opened={Boolean(confirming)}
        onClose={() => setConfirming(null)}
        title={label(userAccountLifecycle.transitions.deactivate.label)}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Text mb="md">
          {confirming ? t('users.confirmDeactivate', { name: confirming.displayName }) : null}
        </Text>
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(null)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={save.isPending}
            onClick={() => confirming && fire(confirming, 'deactivate')}
          >
            {label(userAccountLifecycle.transitions.deactivate.label)}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
