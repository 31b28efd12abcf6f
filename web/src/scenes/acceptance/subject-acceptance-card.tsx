import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_DECISION_LABELS } from '../../../../common/acceptance/vocabulary.ts';
import { acceptanceCampaignLifecycle } from '../../../../common/lifecycles/acceptance-campaign.ts';
import { type CampaignSubject, useCampaignsOf, useReportsOf } from '../../api/acceptance.ts';
import { can, useMe } from '../../api/queries.ts';
import { formatDay } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/page.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';

/**
 * The national acceptance of a project or a catalogue sheet, on its page: its campaigns (state, link),
 * its signed reports (decision, PDF, public verification) and — for the DDSI, the DDFC/DC2R and
 * administrators — the way to open a campaign.
 */
export function SubjectAcceptanceCard({ subject }: { subject: CampaignSubject }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const headingId = useId();
  const { data: me } = useMe();
  const campaigns = useCampaignsOf(subject);
  const reports = useReportsOf(subject);
  const campaignItems = campaigns.data?.items ?? [];
  const reportItems = reports.data?.items ?? [];
  const search =
    'projectId' in subject ? { projet: subject.projectId } : { application: subject.applicationId };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('acceptance.card.title')}
        </Title>
        <ErrorAlert error={campaigns.error ?? reports.error} />
        {reportItems.length > 0 ? (
          <List spacing="xs" aria-label={t('acceptance.card.reports')}>
            {reportItems.map((report) => (
              <List.Item key={report.id}>
                <Stack gap={2}>
                  <Text fw={600}>
                    {t('acceptance.card.report', {
                      number: report.number,
                      decision: label(REPORT_DECISION_LABELS[report.decision]),
                      version: report.versionLabel,
                      date: formatDay(report.signedAt, language),
                    })}
                  </Text>
                  <Group gap="md" wrap="wrap">
                    <Anchor component={Link} to={`/recettes/pv/${report.id}`} size="sm">
                      {t('acceptance.openReport')}
                    </Anchor>
                    <Anchor href={`/api/acceptance-reports/${report.id}/pdf`} download size="sm">
                      {t('acceptance.card.downloadReport', { number: report.number })}
                    </Anchor>
                    <Anchor component={Link} to={`/verification/pv/${report.id}`} size="sm">
                      {t('acceptance.card.verifyReport', { number: report.number })}
                    </Anchor>
                  </Group>
                </Stack>
              </List.Item>
            ))}
          </List>
        ) : null}
        {campaignItems.length > 0 ? (
          <List spacing={4} aria-label={t('acceptance.card.campaigns')}>
            {campaignItems.map((campaign) => (
              <List.Item key={campaign.id}>
                <Anchor component={Link} to={`/recettes/${campaign.id}`}>
                  {campaign.title}
                </Anchor>{' '}
                —{' '}
                {t('acceptance.card.campaignState', {
                  version: campaign.versionLabel,
                  state: label(acceptanceCampaignLifecycle.states[campaign.state].label),
                })}
              </List.Item>
            ))}
          </List>
        ) : campaigns.isSuccess ? (
          <Text>{t('acceptance.card.none')}</Text>
        ) : null}
        {can(me, 'campaign.create') ? (
          <Button
            w="fit-content"
            variant="light"
            renderRoot={(props) => <Link {...props} to="/recettes/nouvelle" search={search} />}
          >
            {t('acceptance.card.open')}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}
