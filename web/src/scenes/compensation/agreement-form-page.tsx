import {
  Button,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AGREEMENT_COMMITMENT_LABELS,
  AGREEMENT_COMMITMENTS,
  type AgreementCommitment,
  STATEMENT_FREQUENCIES,
  STATEMENT_FREQUENCY_LABELS,
  type StatementFrequency,
  VALUATION_RULE_LABELS,
  VALUATION_RULES,
  type ValuationRule,
} from '../../../../common/compensation/vocabulary.ts';
import { useAgreementWrite, useOfficeApplications } from '../../api/compensation.ts';
import { useAllOrganisations } from '../../api/queries.ts';
import { PageHeader } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';
import { ProblemList } from './problem-list.tsx';

/** The DDO drafts an agreement with an office, about one of its applications or a national development. */
export function AgreementCreatePage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const { create } = useAgreementWrite();
  const offices = (useAllOrganisations().data ?? []).filter((o) => o.type !== 'national');
  const [officeId, setOfficeId] = useState<string | null>(null);
  const office = offices.find((o) => o.id === officeId);
  const applications = useOfficeApplications(office?.code);
  const [f, setF] = useState({
    title: '',
    applicationId: null as string | null,
    nationalLabel: '',
    officeSignatory: '',
    ddoSignatory: '',
    periodStart: '',
    periodEnd: '',
    valuation: 'rateTable' as ValuationRule,
    flat: '' as number | string,
    ceiling: '' as number | string,
    commitments: [] as AgreementCommitment[],
    commitmentNote: '',
    statementFrequency: 'quarterly' as StatementFrequency,
    text: '',
  });
  const set = <K extends keyof typeof f>(key: K, value: (typeof f)[K]) =>
    setF((old) => ({ ...old, [key]: value }));
  const cents = (euros: number | string) => Math.round(Number(euros) * 100);
  const submit = () =>
    create.mutate(
      {
        title: f.title,
        organisationId: officeId ?? '',
        target: f.applicationId
          ? { kind: 'application', applicationId: f.applicationId }
          : { kind: 'nationalDevelopment', label: f.nationalLabel },
        officeSignatory: f.officeSignatory,
        ddoSignatory: f.ddoSignatory,
        periodStart: f.periodStart,
        periodEnd: f.periodEnd,
        valuation: f.valuation,
        flatAmountCents: f.valuation === 'flat' ? cents(f.flat) : null,
        ceilingCents: cents(f.ceiling),
        commitments: f.commitments,
        commitmentNote: f.commitmentNote,
        statementFrequency: f.statementFrequency,
        ...(f.text.trim() ? { text: f.text } : {}),
      },
      { onSuccess: (a) => navigate({ to: `/conventions/${a.id}` }) },
    );
  return (
    <Stack gap="lg">
      <PageHeader title={t('agreements.create')} />
      <ProblemList error={create.error} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <TextInput
            label={t('agreements.title_')}
            value={f.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('agreements.office')}
              data={offices.map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))}
              value={officeId}
              onChange={setOfficeId}
              searchable
              required
            />
            <Select
              label={t('agreements.targetApplication')}
              data={(applications.data?.items ?? []).map((a) => ({
                value: a.id,
                label: `${a.name} (${a.code})`,
              }))}
              value={f.applicationId}
              onChange={(v) => set('applicationId', v)}
              searchable
              clearable
            />
          </SimpleGrid>
          {f.applicationId ? null : (
            <TextInput
              label={t('agreements.targetNational')}
              value={f.nationalLabel}
              onChange={(e) => set('nationalLabel', e.currentTarget.value)}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('agreements.officeSignatory')}
              value={f.officeSignatory}
              onChange={(e) => set('officeSignatory', e.currentTarget.value)}
              required
            />
            <TextInput
              label={t('agreements.ddoSignatory')}
              value={f.ddoSignatory}
              onChange={(e) => set('ddoSignatory', e.currentTarget.value)}
              required
            />
            <TextInput
              label={t('agreements.periodStart')}
              description={t('effort.monthHelp')}
              value={f.periodStart}
              onChange={(e) => set('periodStart', e.currentTarget.value)}
              required
            />
            <TextInput
              label={t('agreements.periodEnd')}
              description={t('effort.monthHelp')}
              value={f.periodEnd}
              onChange={(e) => set('periodEnd', e.currentTarget.value)}
              required
            />
            <Select
              label={t('agreements.valuation')}
              data={VALUATION_RULES.map((v) => ({ value: v, label: label(VALUATION_RULE_LABELS[v]) }))}
              value={f.valuation}
              onChange={(v) => v && set('valuation', v as ValuationRule)}
              allowDeselect={false}
            />
            {f.valuation === 'flat' ? (
              <NumberInput
                label={t('agreements.flatEuros')}
                value={f.flat}
                onChange={(v) => set('flat', v)}
                min={0}
                decimalScale={2}
              />
            ) : null}
            <NumberInput
              label={t('agreements.ceilingEuros')}
              value={f.ceiling}
              onChange={(v) => set('ceiling', v)}
              min={0}
              decimalScale={2}
              required
            />
            <Select
              label={t('agreements.statementFrequency')}
              data={STATEMENT_FREQUENCIES.map((v) => ({
                value: v,
                label: label(STATEMENT_FREQUENCY_LABELS[v]),
              }))}
              value={f.statementFrequency}
              onChange={(v) => v && set('statementFrequency', v as StatementFrequency)}
              allowDeselect={false}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('agreements.commitments')}
            data={AGREEMENT_COMMITMENTS.map((c) => ({
              value: c,
              label: label(AGREEMENT_COMMITMENT_LABELS[c]),
            }))}
            value={f.commitments}
            onChange={(v) => set('commitments', v as AgreementCommitment[])}
          />
          <Textarea
            label={t('agreements.commitmentNote')}
            value={f.commitmentNote}
            onChange={(e) => set('commitmentNote', e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Textarea
            label={t('agreements.initialText')}
            value={f.text}
            onChange={(e) => set('text', e.currentTarget.value)}
            autosize
            minRows={4}
          />
          <Button onClick={submit} loading={create.isPending} w="fit-content">
            {t('agreements.save')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
