import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  EXECUTION_RESULT_LABELS,
  EXECUTION_RESULTS,
  RUNNER_KIND_LABELS,
} from '../../../../common/acceptance/vocabulary.ts';
import { acceptanceCampaignLifecycle } from '../../../../common/lifecycles/acceptance-campaign.ts';
import type { CampaignDto } from '../../../../common/schemas/acceptance.ts';
import { useCampaign, useCampaignWrite, useFireCampaignTransition } from '../../api/acceptance.ts';
import { formatDay } from '../../components/dates.ts';
import { LifecyclePanel } from '../../components/lifecycle/lifecycle-panel.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { FactTable, ListTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { CampaignAnomalies } from './campaign-anomalies.tsx';
import { CampaignFigures } from './campaign-figures.tsx';
import { EditPlan, ImportTestPlan, WriteTestCase } from './campaign-plan-forms.tsx';
import { ExecutionEvidence } from './execution-evidence.tsx';

/** The test plan: each case, its requirements and areas, its latest result; testers record a result. */
function TestPlan({ campaign }: { campaign: CampaignDto }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const write = useCampaignWrite(campaign.id);
  return (
    <Stack>
      <Title order={2}>{t('acceptance.cases')}</Title>
      <ErrorAlert error={write.error} />
      <ListTable
        caption={t('acceptance.cases')}
        columns={[
          t('acceptance.caseCode'),
          t('acceptance.caseTitle'),
          t('acceptance.requirements'),
          t('acceptance.areas'),
          t('acceptance.lastResult'),
        ]}
        minWidth={820}
        isEmpty={campaign.cases.length === 0}
        stacked
      >
        {campaign.cases.map((testCase) => {
          const last = testCase.executions[0];
          return (
            <Table.Tr key={testCase.id}>
              <Table.Td data-label={t('acceptance.caseCode')}>{testCase.code}</Table.Td>
              <Table.Td data-label={t('acceptance.caseTitle')}>{testCase.title}</Table.Td>
              <Table.Td data-label={t('acceptance.requirements')}>
                {testCase.requirementCodes.join(', ')}
              </Table.Td>
              <Table.Td data-label={t('acceptance.areas')}>{testCase.functionalAreas.join(', ')}</Table.Td>
              <Table.Td data-label={t('acceptance.lastResult')}>
                <Stack gap={4}>
                  <Text size="sm">
                    {last
                      ? t('acceptance.executedBy', {
                          result: label(EXECUTION_RESULT_LABELS[last.result]),
                          date: formatDay(last.executedOn, language),
                          tester: last.tester.name,
                        })
                      : t('acceptance.notExecuted')}
                  </Text>
                  {campaign.may.execute ? (
                    <Group gap={4} role="group" aria-label={t('acceptance.execute', { code: testCase.code })}>
                      {EXECUTION_RESULTS.map((result) => (
                        <Button
                          key={result}
                          size="compact-xs"
                          variant="default"
                          onClick={() =>
                            write.mutate({
                              method: 'POST',
                              path: `/test-cases/${testCase.id}/executions`,
                              body: { result },
                            })
                          }
                        >
                          {label(EXECUTION_RESULT_LABELS[result])}
                        </Button>
                      ))}
                    </Group>
                  ) : null}
                  {last ? (
                    <ExecutionEvidence campaign={campaign} code={testCase.code} execution={last} />
                  ) : null}
                </Stack>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </ListTable>
    </Stack>
  );
}

export function CampaignPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const query = useCampaign(id);
  const fire = useFireCampaignTransition(id);
  if (query.error) return <LoadFailure error={query.error} missing="page" />;
  const campaign = query.data;
  if (!campaign) return null;
  return (
    <Stack gap="lg">
      <PageHeader
        title={campaign.title}
        intro={`${campaign.subject.name} — ${t('acceptance.version')} ${campaign.versionLabel} — ${label(
          acceptanceCampaignLifecycle.states[campaign.state].label,
        )}`}
        actions={
          campaign.report ? (
            <Button component={Link} to={`/recettes/pv/${campaign.report.id}`}>
              {t('acceptance.openReport')}
            </Button>
          ) : campaign.may.plan ? (
            <EditPlan campaign={campaign} />
          ) : null
        }
      />
      <Paper withBorder p="md">
        <FactTable
          rows={[
            [
              t('acceptance.subject'),
              <Anchor
                key="subject"
                component={Link}
                to={
                  campaign.subject.kind === 'project'
                    ? `/projets/${campaign.subject.id}`
                    : `/catalogue/${campaign.subject.id}`
                }
              >
                {campaign.subject.name}
              </Anchor>,
            ],
            [t('acceptance.runner'), label(RUNNER_KIND_LABELS[campaign.runnerKind])],
            [t('acceptance.offices'), campaign.offices.map((o) => o.name).join(', ')],
            [
              t('acceptance.testers'),
              campaign.testers.map((x) => `${x.name} (${x.organisationName})`).join(', '),
            ],
            [
              t('acceptance.period'),
              campaign.plannedStart && campaign.plannedEnd
                ? `${formatDay(campaign.plannedStart, language)} — ${formatDay(campaign.plannedEnd, language)}`
                : null,
            ],
          ]}
        />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} mb="sm">
          {t('acceptance.figures')}
        </Title>
        <CampaignFigures figures={campaign.figures} />
      </Paper>
      <Paper withBorder p="md">
        <LifecyclePanel
          lifecycle={acceptanceCampaignLifecycle.name}
          view={campaign.lifecycles.find((view) => view.lifecycle === acceptanceCampaignLifecycle.name)}
          transitions={campaign.transitions}
          version={campaign.version}
          subject={campaign.title}
          fire={(body) => fire.mutateAsync({ id: campaign.id, body })}
          title={t('acceptance.lifecycle')}
        />
      </Paper>
      <TestPlan campaign={campaign} />
      {campaign.may.plan ? (
        <>
          <WriteTestCase campaign={campaign} />
          <ImportTestPlan campaign={campaign} />
        </>
      ) : null}
      <CampaignAnomalies campaign={campaign} />
    </Stack>
  );
}
