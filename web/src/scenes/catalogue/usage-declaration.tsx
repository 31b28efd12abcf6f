import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDto } from '../../../../common/schemas/application.ts';
import { useDeclareUsage, useWithdrawUsage } from '../../api/catalogue.ts';
import { ApiError } from '../../api/client.ts';
import { formatDay } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/page.tsx';

/** The caller's office's use of an application: declare, update, withdraw. */
function UsageModal({
  application,
  opened,
  onClose,
}: {
  application: ApplicationDto;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const declare = useDeclareUsage();
  const current = application.myUsage;
  const [since, setSince] = useState(current?.since ?? '');
  const [userCount, setUserCount] = useState<number | string>(current?.userCount ?? '');
  const [versionNumber, setVersionNumber] = useState(current?.versionNumber ?? '');
  const [comment, setComment] = useState(current?.comment ?? '');
  const problem = declare.error instanceof ApiError ? declare.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    declare.mutate(
      {
        id: application.id,
        body: {
          since: since || null,
          userCount: userCount === '' ? null : Number(userCount),
          versionNumber: versionNumber || null,
          comment,
        },
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('sheet.usageTitle', { name: application.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {problem && !problem.problem.errors ? <ErrorAlert error={problem} /> : null}
          <TextInput
            label={t('sheet.usageSince')}
            type="date"
            value={since}
            onChange={(e) => setSince(e.currentTarget.value)}
            error={problem?.fieldError('since')}
            data-autofocus
          />
          <NumberInput
            label={t('sheet.usageUsers')}
            min={1}
            value={userCount}
            onChange={setUserCount}
            error={problem?.fieldError('userCount')}
            allowDecimal={false}
          />
          <TextInput
            label={t('sheet.usageVersion')}
            value={versionNumber}
            onChange={(e) => setVersionNumber(e.currentTarget.value)}
            error={problem?.fieldError('versionNumber')}
          />
          <Textarea
            label={t('sheet.usageComment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={problem?.fieldError('comment')}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={declare.isPending}>
              {t('sheet.usageSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function UsageBlock({ application }: { application: ApplicationDto }) {
  const { t, i18n } = useTranslation();
  const [opened, setOpened] = useState(false);
  const withdraw = useWithdrawUsage();
  if (!application.can.declareUsage || application.archived) return null;
  const mine = application.myUsage;
  return (
    <Alert
      color={mine ? 'green' : 'blue'}
      variant="light"
      mb="md"
      title={mine ? t('sheet.usedByMyOffice') : t('sheet.notUsedByMyOffice')}
    >
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">
          {mine
            ? t('sheet.myUsageDetail', {
                users: mine.userCount ?? '—',
                since: formatDay(mine.since, i18n.language) ?? '—',
              })
            : t('sheet.declareHelp')}
        </Text>
        <Group gap="xs">
          <Button size="xs" onClick={() => setOpened(true)}>
            {mine ? t('sheet.updateUsage') : t('sheet.declareUsage')}
          </Button>
          {mine ? (
            <Button
              size="xs"
              variant="default"
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate({ id: application.id })}
            >
              {t('sheet.withdrawUsage')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <ErrorAlert error={withdraw.error} />
      {opened ? (
        <UsageModal application={application} opened={opened} onClose={() => setOpened(false)} />
      ) : null}
    </Alert>
  );
}
