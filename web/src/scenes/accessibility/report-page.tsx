import { Anchor, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { accessibilityReportLifecycle } from '../../../../common/lifecycles/accessibility-report.ts';
import { useAccessibilityReport, useFireReportTransition } from '../../api/accessibility.ts';
import { formatDateTime } from '../../components/dates.ts';
import { LifecyclePanel } from '../../components/lifecycle/lifecycle-panel.tsx';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { FactTable } from '../../components/tables.tsx';

/** One accessibility report: what the person wrote, who they are, the answer, and the actions open now. */
export function AccessibilityReportPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const query = useAccessibilityReport(id);
  const fire = useFireReportTransition();
  const report = query.data;
  if (!report)
    return query.error ? <ErrorAlert error={query.error} /> : <Loader aria-label={t('common.loading')} />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/administration/accessibilite">
        {t('accessibility.admin.back')}
      </Anchor>
      <PageHeader title={t('accessibility.admin.one', { reference: report.reference })} />
      <Paper withBorder p="md">
        <FactTable
          rows={[
            [
              t('accessibility.admin.page'),
              <span key="page" style={{ overflowWrap: 'anywhere' }}>
                {report.pageUrl}
              </span>,
            ],
            [t('accessibility.admin.receivedAt'), formatDateTime(report.createdAt, i18n.language)],
            [
              t('accessibility.admin.reporter'),
              [
                report.reporterName,
                report.reporter
                  ? t('accessibility.admin.account', {
                      name: report.reporter.name,
                      office: report.reporter.office,
                    })
                  : t('accessibility.admin.anonymous'),
              ]
                .filter(Boolean)
                .join(' — '),
            ],
            [
              t('accessibility.admin.from'),
              <Anchor key="email" href={`mailto:${report.email}`} style={{ overflowWrap: 'anywhere' }}>
                {report.email}
              </Anchor>,
            ],
          ]}
        />
        <Title order={2} size="h4" mt="md">
          {t('accessibility.admin.description')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{report.description}</Text>
        {report.answer ? (
          <>
            <Title order={2} size="h4" mt="md">
              {t('accessibility.admin.answer')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{report.answer}</Text>
            {report.answeredBy && report.answeredAt ? (
              <Text size="sm" c="dimmed">
                {t('accessibility.admin.answeredBy', {
                  name: report.answeredBy,
                  date: formatDateTime(report.answeredAt, i18n.language),
                })}
              </Text>
            ) : null}
          </>
        ) : null}
      </Paper>
      <Paper withBorder p="md">
        <LifecyclePanel
          lifecycle={accessibilityReportLifecycle.name}
          view={report.lifecycles.find((view) => view.lifecycle === accessibilityReportLifecycle.name)}
          transitions={report.transitions}
          version={report.version}
          subject={report.reference}
          title={t('accessibility.admin.lifecycle')}
          fire={(body) => fire.mutateAsync({ id: report.id, body })}
        />
      </Paper>
    </Stack>
  );
}
