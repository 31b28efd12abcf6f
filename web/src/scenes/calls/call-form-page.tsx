import {
  Button,
  Fieldset,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALL_SCOPES, type CallScope } from '../../../../common/calls/vocabulary.ts';
import { REGION_LABELS, REGIONS, type Region } from '../../../../common/organisations.ts';
import type { CallDto } from '../../../../common/schemas/calls.ts';
import { useCall, useSaveCall } from '../../api/calls.ts';
import { ApiError } from '../../api/client.ts';
import { DomainSelect } from '../../components/domain-select.tsx';
import { EditableRows, type KeyedRow, nextRowKey } from '../../components/editable-rows.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { OfficesMultiSelect } from '../../components/office-select.tsx';
import { PageHeader } from '../../components/page.tsx';

type CriterionRow = KeyedRow & { label: string; weight: number | '' };
const DATES = ['publicationOn', 'questionsUntil', 'proposalsUntil', 'selectionBy'] as const;

interface CallFormState {
  title: string;
  context: string;
  expectedOutcome: string;
  scope: CallScope;
  region: Region | null;
  officeIds: string[];
  domainCode: string | null;
  effortDays: number | '';
  budgetEuros: number | '';
  criteria: CriterionRow[];
  dates: Record<(typeof DATES)[number], string>;
}

function initialState(call?: CallDto): CallFormState {
  return {
    title: call?.title ?? '',
    context: call?.context ?? '',
    expectedOutcome: call?.expectedOutcome ?? '',
    scope: call?.scope ?? 'national',
    region: call?.region ?? null,
    officeIds: call?.offices.map((o) => o.id) ?? [],
    domainCode: call?.domain.code ?? null,
    effortDays: call?.effortDays ?? '',
    budgetEuros: call?.budgetEuros ?? '',
    criteria: (call?.criteria ?? []).map((c) => ({ ...c, key: nextRowKey() })),
    dates: {
      publicationOn: call?.publicationOn ?? '',
      questionsUntil: call?.questionsUntil ?? '',
      proposalsUntil: call?.proposalsUntil ?? '',
      selectionBy: call?.selectionBy ?? '',
    },
  };
}

/** The body the API takes: empty numbers and dates are null, each criterion without its row key. */
function bodyOf(state: CallFormState) {
  return {
    title: state.title,
    context: state.context,
    expectedOutcome: state.expectedOutcome,
    scope: state.scope,
    region: state.scope === 'regional' ? state.region : null,
    officeIds: state.scope === 'local' ? state.officeIds : [],
    domainCode: state.domainCode ?? '',
    effortDays: state.effortDays === '' ? null : state.effortDays,
    budgetEuros: state.budgetEuros === '' ? null : state.budgetEuros,
    criteria: state.criteria.map((c) => ({ label: c.label, weight: c.weight === '' ? 0 : c.weight })),
    publicationOn: state.dates.publicationOn || null,
    questionsUntil: state.dates.questionsUntil,
    proposalsUntil: state.dates.proposalsUntil,
    selectionBy: state.dates.selectionBy,
  };
}

