import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDto } from '../../../../common/schemas/calls.ts';
import type { ComparisonDto, ProposalListDto } from '../../../../common/schemas/proposals.ts';
import { comparisonXlsxUrl, useComparison, useEvaluationWrite, useProposal } from '../../api/proposals.ts';
import { useMe } from '../../api/queries.ts';
import { ErrorAlert } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLanguage } from '../../i18n/index.ts';
import { CallSelection } from './call-selection.tsx';
import { EvaluatorPicker, type EvaluatorRef } from './evaluator-picker.tsx';
import { ScoreForm } from './score-form.tsx';

/** The issuer names the evaluators, as long as the call is not decided. */
function Evaluators({ callId, comparison }: { callId: string; comparison: ComparisonDto }) {
  const { t } = useTranslation();
  const write = useEvaluationWrite(callId);
  const [chosen, setChosen] = useState<EvaluatorRef[]>(comparison.evaluators);
  const names = comparison.evaluators.map((e) => `${e.name} (${e.office})`).join(', ');
  return (
    <Stack gap="xs">
      <Text size="sm">
        <strong>{t('proposals.evaluation.evaluatorsAre')}</strong>{' '}
        {names || t('proposals.evaluation.noEvaluator')}
      </Text>
      {comparison.may.nameEvaluators ? (
        <Group align="flex-end" wrap="wrap">
          <div style={{ flex: 1, minWidth: 'min(320px, 100%)' }}>
            <EvaluatorPicker value={chosen} onChange={setChosen} error={undefined} />
          </div>
          <Button
            variant="default"
            loading={write.isPending}
            onClick={() =>
              write.mutate({ evaluators: { version: comparison.version, userIds: chosen.map((e) => e.id) } })
            }
          >
            {t('proposals.evaluation.name')}
          </Button>
        </Group>
      ) : null}
      {write.error ? <ErrorAlert error={write.error} /> : null}
    </Stack>
  );
}

/** The comparison: ranked by weighted score, ties flagged, the spread between evaluators, each criterion. */
function ComparisonTable({ comparison }: { comparison: ComparisonDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const number = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 2 });
  const shown = (value: number | null) => (value === null ? '—' : number.format(value));
  const columns = [
    t('proposals.evaluation.rank'),
    t('proposals.form.title'),
    t('proposals.office'),
    t('proposals.evaluation.weighted'),
    t('proposals.evaluation.spread'),
    t('proposals.evaluation.scoredBy'),
    ...comparison.criteria.map((c) => `${c.label} (${c.weight} %)`),
  ];
  return (
    <ListTable
      caption={t('proposals.evaluation.table')}
      columns={columns}
      minWidth={720}
      stacked
      isEmpty={comparison.rows.length === 0}
    >
      {comparison.rows.map((row) => (
        <Table.Tr key={row.proposal.id}>
          <Table.Td data-label={columns[0]}>
            {row.rank ?? '—'}
            {row.tied ? (
              <Badge variant="outline" color="gray" c="gray.9" ml={6}>
                {t('proposals.evaluation.tied')}
              </Badge>
            ) : null}
          </Table.Td>
          <Table.Td data-label={columns[1]}>
            <Anchor component={Link} to={`/propositions/${row.proposal.id}`}>
              {row.proposal.title}
            </Anchor>
          </Table.Td>
          <Table.Td data-label={columns[2]}>{row.proposal.office.name}</Table.Td>
          <Table.Td data-label={columns[3]}>{shown(row.weighted)}</Table.Td>
          <Table.Td data-label={columns[4]}>{shown(row.spread)}</Table.Td>
          <Table.Td data-label={columns[5]}>{row.evaluators}</Table.Td>
          {row.criteria.map((value, k) => (
            <Table.Td key={comparison.criteria[k]?.label ?? k} data-label={columns[6 + k]}>
              {shown(value)}
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </ListTable>
  );
}

/** One proposal to score, read for the evaluator's own scores; none when the evaluator may not score it. */
function ProposalToScore({ id, criteria }: { id: string; criteria: CallDto['criteria'] }) {
  const { t } = useTranslation();
  const proposal = useProposal(id).data;
  if (!proposal?.may.score) return null;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-label={t('proposals.scoring.of', { title: proposal.title })}
    >
      <Title order={3} size="h4" mb="xs">
        {t('proposals.scoring.of', { title: proposal.title })}
      </Title>
      <ScoreForm proposal={proposal} criteria={criteria} />
    </Paper>
  );
}

/**
 * The evaluation of a call, for its issuer and its evaluators: who evaluates, the comparison (and its
 * spreadsheet), each evaluator's scores of the proposals not of their office, the selection.
 */
export function CallEvaluation({ call, list }: { call: CallDto; list: ProposalListDto }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const query = useComparison(call.id, list.may.compare);
  const comparison = query.data;
  if (!list.may.compare) return null;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!comparison) return null;
  const evaluator = comparison.evaluators.some((e) => e.id === me?.user.id);
  const toScore =
    evaluator && call.state === 'underEvaluation'
      ? comparison.rows.filter(
          (row) => row.proposal.state === 'submitted' && row.proposal.office.id !== me?.user.organisationId,
        )
      : [];
  return (
    <section aria-labelledby="call-evaluation">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={2} id="call-evaluation">
            {t('proposals.evaluation.title')}
          </Title>
          <Anchor href={comparisonXlsxUrl(call.id)} download>
            {t('proposals.evaluation.xlsx')}
          </Anchor>
        </Group>
        <Evaluators key={comparison.version} callId={call.id} comparison={comparison} />
        <ComparisonTable comparison={comparison} />
        {toScore.map((row) => (
          <ProposalToScore key={row.proposal.id} id={row.proposal.id} criteria={call.criteria} />
        ))}
        <CallSelection call={call} comparison={comparison} />
      </Stack>
    </section>
  );
}
