import { Button, Group, Paper, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { callLifecycle } from '../../../../common/lifecycles/call.ts';
import { useCall, useFireCallTransition } from '../../api/calls.ts';
import { useCallProposals } from '../../api/proposals.ts';
import { useDomainLabel } from '../../components/domain-select.tsx';
import { FollowButton } from '../../components/follow-button.tsx';
import { LifecyclePanel } from '../../components/lifecycle/lifecycle-panel.tsx';
import { MarkdownHtml } from '../../components/markdown.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page.tsx';
import { FactTable, ListTable } from '../../components/tables.tsx';
import { useLanguage } from '../../i18n/index.ts';
import { CallAttachments } from './call-attachments.tsx';
import { CallDeadline, CallStateBadge } from './call-deadline.tsx';
import { CallEvaluation } from './call-evaluation.tsx';
import { CallProposals } from './call-proposals.tsx';
import { CallQuestions } from './call-questions.tsx';
import { CallTimeline } from './call-timeline.tsx';
import { useScopeLabel } from './calls-page.tsx';

export function CallPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const domainLabel = useDomainLabel();
  const scopeLabel = useScopeLabel();
  const query = useCall(id);
  const fire = useFireCallTransition(id);
  const proposals = useCallProposals(id);
  if (query.error) return <LoadFailure error={query.error} missing="page" />;
  const call = query.data;
  if (!call) return null;
  const money = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'fr-FR');
  const envelope = [
    call.effortDays !== null ? t('calls.effortDays', { count: call.effortDays }) : null,
    call.budgetEuros !== null ? t('calls.budget', { amount: money.format(call.budgetEuros) }) : null,
  ].filter(Boolean);
  return (
    <Stack gap="lg">
      <PageHeader
        title={call.title}
        intro={t('calls.issuer', { name: call.issuer.name })}
        actions={
          <Group gap="xs">
            <FollowButton targetType="call" targetId={call.id} />
            {call.may.edit ? (
              <Button component={Link} to={`/appels/${call.id}/modifier`} variant="default">
                {t('calls.edit')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <Group gap="sm">
        <CallStateBadge state={call.state} />
        <CallDeadline call={call} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md">
          <FactTable
            rows={[
              [t('calls.issuerLabel'), call.issuer.name],
              [t('calls.scopeLabel'), scopeLabel(call)],
              ...(call.scope === 'local'
                ? ([[t('calls.offices'), call.offices.map((o) => o.name).join(', ')]] as [string, string][])
                : []),
              [t('calls.domain'), domainLabel(call.domain.code, call.domain.label.fr)],
              [t('calls.envelope'), envelope.length > 0 ? envelope.join(' · ') : '—'],
              [t('calls.openToMyOffice'), call.openToMyOffice ? t('common.yes') : t('common.no')],
            ]}
          />
        </Paper>
        <Paper withBorder p="md">
          <CallTimeline call={call} />
        </Paper>
      </SimpleGrid>
      <section aria-labelledby="call-context">
        <Title order={2} id="call-context">
          {t('calls.context')}
        </Title>
        <MarkdownHtml html={call.contextHtml} />
      </section>
      {call.expectedOutcome ? (
        <section aria-labelledby="call-outcome">
          <Title order={2} id="call-outcome">
            {t('calls.expectedOutcome')}
          </Title>
          <MarkdownHtml html={call.expectedOutcomeHtml} />
        </section>
      ) : null}
      <section aria-labelledby="call-criteria">
        <Title order={2} id="call-criteria" mb="sm">
          {t('calls.criteria')}
        </Title>
        <ListTable
          caption={t('calls.criteria')}
          columns={[t('calls.criterion'), t('calls.weight')]}
          minWidth={320}
          isEmpty={call.criteria.length === 0}
        >
          {call.criteria.map((criterion) => (
            <Table.Tr key={criterion.label}>
              <Table.Td>{criterion.label}</Table.Td>
              <Table.Td>{criterion.weight} %</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </section>
      <CallAttachments call={call} />
      <Paper withBorder p="md">
        <LifecyclePanel
          lifecycle={callLifecycle.name}
          view={call.lifecycles.find((view) => view.lifecycle === callLifecycle.name)}
          transitions={call.transitions}
          version={call.version}
          subject={call.title}
          fire={(body) => fire.mutateAsync({ id: call.id, body })}
          title={t('calls.lifecycle')}
        />
      </Paper>
      {proposals.data ? <CallProposals call={call} list={proposals.data} /> : null}
      {proposals.data ? <CallEvaluation call={call} list={proposals.data} /> : null}
      <CallQuestions call={call} />
    </Stack>
  );
}