function CallForm({ call }: { call?: CallDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveCall();
  const [state, setState] = useState(() => initialState(call));
  const set = <K extends keyof CallFormState>(key: K, value: CallFormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));
  const problem = save.error instanceof ApiError ? save.error : null;
  const error = (field: string) => problem?.fieldError(field);
  const total = state.criteria.reduce((sum, c) => sum + (c.weight === '' ? 0 : c.weight), 0);
  const submit = () => {
    const body = bodyOf(state);
    const input = call ? { id: call.id, body: { ...body, version: call.version } } : { body };
    save.mutate(input, { onSuccess: (saved) => navigate({ to: `/appels/${saved.id}` }) });
  };
  return (
    <FormFrame
      onSubmit={submit}
      error={save.error}
      errorsTitle={t('calls.form.errorsTitle')}
      conflictTitle={t('calls.form.conflictTitle')}
      reload={
        call ? (
          <Button variant="default" onClick={() => window.location.reload()}>
            {t('calls.form.reload')}
          </Button>
        ) : undefined
      }
      submitLabel={t('calls.form.submit')}
      pending={save.isPending}
      cancelTo={call ? `/appels/${call.id}` : '/appels'}
    >
      <Fieldset legend={t('calls.form.about')}>
        <Stack>
          <TextInput
            label={t('calls.form.title')}
            required
            value={state.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={error('title')}
          />
          <DomainSelect
            value={state.domainCode}
            onChange={(v) => set('domainCode', v)}
            error={error('domainCode')}
          />
          <MarkdownField
            label={`${t('calls.context')} *`}
            value={state.context}
            onChange={(v) => set('context', v)}
            error={error('context')}
          />
          <MarkdownField
            label={t('calls.expectedOutcome')}
            value={state.expectedOutcome}
            onChange={(v) => set('expectedOutcome', v)}
            error={error('expectedOutcome')}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('calls.form.audience')}>
        <Stack>
          <Radio.Group
            label={t('calls.scopeLabel')}
            value={state.scope}
            onChange={(v) => set('scope', v as CallScope)}
            error={error('scope')}
          >
            <Stack gap={6} mt={4}>
              {CALL_SCOPES.map((scope) => (
                <Radio
                  key={scope}
                  value={scope}
                  label={t(`calls.form.scope${scope.charAt(0).toUpperCase()}${scope.slice(1)}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          {state.scope === 'regional' ? (
            <Select
              label={t('calls.region')}
              required
              searchable
              data={REGIONS.filter((r) => r !== 'national').map((r) => ({
                value: r,
                label: REGION_LABELS[r],
              }))}
              value={state.region}
              onChange={(v) => set('region', v as Region | null)}
              error={error('region')}
            />
          ) : null}
          {state.scope === 'local' ? (
            <OfficesMultiSelect
              label={t('calls.offices')}
              value={state.officeIds}
              onChange={(ids) => set('officeIds', ids)}
              error={error('officeIds')}
            />
          ) : null}
        </Stack>
      </Fieldset>
      <Fieldset legend={t('calls.form.means')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('calls.form.effortDays')}
            min={0}
            allowDecimal={false}
            value={state.effortDays}
            onChange={(v) => set('effortDays', typeof v === 'number' ? v : '')}
            error={error('effortDays')}
          />
          <NumberInput
            label={t('calls.form.budgetEuros')}
            min={0}
            allowDecimal={false}
            thousandSeparator=" "
            value={state.budgetEuros}
            onChange={(v) => set('budgetEuros', typeof v === 'number' ? v : '')}
            error={error('budgetEuros')}
          />
        </SimpleGrid>
      </Fieldset>
      <EditableRows<CriterionRow>
        legend={t('calls.criteria')}
        rows={state.criteria}
        onChange={(rows) => set('criteria', rows)}
        listError={error('criteria')}
        removeLabel={(_row, index) => t('calls.form.removeCriterion', { number: index + 1 })}
        addLabel={t('calls.form.addCriterion')}
        newRow={() => ({ label: '', weight: '' })}
        renderRow={(row, index, change) => (
          <>
            <TextInput
              label={t('calls.form.criterionLabel', { number: index + 1 })}
              value={row.label}
              onChange={(e) => change({ label: e.currentTarget.value })}
              error={error(`criteria.${index}.label`)}
              style={{ flex: 1, minWidth: 'min(240px, 100%)' }}
            />
            <NumberInput
              label={t('calls.form.criterionWeight', { number: index + 1 })}
              min={1}
              max={100}
              allowDecimal={false}
              value={row.weight}
              onChange={(v) => change({ weight: typeof v === 'number' ? v : '' })}
              error={error(`criteria.${index}.weight`)}
              w={140}
            />
          </>
        )}
      />
      <Text
        size="sm"
        c={total === 100 || state.criteria.length === 0 ? 'dimmed' : 'red.9'}
        aria-live="polite"
      >
        {t('calls.weightTotal', { total })}
      </Text>
      <Fieldset legend={t('calls.timeline')}>
        <Stack gap="xs">
          <Text size="sm">{t('calls.form.timelineHelp')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {DATES.map((key) => (
              <TextInput
                key={key}
                type="date"
                label={t(`calls.${key}`)}
                required={key !== 'publicationOn'}
                value={state.dates[key]}
                onChange={(e) => set('dates', { ...state.dates, [key]: e.currentTarget.value })}
                error={error(key)}
              />
            ))}
          </SimpleGrid>
        </Stack>
      </Fieldset>
    </FormFrame>
  );
}

export function CallCreatePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('calls.form.createTitle')} intro={t('calls.form.createIntro')} />
      <CallForm />
    </>
  );
}

export function CallEditPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useCall(id);
  if (query.error) return <LoadFailure error={query.error} missing="page" />;
  if (!query.data) return null;
  return (
    <>
      <PageHeader title={t('calls.form.editTitle', { title: query.data.title })} />
      <CallForm call={query.data} />
    </>
  );
}
