import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_STATE_LABELS, type ProposalState } from '../../../../common/calls/proposals.ts';
import { proposalLifecycle } from '../../../../common/lifecycles/proposal.ts';
import type { ProposalDto } from '../../../../common/schemas/proposals.ts';
import { useCall } from '../../api/calls.ts';
import { useConfirmPartner, useFireProposalTransition, useProposal } from '../../api/proposals.ts';
import { useMe } from '../../api/queries.ts';
import { formatDateTime, formatDay } from '../../components/dates.ts';
import { LifecyclePanel } from '../../components/lifecycle/lifecycle-panel.tsx';
import { MarkdownHtml } from '../../components/markdown.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { FactTable, ListTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { ScoreForm } from './score-form.tsx';

/** The state of a proposal: green once selected, outlined otherwise (dark text). */
export function ProposalStateBadge({ state }: { state: ProposalState }) {
  const label = useLabel();
  return (
    <Badge
      variant={state === 'selected' ? 'light' : 'outline'}
      color={state === 'selected' ? 'green' : state === 'withdrawn' ? 'red' : 'gray'}
      c="gray.9"
    >
      {label(PROPOSAL_STATE_LABELS[state])}
    </Badge>
  );
}

/** After the selection: retained or not, and why — what the losing office reads first. */
function Decision({ proposal }: { proposal: ProposalDto }) {
  const { t } = useTranslation();
  if (proposal.state !== 'selected' && proposal.state !== 'notSelected') return null;
  const selected = proposal.state === 'selected';
  return (
    <Paper
      withBorder
      p="md"
      bg={selected ? 'green.0' : 'gray.0'}
      component="section"
      aria-labelledby="proposal-decision"
    >
      <Stack gap="xs">
        <Title order={2} size="h3" id="proposal-decision">
          {selected ? t('proposals.decision.selected') : t('proposals.decision.notSelected')}
        </Title>
        <Text>
          <strong>{t('proposals.decision.rationale')}</strong> {proposal.decisionRationale ?? '—'}
        </Text>
        {proposal.projectId ? (
          <Anchor component={Link} to={`/projets/${proposal.projectId}`}>
            {t('proposals.decision.project')}
          </Anchor>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** A draft again: why the director sent it back and when — what the office reads before changing it. */
function SentBack({ proposal }: { proposal: ProposalDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { sentBack } = proposal;
  if (!sentBack) return null;
  const date = formatDateTime(sentBack.at, language);
  return (
    <Paper withBorder p="md" bg="orange.0" component="section" aria-labelledby="proposal-sent-back">
      <Stack gap="xs">
        <Title order={2} size="h3" id="proposal-sent-back">
          {t('proposals.sentBack.title')}
        </Title>
        <Text>
          <strong>{t('proposals.sentBack.reason')}</strong>{' '}
          <span style={{ whiteSpace: 'pre-line' }}>{sentBack.reason}</span>
        </Text>
        <Text size="sm">
          {sentBack.by
            ? t('proposals.sentBack.by', { name: sentBack.by, date })
            : t('proposals.sentBack.on', { date })}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The partner offices and their confirmations; the director of one that has not confirmed confirms here. */
function Partners({ proposal }: { proposal: ProposalDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe().data;
  const confirm = useConfirmPartner(proposal.id);
  if (proposal.partners.length === 0) return null;
  return (
    <section aria-labelledby="proposal-partners">
      <Title order={2} id="proposal-partners" mb="sm">
        {t('proposals.partners')}
      </Title>
      <ListTable
        caption={t('proposals.partners')}
        columns={[t('proposals.office'), t('proposals.participation')]}
        minWidth={320}
        isEmpty={false}
      >
        {proposal.partners.map((partner) => (
          <Table.Tr key={partner.id}>
            <Table.Td>{partner.name}</Table.Td>
            <Table.Td>
              {partner.confirmedAt
                ? t('proposals.confirmedOn', { date: formatDateTime(partner.confirmedAt, language) })
                : t('proposals.notConfirmed')}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {proposal.may.confirmPartner && me ? (
        <Stack gap="xs" mt="sm" align="flex-start">
          <Button loading={confirm.isPending} onClick={() => confirm.mutate(me.user.organisationId)}>
            {t('proposals.confirmPartner')}
          </Button>
          {confirm.error ? <ErrorAlert error={confirm.error} /> : null}
        </Stack>
      ) : null}
    </section>
  );
}

/** An evaluator scores the proposal here too, on the call's criteria. */
function Scoring({ proposal }: { proposal: ProposalDto }) {
  const { t } = useTranslation();
  const call = useCall(proposal.callId, { enabled: proposal.may.score });
  if (!proposal.may.score || !call.data) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="proposal-scoring">
      <Title order={2} id="proposal-scoring" mb="sm">
        {t('proposals.scoring.title')}
      </Title>
      <ScoreForm proposal={proposal} criteria={call.data.criteria} />
    </Paper>
  );
}

export function ProposalPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useProposal(id);
  const fire = useFireProposalTransition(id);
  if (query.error) return <LoadFailure error={query.error} missing="page" />;
  const proposal = query.data;
  if (!proposal) return null;
  const day = (value: string | null) => formatDay(value, language) ?? '—';
  return (
    <Stack gap="lg">
      <PageHeader
        title={proposal.title}
        intro={t('proposals.by', { office: proposal.office.name })}
        actions={
          proposal.may.edit ? (
            <Button component={Link} to={`/propositions/${proposal.id}/modifier`} variant="default">
              {t('proposals.edit')}
            </Button>
          ) : null
        }
      />
      <Group gap="sm">
        <ProposalStateBadge state={proposal.state} />
        <Anchor component={Link} to={`/appels/${proposal.call.id}`} size="sm">
          {t('proposals.toCall', { title: proposal.call.title })}
        </Anchor>
      </Group>
      <Decision proposal={proposal} />
      <SentBack proposal={proposal} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md">
          <FactTable
            rows={[
              [t('proposals.office'), proposal.office.name],
              [
                t('proposals.effort'),
                proposal.effortDays !== null ? t('calls.effortDays', { count: proposal.effortDays }) : '—',
              ],
              [t('proposals.plannedStart'), day(proposal.plannedStart)],
              [t('proposals.plannedEnd'), day(proposal.plannedEnd)],
            ]}
          />
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('proposals.reused')}
          </Title>
          {proposal.reusedApplications.length === 0 ? (
            <Text size="sm">{t('proposals.noReuse')}</Text>
          ) : (
            <Stack component="ul" gap={4} className="plain-list">
              {proposal.reusedApplications.map((application) => (
                <li key={application.id}>
                  <Anchor component={Link} to={`/catalogue/${application.id}`}>
                    {application.name}
                  </Anchor>{' '}
                  <Text span size="sm" c="dimmed">
                    ({application.code})
                  </Text>
                </li>
              ))}
            </Stack>
          )}
        </Paper>
      </SimpleGrid>
      <section aria-labelledby="proposal-approach">
        <Title order={2} id="proposal-approach">
          {t('proposals.approach')}
        </Title>
        <MarkdownHtml html={proposal.approachHtml} />
      </section>
      {proposal.team ? (
        <section aria-labelledby="proposal-team">
          <Title order={2} id="proposal-team">
            {t('proposals.team')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line' }}>{proposal.team}</Text>
        </section>
      ) : null}
      <Partners proposal={proposal} />
      <Scoring proposal={proposal} />
      <Paper withBorder p="md">
        <LifecyclePanel
          lifecycle={proposalLifecycle.name}
          view={proposal.lifecycles.find((view) => view.lifecycle === proposalLifecycle.name)}
          transitions={proposal.transitions}
          version={proposal.version}
          subject={proposal.title}
          fire={(body) => fire.mutateAsync({ id: proposal.id, body })}
          title={t('proposals.lifecycle')}
        />
      </Paper>
    </Stack>
  );
}
