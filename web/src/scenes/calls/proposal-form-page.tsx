import { Button, Fieldset, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDto } from '../../../../common/schemas/calls.ts';
import type { ProposalDto } from '../../../../common/schemas/proposals.ts';
import { useCall } from '../../api/calls.ts';
import { ApiError } from '../../api/client.ts';
import { useProposal, useSaveProposal } from '../../api/proposals.ts';
import { FormFrame } from '../../components/form-frame.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { OfficesMultiSelect } from '../../components/office-select.tsx';
import { PageHeader } from '../../components/page.tsx';
import { type ApplicationRef, ApplicationsPicker } from './applications-picker.tsx';
import { CallAnswers } from './call-answers.tsx';

interface ProposalFormState {
  title: string;
  approach: string;
  team: string;
  effortDays: number | '';
  plannedStart: string;
  plannedEnd: string;
  reused: ApplicationRef[];
  partnerOfficeIds: string[];
}

function initialState(proposal?: ProposalDto): ProposalFormState {
  return {
    title: proposal?.title ?? '',
    approach: proposal?.approach ?? '',
    team: proposal?.team ?? '',
    effortDays: proposal?.effortDays ?? '',
    plannedStart: proposal?.plannedStart ?? '',
    plannedEnd: proposal?.plannedEnd ?? '',
    reused: proposal?.reusedApplications ?? [],
    partnerOfficeIds: proposal?.partners.map((p) => p.id) ?? [],
  };
}

/** The body the API takes: empty numbers and dates are null, the applications by their id. */
const bodyOf = (state: ProposalFormState) => ({
  title: state.title,
  approach: state.approach,
  team: state.team,
  effortDays: state.effortDays === '' ? null : state.effortDays,
  plannedStart: state.plannedStart || null,
  plannedEnd: state.plannedEnd || null,
  reusedApplicationIds: state.reused.map((a) => a.id),
  partnerOfficeIds: state.partnerOfficeIds,
});

/** A proposal's draft, new on a call or edited: approach, team and effort, dates, reuse, partners. */
function ProposalForm({ call, proposal }: { call: CallDto; proposal?: ProposalDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveProposal();
  const [state, setState] = useState(() => initialState(proposal));
  const set = <K extends keyof ProposalFormState>(key: K, value: ProposalFormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));
  const problem = save.error instanceof ApiError ? save.error : null;
  const error = (field: string) => problem?.fieldError(field);
  const reuse = (application: ApplicationRef) =>
    setState((s) =>
      s.reused.some((a) => a.id === application.id) ? s : { ...s, reused: [...s.reused, application] },
    );
  const submit = () => {
    const body = bodyOf(state);
    const input = proposal
      ? { callId: call.id, id: proposal.id, body: { ...body, version: proposal.version } }
      : { callId: call.id, body };
    save.mutate(input, { onSuccess: (saved) => navigate({ to: `/propositions/${saved.id}` }) });
  };
  return (
    <Stack gap="lg">
      <CallAnswers call={call} reused={state.reused} onReuse={reuse} />
      <FormFrame
        onSubmit={submit}
        error={save.error}
        errorsTitle={t('proposals.form.errorsTitle')}
        conflictTitle={t('proposals.form.conflictTitle')}
        reload={
          proposal ? (
            <Button variant="default" onClick={() => window.location.reload()}>
              {t('proposals.form.reload')}
            </Button>
          ) : undefined
        }
        submitLabel={t('proposals.form.submit')}
        pending={save.isPending}
        cancelTo={proposal ? `/propositions/${proposal.id}` : `/appels/${call.id}`}
      >
        <Fieldset legend={t('proposals.form.about')}>
          <Stack>
            <TextInput
              label={t('proposals.form.title')}
              required
              value={state.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              error={error('title')}
            />
            <MarkdownField
              label={`${t('proposals.approach')} *`}
              value={state.approach}
              onChange={(v) => set('approach', v)}
              error={error('approach')}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('proposals.form.means')}>
          <Stack>
            <Textarea
              label={t('proposals.team')}
              description={t('proposals.form.teamHelp')}
              autosize
              minRows={3}
              value={state.team}
              onChange={(e) => set('team', e.currentTarget.value)}
              error={error('team')}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label={t('proposals.form.effortDays')}
                min={0}
                allowDecimal={false}
                value={state.effortDays}
                onChange={(v) => set('effortDays', typeof v === 'number' ? v : '')}
                error={error('effortDays')}
              />
              <TextInput
                type="date"
                label={t('proposals.plannedStart')}
                value={state.plannedStart}
                onChange={(e) => set('plannedStart', e.currentTarget.value)}
                error={error('plannedStart')}
              />
              <TextInput
                type="date"
                label={t('proposals.plannedEnd')}
                value={state.plannedEnd}
                onChange={(e) => set('plannedEnd', e.currentTarget.value)}
                error={error('plannedEnd')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('proposals.form.together')}>
          <Stack>
            <ApplicationsPicker
              value={state.reused}
              onChange={(v) => set('reused', v)}
              error={error('reusedApplicationIds')}
            />
            <OfficesMultiSelect
              label={t('proposals.partners')}
              description={t('proposals.form.partnersHelp')}
              value={state.partnerOfficeIds}
              onChange={(v) => set('partnerOfficeIds', v)}
              error={error('partnerOfficeIds')}
            />
          </Stack>
        </Fieldset>
      </FormFrame>
    </Stack>
  );
}

export function ProposalCreatePage({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const query = useCall(callId);
  if (query.error) return <LoadFailure error={query.error} missing="page" />;
  if (!query.data) return null;
  return (
    <>
      <PageHeader
        title={t('proposals.form.createTitle')}
        intro={t('proposals.form.createIntro', { call: query.data.title })}
      />
      <ProposalForm call={query.data} />
    </>
  );
}

export function ProposalEditPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const proposal = useProposal(id);
  const call = useCall(proposal.data?.callId ?? '', { enabled: !!proposal.data });
  const error = proposal.error ?? call.error;
  if (error) return <LoadFailure error={error} missing="page" />;
  if (!proposal.data || !call.data) return null;
  return (
    <>
      <PageHeader title={t('proposals.form.editTitle', { title: proposal.data.title })} />
      <ProposalForm call={call.data} proposal={proposal.data} />
    </>
  );
}
