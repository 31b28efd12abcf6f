import { Alert, Anchor, Button, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  ANOMALY_SEVERITY_LABELS,
  ANOMALY_STATUS_LABELS,
  REPORT_DECISION_LABELS,
} from '../../../../common/acceptance/vocabulary.ts';
import type { ReportFigures } from '../../../../common/schemas/acceptance.ts';
import { useReport, useReportVerification } from '../../api/acceptance.ts';
import { formatDateTime } from '../../components/dates.ts';
import { LoadFailure } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page.tsx';
import { FactTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';

const FIGURES = [
  'cases',
  'executed',
  'passed',
  'failed',
  'blocked',
  'requirementsCovered',
  'openReservations',
] as const;

/** The national acceptance report: what it says, the signed PDF to download, its fingerprint. */
export function ReportPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const query = useReport(id);
  if (query.error) return <LoadFailure error={query.error} missing="page" />;
  const report = query.data;
  if (!report) return null;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('acceptance.reportNumber', { number: report.number })}
        intro={t('acceptance.signedBy', {
          name: report.signerName,
          date: formatDateTime(report.signedAt, language),
        })}
        actions={
          <Group>
            <Button component="a" href={`/api/acceptance-reports/${report.id}/pdf`} download>
              {t('acceptance.download')}
            </Button>
            <Button component={Link} to={`/verification/pv/${report.id}`} variant="light">
              {t('acceptance.verifyLink')}
            </Button>
          </Group>
        }
      />
      <Alert color={report.decision === 'refused' ? 'red' : 'green'} title={t('acceptance.decision')}>
        {label(REPORT_DECISION_LABELS[report.decision])}
      </Alert>
      <Paper withBorder p="md">
        <FactTable
          rows={[
            [
              t('acceptance.campaign'),
              <Anchor key="campaign" component={Link} to={`/recettes/${report.campaignId}`}>
                {report.campaignTitle}
              </Anchor>,
            ],
            [t('acceptance.version'), report.versionLabel],
            ...FIGURES.map((f): [string, string] => [
              t(`acceptance.figure.${f}`),
              String(report.figures[f as keyof ReportFigures]),
            ]),
            [t('acceptance.observations'), report.observations],
            [t('acceptance.toFix'), report.toFix],
            [t('acceptance.sha256'), <Code key="sha">{report.sha256}</Code>],
          ]}
        />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} mb="sm">
          {t('acceptance.reservations')}
        </Title>
        {report.reservations.length === 0 ? (
          <Text>{t('acceptance.noReservation')}</Text>
        ) : (
          <List>
            {report.reservations.map((r) => (
              <List.Item key={r.number}>
                AN-{r.number} {r.title} — {label(ANOMALY_SEVERITY_LABELS[r.severity])},{' '}
                {label(ANOMALY_STATUS_LABELS[r.status])}
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
    </Stack>
  );
}

/** The public page that says whether a stored report is intact and its signature valid. */
export function VerificationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const query = useReportVerification(id);
  const check = query.data;
  const mark = (ok: boolean) => (ok ? t('acceptance.verification.ok') : t('acceptance.verification.ko'));
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('acceptance.verification.title')} intro={t('acceptance.verification.intro')} />
      {query.error ? <Alert color="red">{t('acceptance.verification.notFound')}</Alert> : null}
      {check ? (
        <>
          <Alert color={check.valid ? 'green' : 'red'} role="status">
            {check.valid ? t('acceptance.verification.valid') : t('acceptance.verification.invalid')}
          </Alert>
          <FactTable
            rows={[
              [t('acceptance.report'), check.number],
              [t('acceptance.decision'), label(REPORT_DECISION_LABELS[check.decision])],
              [
                t('acceptance.verification.certificate'),
                `${check.signerName} — ${formatDateTime(check.signedAt, language)}${check.certificateSubject ? ` (${check.certificateSubject})` : ''}`,
              ],
              [t('acceptance.verification.integrity'), mark(check.integrity)],
              [t('acceptance.verification.signature'), mark(check.signatureValid)],
              [t('acceptance.sha256'), <Code key="sha">{check.sha256}</Code>],
            ]}
          />
        </>
      ) : null}
    </Stack>
  );
}
