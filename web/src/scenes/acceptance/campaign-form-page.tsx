import { Radio, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RUNNER_KIND_LABELS,
  RUNNER_KINDS,
  type RunnerKind,
} from '../../../../common/acceptance/vocabulary.ts';
import type { TesterDto } from '../../../../common/schemas/acceptance.ts';
import { type CampaignSubject, useCreateCampaign } from '../../api/acceptance.ts';
import { ApiError } from '../../api/client.ts';
import { FormFrame } from '../../components/form-frame.tsx';
import { OfficesMultiSelect } from '../../components/office-select.tsx';
import { PageHeader } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';
import { TesterPicker } from './tester-picker.tsx';

/**
 * Opening a campaign for a project's delivery or a version of a catalogue sheet: who runs it (a group of
 * offices or the national acceptance centre), its testers, its dates. The API refuses it while the
 * subject's evaluation has a blocking item, and says so above the form.
 */
export function CampaignFormPage({ subject, name }: { subject: CampaignSubject; name?: string | undefined }) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const create = useCreateCampaign();
  const [title, setTitle] = useState('');
  const [versionLabel, setVersionLabel] = useState('');
  const [runnerKind, setRunnerKind] = useState<RunnerKind>('nationalCentre');
  const [officeIds, setOfficeIds] = useState<string[]>([]);
  const [testers, setTesters] = useState<TesterDto[]>([]);
  const [plannedStart, setPlannedStart] = useState('');
  const [plannedEnd, setPlannedEnd] = useState('');
  const problem = create.error instanceof ApiError ? create.error : null;
  const subjectTo =
    'projectId' in subject ? `/projets/${subject.projectId}` : `/catalogue/${subject.applicationId}`;
  return (
    <>
      <PageHeader
        title={t('acceptance.form.title')}
        intro={name ? t('acceptance.form.intro', { name }) : undefined}
      />
      <FormFrame
        onSubmit={() =>
          create.mutate(
            {
              ...subject,
              title,
              versionLabel,
              runnerKind,
              officeIds: runnerKind === 'officeGroup' ? officeIds : [],
              testerIds: testers.map((tester) => tester.id),
              ...(plannedStart ? { plannedStart } : {}),
              ...(plannedEnd ? { plannedEnd } : {}),
            },
            { onSuccess: (campaign) => navigate({ to: `/recettes/${campaign.id}` }) },
          )
        }
        error={create.error}
        errorsTitle={t('acceptance.form.errorsTitle')}
        conflictTitle={t('acceptance.form.errorsTitle')}
        submitLabel={t('acceptance.form.submit')}
        pending={create.isPending}
        cancelTo={subjectTo}
      >
        <Stack>
          <TextInput
            label={t('acceptance.form.campaignTitle')}
            placeholder={t('acceptance.form.campaignTitleExample')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={problem?.fieldError('title')}
            required
          />
          <TextInput
            label={t('acceptance.version')}
            description={t('acceptance.form.versionHelp')}
            value={versionLabel}
            onChange={(event) => setVersionLabel(event.currentTarget.value)}
            error={problem?.fieldError('versionLabel')}
            required
            w={{ base: '100%', sm: 240 }}
          />
          <Radio.Group
            label={t('acceptance.runner')}
            value={runnerKind}
            onChange={(value) => setRunnerKind(value as RunnerKind)}
            error={problem?.fieldError('runnerKind')}
            required
          >
            <Stack gap="xs" mt="xs">
              {RUNNER_KINDS.map((kind) => (
                <Radio key={kind} value={kind} label={label(RUNNER_KIND_LABELS[kind])} />
              ))}
            </Stack>
          </Radio.Group>
          {runnerKind === 'officeGroup' ? (
            <OfficesMultiSelect
              label={t('acceptance.form.offices')}
              description={t('acceptance.form.officesHelp')}
              value={officeIds}
              onChange={setOfficeIds}
              error={problem?.fieldError('officeIds')}
            />
          ) : null}
          <TesterPicker value={testers} onChange={setTesters} error={problem?.fieldError('testerIds')} />
          <DateFields
            start={plannedStart}
            end={plannedEnd}
            onStart={setPlannedStart}
            onEnd={setPlannedEnd}
            problem={problem}
          />
        </Stack>
      </FormFrame>
    </>
  );
}

/** The planned dates of a campaign (either may stay empty). */
export function DateFields({
  start,
  end,
  onStart,
  onEnd,
  problem,
}: {
  start: string;
  end: string;
  onStart: (value: string) => void;
  onEnd: (value: string) => void;
  problem: ApiError | null;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <TextInput
        type="date"
        label={t('acceptance.form.plannedStart')}
        value={start}
        onChange={(event) => onStart(event.currentTarget.value)}
        error={problem?.fieldError('plannedStart')}
        w={{ base: '100%', sm: 240 }}
      />
      <TextInput
        type="date"
        label={t('acceptance.form.plannedEnd')}
        value={end}
        onChange={(event) => onEnd(event.currentTarget.value)}
        error={problem?.fieldError('plannedEnd')}
        w={{ base: '100%', sm: 240 }}
      />
    </Stack>
  );
}
