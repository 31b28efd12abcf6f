import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../../common/schemas/user.ts';
import { ApiError } from '../../api/client.ts';
import { can, useEraseUser, useMe } from '../../api/queries.ts';
import { formatDateTime } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/page.tsx';

/** The name to show: the pseudonym in the reader's language once the person was erased. */
export function useDisplayName() {
  const { t } = useTranslation();
  return (user: Pick<UserDto, 'displayName' | 'erasure'>) =>
    user.erasure ? t('users.erasedName', { number: user.erasure.number }) : user.displayName;
}

/**
 * The RGPD requests an administrator answers for a person: access (download their export, logged) and
 * erasure (pseudonymisation, after typing their name).
 */
export function UserRightsPanel({ user, onErased }: { user: UserDto; onErased: (name: string) => void }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const [erasing, setErasing] = useState(false);
  const displayName = useDisplayName();
  if (!can(me, 'user.export') && !can(me, 'user.erase')) return null;
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const self = me?.user.id === user.id;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {t('users.rights')}
        </Title>
        {user.erasure ? (
          <Alert color="gray">
            {t('users.erasedOn', { date: formatDateTime(user.erasure.erasedAt, i18n.language) })}
          </Alert>
        ) : (
          <Text size="sm">{t('users.rightsHelp')}</Text>
        )}
        <Group>
          {can(me, 'user.export') ? (
            <>
              <Button
                component="a"
                variant="default"
                href={`/api/users/${user.id}/export?format=html&lang=${lang}`}
                download
              >
                {t('users.exportReadable')}
              </Button>
              <Button
                component="a"
                variant="default"
                href={`/api/users/${user.id}/export?format=json`}
                download
              >
                {t('users.exportJson')}
              </Button>
            </>
          ) : null}
          {can(me, 'user.erase') && !user.erasure ? (
            <Button color="red" variant="outline" disabled={self} onClick={() => setErasing(true)}>
              {t('users.erase')}
            </Button>
          ) : null}
        </Group>
        {self && can(me, 'user.erase') && !user.erasure ? (
          <Text size="sm" c="dimmed">
            {t('users.eraseSelf')}
          </Text>
        ) : null}
      </Stack>
      {erasing ? (
        <EraseModal
          user={user}
          onClose={() => setErasing(false)}
          onErased={(erased) => {
            setErasing(false);
            onErased(displayName(erased));
          }}
        />
      ) : null}
    </Paper>
  );
}

function EraseModal({
  user,
  onClose,
  onErased,
}: {
  user: UserDto;
  onClose: () => void;
  onErased: (user: UserDto) => void;
}) {
  const { t } = useTranslation();
  const erase = useEraseUser();
  const [confirmation, setConfirmation] = useState('');
  const problem = erase.error instanceof ApiError ? erase.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    erase.mutate({ id: user.id, version: user.version, confirmation }, { onSuccess: onErased });
  };
  return (
    <Modal opened onClose={onClose} title={t('users.eraseTitle', { name: user.displayName })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Alert color="red">{t('users.eraseWarning')}</Alert>
          {problem && !problem.fieldError('confirmation') ? <ErrorAlert error={problem} /> : null}
          <TextInput
            label={t('users.eraseConfirm', { name: user.displayName })}
            required
            autoComplete="off"
            value={confirmation}
            onChange={(e) => setConfirmation(e.currentTarget.value)}
            error={problem?.fieldError('confirmation')}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={erase.isPending} disabled={confirmation.trim() === ''}>
              {t('users.eraseSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
