import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CostReportDto } from '../../../../common/schemas/hosting.ts';
import { ENVIRONMENT_LABELS } from '../../../../common/store/vocabulary.ts';
import { costWorkbookUrl, useCostReport } from '../../api/hosting.ts';
import { can, useMe } from '../../api/queries.ts';
import { formatDay } from '../../components/dates.ts';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { BUDGET_COLORS, BudgetForm, budgetState } from './budget-form.tsx';
import { useMoney, useMonth } from './formats.ts';

const COLORS = ['blue.7', 'teal.7', 'grape.7', 'orange.8', 'indigo.7', 'red.8', 'cyan.8', 'lime.8'];

/** Whole euros, for the axes of the charts (the tables keep the cents). */
function useWholeEuros() {
  const language = useLanguage();
  const format = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  });
  return (euros: number) => format.format(euros);
}

/** A series (application, office, region) month by month, as a table. */
function SeriesTable({
  caption,
  first,
  report,
  rows,
}: {
  caption: string;
  first: string;
  report: CostReportDto;
  rows: CostReportDto['byApplication'];
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const month = useMonth();
  return (
    <ListTable
      caption={caption}
      columns={[first, ...report.months.map(month), t('hosting.totalColumn')]}
      minWidth={720}
      isEmpty={rows.length === 0}
      keyboardScroll
    >
      {rows.map((row) => (
        <Table.Tr key={row.key}>
          <Table.Td>{row.label}</Table.Td>
          {row.monthsCents.map((cents, i) => (
            <Table.Td key={report.months[i]}>{money(cents)}</Table.Td>
          ))}
          <Table.Td>
            <strong>{money(row.totalCents)}</strong>
          </Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}

function Allocation({ report }: { report: CostReportDto }) {
  const { t } = useTranslation();
  const label = useLabel();
  const money = useMoney();
  const month = useMonth();
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('hosting.allocationTitle', { month: month(report.months.at(-1)) })}
      </Title>
      <Text size="sm">{label(report.rules.allocation)}</Text>
      {report.instances.map((instance) => (
        <Card key={instance.application.id} withBorder padding="sm">
          <Title order={3} size="h4">
            {instance.application.name}
          </Title>
          <Text size="sm">
            {t('hosting.instance', {
              users: instance.users,
              vcpu: instance.resources.vcpu,
              memory: instance.resources.memoryGb,
              storage: instance.resources.storageGb,
              version: instance.priceListVersion,
              environments: instance.environments.map((e) => label(ENVIRONMENT_LABELS[e])).join(', '),
            })}
          </Text>
          <Text size="sm" mb="xs">
            {t('hosting.instanceCost', {
              cost: money(instance.costCents),
              standalone: money(instance.standaloneCents),
            })}
          </Text>
          <ListTable
            caption={t('hosting.allocationCaption', { name: instance.application.name })}
            columns={[
              t('hosting.office'),
              t('hosting.users'),
              t('hosting.share'),
              t('hosting.shareAmount'),
              t('hosting.standalone'),
            ]}
            minWidth={560}
            isEmpty={instance.shares.length === 0}
            stacked
          >
            {instance.shares.map((share) => (
              <Table.Tr key={share.tenantId}>
                <Table.Td>{share.organisation.name}</Table.Td>
                <Table.Td data-label={t('hosting.users')}>{share.users}</Table.Td>
                <Table.Td data-label={t('hosting.share')}>{share.percent} %</Table.Td>
                <Table.Td data-label={t('hosting.shareAmount')}>{money(share.shareCents)}</Table.Td>
                <Table.Td data-label={t('hosting.standalone')}>{money(share.standaloneCents)}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </Card>
      ))}
    </Stack>
  );
}

function Budgets({ report }: { report: CostReportDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const money = useMoney();
  const { data: me } = useMe();
  const year = report.budgets[0]?.year ?? Number((report.months.at(-1) ?? '').slice(0, 4));
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('hosting.budgetsTitle', { year })}
      </Title>
      <Text size="sm">{t('hosting.budgetsIntro')}</Text>
      <ListTable
        caption={t('hosting.budgetsTitle', { year })}
        columns={[t('hosting.office'), t('hosting.budget'), t('hosting.consumed'), t('hosting.alerts')]}
        minWidth={640}
        isEmpty={report.budgets.length === 0}
        stacked
      >
        {report.budgets.map((budget) => {
          const state = budgetState(budget.percent);
          const color = BUDGET_COLORS[state];
          return (
            <Table.Tr key={budget.id}>
              <Table.Td>{budget.organisation.name}</Table.Td>
              <Table.Td data-label={t('hosting.budget')}>{money(budget.amountCents)}</Table.Td>
              <Table.Td data-label={t('hosting.consumed')}>
                <Stack gap={4}>
                  <Text size="sm">
                    {money(budget.consumedCents)} ({budget.percent} %)
                  </Text>
                  <Progress
                    value={Math.min(100, budget.percent)}
                    color={color}
                    aria-label={`${t('hosting.consumed')} ${budget.organisation.name}`}
                  />
                </Stack>
              </Table.Td>
              <Table.Td data-label={t('hosting.alerts')}>
                <Stack gap={4}>
                  <Badge variant="outline" color={color}>
                    {t(`hosting.${state}`)}
                  </Badge>
                  <Text size="xs">
                    {budget.alerts.length === 0
                      ? t('hosting.noAlert')
                      : budget.alerts
                          .map((a) =>
                            t('hosting.alertOn', {
                              threshold: a.threshold,
                              date: formatDay(a.reachedAt.slice(0, 10), language),
                            }),
                          )
                          .join(' · ')}
                  </Text>
                </Stack>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </ListTable>
      {can(me, 'hosting.budget') ? <BudgetForm report={report} year={year} /> : null}
    </Stack>
  );
}

/** The AM Cloud costs dashboard for governance: charts, tables, allocation, savings, budgets, XLSX export. */
export function CostsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const money = useMoney();
  const month = useMonth();
  const euros = useWholeEuros();
  const report = useCostReport();
  if (report.error) return <ErrorAlert error={report.error} />;
  if (!report.data) return null;
  const data = report.data;
  const applications = data.byApplication;
  const chartData = data.months.map((m, i) => ({
    month: month(m),
    ...Object.fromEntries(applications.map((a) => [a.key, (a.monthsCents[i] ?? 0) / 100])),
  }));
  const savingsData = data.months.map((m, i) => ({
    month: month(m),
    shared: (data.totals.monthsCents[i] ?? 0) / 100,
    dedicated: (data.savings.standaloneMonthsCents[i] ?? 0) / 100,
  }));
  return (
    <Stack gap="xl">
      <PageHeader
        title={t('hosting.title')}
        intro={
          <>
            {t('hosting.intro')}{' '}
            {t('hosting.period', { from: month(data.months[0]), to: month(data.months.at(-1)) })}
          </>
        }
        actions={
          <Anchor href={costWorkbookUrl(data.months)} download>
            {t('hosting.export')}
          </Anchor>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder>
          <Text size="sm">{t('hosting.total')}</Text>
          <Text fw={700} size="xl">
            {money(data.totals.totalCents)}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm">{t('hosting.saved')}</Text>
          <Text fw={700} size="xl">
            {money(data.savings.totalSavedCents)}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm">{t('hosting.tenants')}</Text>
          <Text fw={700} size="xl">
            {data.instances.reduce((n, i) => n + i.shares.length, 0)}
          </Text>
        </Card>
      </SimpleGrid>
      <Stack gap="sm" component="section" aria-labelledby="costs-by-application">
        <Title order={2} size="h3" id="costs-by-application">
          {t('hosting.byApplicationChart')}
        </Title>
        <Text size="sm">{t('hosting.byApplicationChartHelp')}</Text>
        <BarChart
          h={280}
          data={chartData}
          dataKey="month"
          type="stacked"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ width: 80 }}
          valueFormatter={euros}
          series={applications.map((a, i) => ({
            name: a.key,
            label: a.label,
            color: COLORS[i % COLORS.length] as string,
          }))}
        />
        <SeriesTable
          caption={t('hosting.byApplication')}
          first={t('hosting.application')}
          report={data}
          rows={applications}
        />
      </Stack>
      <SeriesTable
        caption={t('hosting.byOffice')}
        first={t('hosting.office')}
        report={data}
        rows={data.byOffice}
      />
      <SeriesTable
        caption={t('hosting.byRegion')}
        first={t('hosting.region')}
        report={data}
        rows={data.byRegion}
      />
      <Allocation report={data} />
      <Stack gap="sm" component="section" aria-labelledby="costs-savings">
        <Title order={2} size="h3" id="costs-savings">
          {t('hosting.savingsTitle')}
        </Title>
        <Text size="sm">{label(data.rules.savings)}</Text>
        <Group>
          <Text size="sm">
            {t('hosting.saved')} : <strong>{money(data.savings.totalSavedCents)}</strong>
          </Text>
        </Group>
        <BarChart
          h={240}
          data={savingsData}
          dataKey="month"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ width: 80 }}
          valueFormatter={euros}
          series={[
            { name: 'shared', label: t('hosting.shared'), color: 'teal.7' },
            { name: 'dedicated', label: t('hosting.dedicated'), color: 'gray.7' },
          ]}
        />
      </Stack>
      <Budgets report={data} />
    </Stack>
  );
}
