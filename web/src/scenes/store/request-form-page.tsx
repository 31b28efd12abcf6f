import { Checkbox, Fieldset, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDto } from '../../../../common/schemas/deployment-request.ts';
import { ENVIRONMENT_LABELS, ENVIRONMENTS, type Environment } from '../../../../common/store/vocabulary.ts';
import { ApiError } from '../../api/client.ts';
import { useCreateRequest, useRequest, useUpdateRequest } from '../../api/deployment-requests.ts';
import { useStoreApplication } from '../../api/store.ts';
import { FormFrame } from '../../components/form-frame.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';

interface Draft {
  expectedUsers: number | string;
  wantedOn: string;
  environments: Environment[];
  dpoInformed: boolean;
  processingRegisterUpdated: boolean;
  cnilFormalitiesDone: boolean;
  comment: string;
}
const ANSWERS = ['dpoInformed', 'processingRegisterUpdated', 'cnilFormalitiesDone'] as const;

const draftOf = (request?: RequestDto): Draft => ({
  expectedUsers: request?.expectedUsers ?? '',
  wantedOn: request?.wantedOn ?? '',
  environments: request?.environments ?? ['production'],
  dpoInformed: request?.dataProtection.dpoInformed ?? false,
  processingRegisterUpdated: request?.dataProtection.processingRegisterUpdated ?? false,
  cnilFormalitiesDone: request?.dataProtection.cnilFormalitiesDone ?? false,
  comment: request?.dataProtection.comment ?? '',
});

/** What the API takes of the form (a number left empty goes as null: the API says it is required). */
const bodyOf = (draft: Draft) => ({
  expectedUsers: (draft.expectedUsers === '' ? null : Number(draft.expectedUsers)) as number,
  wantedOn: draft.wantedOn,
  environments: draft.environments,
  dataProtection: {
    dpoInformed: draft.dpoInformed,
    processingRegisterUpdated: draft.processingRegisterUpdated,
    cnilFormalitiesDone: draft.cnilFormalitiesDone,
    ...(draft.comment ? { comment: draft.comment } : {}),
  },
});

function RequestFields({
  draft,
  onChange,
  error,
}: {
  draft: Draft;
  onChange: (d: Draft) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const fieldError = (field: string) =>
    error instanceof ApiError ? error.problem.errors?.find((e) => e.field === field)?.message : undefined;
  return (
    <>
      <NumberInput
        label={t('requests.expectedUsers')}
        required
        min={1}
        value={draft.expectedUsers}
        onChange={(value) => onChange({ ...draft, expectedUsers: value })}
        error={fieldError('expectedUsers')}
        maw={320}
      />
      <TextInput
        type="date"
        label={t('requests.wantedOn')}
        required
        value={draft.wantedOn}
        onChange={(e) => onChange({ ...draft, wantedOn: e.currentTarget.value })}
        error={fieldError('wantedOn')}
        maw={320}
      />
      <Checkbox.Group
        label={t('requests.environments')}
        description={t('requests.environmentsHelp')}
        value={draft.environments}
        onChange={(value) => onChange({ ...draft, environments: value as Environment[] })}
        error={fieldError('environments')}
        required
      >
        <Stack gap={6} mt={6}>
          {ENVIRONMENTS.map((env) => (
            <Checkbox key={env} value={env} label={label(ENVIRONMENT_LABELS[env])} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Fieldset legend={t('requests.dataProtection')}>
        <Text size="sm" c="dimmed" mb="xs">
          {t('requests.dataProtectionHelp')}
        </Text>
        <Stack gap="xs">
          {ANSWERS.map((answer) => (
            <Checkbox
              key={answer}
              label={t(`requests.${answer}`)}
              checked={draft[answer]}
              onChange={(e) => onChange({ ...draft, [answer]: e.currentTarget.checked })}
              error={fieldError(`dataProtection.${answer}`)}
            />
          ))}
          <Textarea
            label={t('requests.dataProtectionComment')}
            value={draft.comment}
            onChange={(e) => onChange({ ...draft, comment: e.currentTarget.value })}
            error={fieldError('dataProtection.comment')}
            autosize
            minRows={2}
          />
        </Stack>
      </Fieldset>
    </>
  );
}

/** A new request for an application of the Store, created as a draft of the caller's office. */
export function RequestFormPage({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const app = useStoreApplication(applicationId);
  const create = useCreateRequest();
  const [draft, setDraft] = useState<Draft>(draftOf());
  if (app.error) return <LoadFailure error={app.error} missing="application" />;
  if (!app.data) return null;
  return (
    <>
      <PageHeader title={t('requests.newTitle', { name: app.data.name })} intro={t('requests.newIntro')} />
      <FormFrame
        onSubmit={() =>
          create.mutate(
            { applicationId, ...bodyOf(draft) },
            { onSuccess: (request) => void navigate({ to: `/store/demandes/${request.id}` }) },
          )
        }
        error={create.error}
        errorsTitle={t('requests.errorsTitle')}
        conflictTitle={t('requests.conflictTitle')}
        submitLabel={t('requests.create')}
        pending={create.isPending}
        cancelTo={`/store/${applicationId}`}
      >
        <RequestFields draft={draft} onChange={setDraft} error={create.error} />
      </FormFrame>
    </>
  );
}

/** Completing a draft or a request returned for changes, at the version it was opened at. */
export function RequestEditPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useRequest(id);
  const [draft, setDraft] = useState<Draft | null>(null);
  const update = useUpdateRequest(id);
  if (query.error) return <LoadFailure error={query.error} missing="page" />;
  const request = query.data;
  if (!request) return null;
  const shown = draft ?? draftOf(request);
  return (
    <>
      <PageHeader title={`${t('requests.edit')} ${request.reference}`} intro={request.application.name} />
      <FormFrame
        onSubmit={() =>
          update.mutate(
            { ...bodyOf(shown), version: request.version },
            { onSuccess: () => void navigate({ to: `/store/demandes/${id}` }) },
          )
        }
        error={update.error}
        errorsTitle={t('requests.errorsTitle')}
        conflictTitle={t('requests.conflictTitle')}
        submitLabel={t('requests.save')}
        pending={update.isPending}
        cancelTo={`/store/demandes/${id}`}
      >
        <RequestFields draft={shown} onChange={setDraft} error={update.error} />
      </FormFrame>
    </>
  );
}
