import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetDto, CostReportDto } from '../../../../common/schemas/hosting.ts';
import { ApiError } from '../../api/client.ts';
import { useSetBudget } from '../../api/hosting.ts';
import { useAllOrganisations } from '../../api/queries.ts';

/** 'over' at 100 % of the budget, 'near' from 80 %, else 'within' (the thresholds the alerts use). */
export const budgetState = (percent: number) => (percent >= 100 ? 'over' : percent >= 80 ? 'near' : 'within');
/** Darker than the palette's last orange and green: legible (4.5:1) on the tables' striped rows too. */
export const BUDGET_COLORS = { over: 'red.9', near: '#a63b06', within: '#1f6f33' } as const;

/**
 * The DDSI sets an office's yearly hosting budget: a new one, or the one the report shows (sent with
 * its version). The answer says how much of it is consumed and which alerts (80 %, 100 %) went out.
 */
export function BudgetForm({ report, year }: { report: CostReportDto; year: number }) {
  const { t } = useTranslation();
  const offices = useAllOrganisations();
  const save = useSetBudget();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [amount, setAmount] = useState<number | string>('');
  const [saved, setSaved] = useState<BudgetDto | null>(null);
  const existing = report.budgets.find((b) => b.organisation.id === organisationId && b.year === year);
  const fieldError = (field: string) =>
    save.error instanceof ApiError
      ? save.error.problem.errors?.find((e) => e.field === field)?.message
      : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const budget = await save
      .mutateAsync({
        organisationId: organisationId ?? '',
        year,
        amountEuros: (amount === '' ? null : Number(amount)) as number,
        ...(existing ? { version: existing.version } : {}),
      })
      .catch(() => null);
    if (budget) setSaved(budget);
  };
  const state = saved ? budgetState(saved.percent) : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="budget-form-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="budget-form-title">
            {t('hosting.setBudget', { year })}
          </Title>
          <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
            <Select
              label={t('hosting.office')}
              required
              searchable
              data={(offices.data ?? [])
                .filter((o) => o.type !== 'national')
                .map((o) => ({ value: o.id, label: o.name }))}
              value={organisationId}
              onChange={(value) => {
                setOrganisationId(value);
                const current = report.budgets.find((b) => b.organisation.id === value && b.year === year);
                setAmount(current ? current.amountCents / 100 : '');
              }}
              error={fieldError('organisationId')}
              miw={220}
            />
            <NumberInput
              label={t('hosting.budgetAmount')}
              required
              min={0}
              decimalScale={2}
              thousandSeparator=" "
              value={amount}
              onChange={setAmount}
              error={fieldError('amountEuros')}
              miw={160}
            />
          </Group>
          {existing ? <Text size="sm">{t('hosting.budgetReplaces')}</Text> : null}
          {save.error instanceof ApiError && !save.error.problem.errors ? (
            <Alert color="red" role="alert" title={t('hosting.budgetNotSaved')}>
              {save.error.problem.detail}
            </Alert>
          ) : null}
          {saved && state ? (
            <Alert color={state === 'within' ? 'green' : state === 'near' ? 'orange' : 'red'} role="status">
              {t('hosting.budgetSaved', {
                name: saved.organisation.name,
                percent: saved.percent,
              })}{' '}
              {saved.alerts.length > 0
                ? t('hosting.budgetAlerts', {
                    thresholds: saved.alerts.map((a) => `${a.threshold} %`).join(', '),
                  })
                : t('hosting.budgetNoAlert')}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('hosting.saveBudget')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
