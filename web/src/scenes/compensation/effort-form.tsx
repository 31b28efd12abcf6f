import {
  Button,
  FileInput,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EFFORT_ACTIVITIES,
  EFFORT_ACTIVITY_LABELS,
  EFFORT_PROFILE_LABELS,
  EFFORT_PROFILES,
  type EffortActivity,
  type EffortProfile,
} from '../../../../common/compensation/vocabulary.ts';
import { useEffortWrite, useOfficeApplications } from '../../api/compensation.ts';
import { useLabel } from '../../i18n/index.ts';
import { ProblemList } from './problem-list.tsx';

/**
 * One line of effort (against an application of the office, or a national development), and the import.
 * Given a project (its page embeds the form), the line is about that project and the import is left out.
 */
export function EffortForm({
  officeCode,
  defaultMonth,
  project,
}: {
  officeCode: string;
  defaultMonth: string;
  project?: { id: string; title: string };
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const write = useEffortWrite();
  const applications = useOfficeApplications(officeCode);
  const [month, setMonth] = useState(defaultMonth);
  const [activity, setActivity] = useState<EffortActivity>('maintenance');
  const [profile, setProfile] = useState<EffortProfile>('developer');
  const [kind, setKind] = useState<'application' | 'nationalDevelopment'>('application');
  const [applicationId, setApplicationId] = useState<string | null>(null);
  const [nationalLabel, setNationalLabel] = useState('');
  const [days, setDays] = useState<number | string>(1);
  const submit = () =>
    write.record.mutate({
      month,
      activity,
      profile,
      target: project
        ? { kind: 'project', projectId: project.id }
        : kind === 'application'
          ? { kind, applicationId: applicationId ?? '' }
          : { kind, label: nationalLabel },
      personDays: Number(days),
    });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('effort.record')}
        </Title>
        <ProblemList error={write.record.error} />
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('effort.month')}
            description={t('effort.monthHelp')}
            value={month}
            onChange={(e) => setMonth(e.currentTarget.value)}
            w={140}
          />
          <Select
            label={t('effort.activity')}
            data={EFFORT_ACTIVITIES.map((a) => ({ value: a, label: label(EFFORT_ACTIVITY_LABELS[a]) }))}
            value={activity}
            onChange={(v) => v && setActivity(v as EffortActivity)}
            allowDeselect={false}
          />
          <Select
            label={t('effort.profile')}
            data={EFFORT_PROFILES.map((p) => ({ value: p, label: label(EFFORT_PROFILE_LABELS[p]) }))}
            value={profile}
            onChange={(v) => v && setProfile(v as EffortProfile)}
            allowDeselect={false}
          />
          {project ? null : (
            <Select
              label={t('effort.targetKind')}
              data={[
                { value: 'application', label: t('effort.application') },
                { value: 'nationalDevelopment', label: t('effort.nationalLabel') },
              ]}
              value={kind}
              onChange={(v) => v && setKind(v as typeof kind)}
              allowDeselect={false}
            />
          )}
          {project ? null : kind === 'application' ? (
            <Select
              label={t('effort.application')}
              data={(applications.data?.items ?? []).map((a) => ({
                value: a.id,
                label: `${a.name} (${a.code})`,
              }))}
              value={applicationId}
              onChange={setApplicationId}
              searchable
            />
          ) : (
            <TextInput
              label={t('effort.nationalLabel')}
              value={nationalLabel}
              onChange={(e) => setNationalLabel(e.currentTarget.value)}
            />
          )}
          <NumberInput
            label={t('effort.personDays')}
            value={days}
            onChange={setDays}
            min={0.01}
            step={0.5}
            decimalScale={2}
            decimalSeparator=","
            w={130}
          />
          <Button onClick={submit} loading={write.record.isPending}>
            {t('effort.add')}
          </Button>
        </Group>
        {write.record.isSuccess ? (
          <Text size="sm" role="status">
            {t('effort.recorded')}
          </Text>
        ) : null}
        {project ? null : <EffortImport />}
      </Stack>
    </Paper>
  );
}

function EffortImport() {
  const { t } = useTranslation();
  const write = useEffortWrite();
  const [file, setFile] = useState<File | null>(null);
  return (
    <>
      <Title order={3} size="h4">
        {t('effort.import')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('effort.importHelp')}
      </Text>
      <ProblemList error={write.upload.error} />
      <Group align="flex-end">
        <FileInput label={t('effort.importFile')} accept=".xlsx" value={file} onChange={setFile} w={260} />
        <Button
          variant="default"
          disabled={!file}
          loading={write.upload.isPending}
          onClick={() => file && write.upload.mutate(file)}
        >
          {t('effort.importSubmit')}
        </Button>
      </Group>
      {write.upload.isSuccess ? (
        <Text size="sm" role="status">
          {t('effort.imported')}
        </Text>
      ) : null}
    </>
  );
}
