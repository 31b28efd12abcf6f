import { Anchor, Group, Select, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  REPORT_STATE_LABELS,
  REPORT_STATES,
  type ReportState,
} from '../../../../common/accessibility/vocabulary.ts';
import type { Language } from '../../../../common/lifecycle.ts';
import { useAccessibilityReports } from '../../api/accessibility.ts';
import { formatDateTime } from '../../components/dates.ts';
import { ErrorAlert, PageHeader, Pager } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useFilters } from '../../components/use-filters.ts';

const PAGE_SIZE = 25;

/** The administrators' queue of accessibility reports, the waiting ones first. */
export function AccessibilityReportsPage() {
  const { t, i18n } = useTranslation();
  const language = (i18n.language === 'en' ? 'en' : 'fr') as Language;
  const { filters, page, setPage, set } = useFilters({ state: 'received' as string | null });
  const query = useAccessibilityReports({ state: (filters.state as ReportState | null) ?? undefined, page });
  const data = query.data;
  const stateLabel = (state: ReportState) => REPORT_STATE_LABELS[state][language];
  return (
    <>
      <PageHeader title={t('accessibility.admin.title')} intro={t('accessibility.admin.intro')} />
      <ErrorAlert error={query.error} />
      <Group mb="md">
        <Select
          label={t('accessibility.admin.filter')}
          clearable
          placeholder={t('accessibility.admin.all')}
          data={REPORT_STATES.map((state) => ({
            value: state,
            label: `${stateLabel(state)} (${data?.counts[state] ?? 0})`,
          }))}
          value={filters.state}
          onChange={(value) => set('state', value)}
          w={260}
        />
      </Group>
      <ListTable
        caption={t('accessibility.admin.title')}
        columns={[
          t('accessibility.admin.reference'),
          t('accessibility.admin.page'),
          t('accessibility.admin.problem'),
          t('accessibility.admin.from'),
          t('accessibility.admin.receivedAt'),
          t('accessibility.admin.state'),
        ]}
        minWidth={820}
        isEmpty={data !== undefined && data.items.length === 0}
        stacked
      >
        {(data?.items ?? []).map((report) => (
          <Table.Tr key={report.id}>
            <Table.Td data-label={t('accessibility.admin.reference')}>
              <Anchor
                component={Link}
                to={`/administration/accessibilite/${report.id}`}
                aria-label={t('accessibility.admin.open', { reference: report.reference })}
              >
                {report.reference}
              </Anchor>
            </Table.Td>
            <Table.Td data-label={t('accessibility.admin.page')} style={{ overflowWrap: 'anywhere' }}>
              {report.pageUrl}
            </Table.Td>
            <Table.Td data-label={t('accessibility.admin.problem')}>{report.excerpt}</Table.Td>
            <Table.Td data-label={t('accessibility.admin.from')} style={{ overflowWrap: 'anywhere' }}>
              {report.email}
            </Table.Td>
            <Table.Td data-label={t('accessibility.admin.receivedAt')}>
              {formatDateTime(report.createdAt, i18n.language)}
            </Table.Td>
            <Table.Td data-label={t('accessibility.admin.state')}>
              <Text size="sm">{stateLabel(report.state)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {data ? <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} /> : null}
    </>
  );
}
