import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDto } from '../../../../common/schemas/application.ts';
import { todayInFrance } from '../../../../common/schemas/usage.ts';
import { useDeclareUsage, useWithdrawUsage } from '../../api/catalogue.ts';
import { ApiError } from '../../api/client.ts';
import { useMe } from '../../api/queries.ts';
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
  const versions = application.versions.map((v) => v.number);
  const [versionNumber, setVersionNumber] = useState<string | null>(
    current?.versionNumber ?? (versions.length === 1 ? (versions[0] ?? null) : null),
  );
  const [comment, setComment] = useState(current?.comment ?? '');
  const problem = declare.error instanceof ApiError ? declare.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    declare.mutate(
      {
        id: application.id,
        body: {
          since: since || null,
          // Sent as typed: 0 or an empty field gets the API's message, never a silent 1.
          userCount: userCount === '' ? null : Number(userCount),
          versionNumber,
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
            max={todayInFrance()}
            error={problem?.fieldError('since')}
            data-autofocus
          />
          <NumberInput
            label={t('sheet.usageUsers')}
            withAsterisk
            min={1}
            clampBehavior="none"
            value={userCount}
            onChange={setUserCount}
            error={problem?.fieldError('userCount')}
            allowDecimal={false}
            allowNegative={false}
          />
          {versions.length > 0 ? (
            <Select
              label={t('sheet.usageVersion')}
              withAsterisk
              data={versions}
              value={versionNumber}
              onChange={setVersionNumber}
              error={problem?.fieldError('versionNumber')}
              allowDeselect={false}
            />
          ) : null}
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
  const { data: me } = useMe();
  const [opened, setOpened] = useState(false);
  const withdraw = useWithdrawUsage();
  if (!application.can.declareUsage || application.archived) return null;
  const mine = application.myUsage;
  // The designer office uses its own application in production: it is counted, not asked.
  if (
    !mine &&
    application.lifecycleStage === 'inProduction' &&
    me?.organisation.id === application.designerOrganisation.id
  )
    return (
      <Alert color="green" variant="light" mb="md" title={t('sheet.usedByMyOffice')}>
        <Text size="sm">{t('sheet.designerUses')}</Text>
      </Alert>
    );
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
