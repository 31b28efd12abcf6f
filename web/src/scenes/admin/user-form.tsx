import { Button, Group, Modal, MultiSelect, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS, ROLES, type Role } from '../../../../common/roles.ts';
import type { UserDto } from '../../../../common/schemas/user.ts';
import { ApiError } from '../../api/client.ts';
import { useAllOrganisations, useSaveUser } from '../../api/queries.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { ErrorAlert } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';

/** Create (no user) or edit (a user) an account; field errors come from the server, in French. */
export function UserFormModal({
  user,
  opened,
  onClose,
  onSaved,
}: {
  user: UserDto | null;
  opened: boolean;
  onClose: () => void;
  onSaved: (user: UserDto, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const organisations = useAllOrganisations();
  const save = useSaveUser();
  const [email, setEmail] = useState(user?.email ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [organisationId, setOrganisationId] = useState<string | null>(user?.organisationId ?? null);
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? ['agent']);
  const [password, setPassword] = useState('');
  const problem = save.error instanceof ApiError ? save.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = {
      onSuccess: (saved: UserDto) => {
        onSaved(saved, !user);
        onClose();
      },
    };
    if (user) {
      const body = {
        version: user.version,
        displayName,
        organisationId: organisationId ?? undefined,
        roles,
        ...(password ? { password } : {}),
      };
      save.mutate({ id: user.id, body }, done);
    } else {
      save.mutate(
        { body: { email, displayName, organisationId: organisationId ?? '', roles, password } },
        done,
      );
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {problem?.problem.errors && problem.status !== 409 ? (
            <ErrorSummary
              title={t('common.notSaved')}
              detail={t('common.fixFields', { count: problem.problem.errors.length })}
              errors={problem.problem.errors}
            />
          ) : problem ? (
            <ErrorAlert error={problem} />
          ) : null}
          <TextInput
            label={t('users.email')}
            type="email"
            required={!user}
            disabled={Boolean(user)}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={problem?.fieldError('email')}
            data-autofocus
          />
          <TextInput
            label={t('users.name')}
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={problem?.fieldError('displayName')}
          />
          <Select
            label={t('users.office')}
            required
            searchable
            data={(organisations.data ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))}
            value={organisationId}
            onChange={setOrganisationId}
            error={problem?.fieldError('organisationId')}
            nothingFoundMessage={t('common.noResult')}
          />
          <MultiSelect
            label={t('users.roles')}
            required
            data={ROLES.map((role) => ({ value: role, label: label(ROLE_LABELS[role]) }))}
            value={roles}
            onChange={setRoles}
            error={problem?.fieldError('roles') ?? problem?.fieldError('roles.0')}
          />
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
            label={user ? t('users.passwordReset') : t('users.password')}
            description={user ? t('users.passwordResetHelp') : t('users.passwordHelp')}
            required={!user}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={problem?.fieldError('password')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {user ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
