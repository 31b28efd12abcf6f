import { Anchor, Badge, Button, Paper, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  euros,
  STATEMENT_STATE_LABELS,
  type StatementState,
} from '../../../../common/compensation/vocabulary.ts';
import { useAgreementStatements, useComputeStatement } from '../../api/statements.ts';
import { ListTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { ProblemList } from './problem-list.tsx';

export function StatementStateBadge({ state }: { state: StatementState }) {
  const label = useLabel();
  const color = state === 'validated' ? 'green' : state === 'withdrawn' ? 'gray' : 'blue';
  return (
    <Badge color={color} variant="light" autoContrast>
      {label(STATEMENT_STATE_LABELS[state])}
    </Badge>
  );
}

/**
 * The statements of an agreement on its page: each period over with its statement, or the button that
 * computes it (the DDO); the running period last. Periods still ahead are left out.
 */
export function AgreementStatements({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const query = useAgreementStatements(agreementId);
  const compute = useComputeStatement(agreementId);
  const data = query.data;
  if (!data) return null;
  const money = (cents: number) => euros(cents, language);
  const byId = new Map(data.items.map((s) => [s.id, s]));
  const running = data.periods.find((p) => !p.over);
  const shown = [...data.periods.filter((p) => p.over || p.statementId), ...(running ? [running] : [])];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="agreement-statements">
      <Title order={2} size="h3" id="agreement-statements" mb="xs">
        {t('statements.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('statements.intro')}
      </Text>
      <Text size="sm" mb="sm">
        {t('statements.committed', {
          committed: money(data.committedCents),
          ceiling: money(data.ceilingCents),
        })}
      </Text>
      <ProblemList error={compute.error} />
      <ListTable
        caption={t('statements.title')}
        columns={[
          t('statements.period'),
          t('statements.state'),
          t('statements.valued'),
          t('statements.payable'),
          t('statements.over'),
          t('statements.action'),
        ]}
        minWidth={720}
        isEmpty={shown.length === 0}
        stacked
      >
        {shown.map((p) => {
          const s = p.statementId ? byId.get(p.statementId) : undefined;
          return (
            <Table.Tr key={p.start}>
              <Table.Td data-label={t('statements.period')}>
                {t('statements.periodValue', { start: p.start, end: p.end })}
              </Table.Td>
              <Table.Td data-label={t('statements.state')}>
                {s ? (
                  <StatementStateBadge state={s.state} />
                ) : p.over ? (
                  t('statements.toCompute')
                ) : (
                  t('statements.running')
                )}
              </Table.Td>
              <Table.Td data-label={t('statements.valued')}>{s ? money(s.valuedCents) : '—'}</Table.Td>
              <Table.Td data-label={t('statements.payable')}>{s ? money(s.payableCents) : '—'}</Table.Td>
              <Table.Td data-label={t('statements.over')}>{s ? money(s.overCents) : '—'}</Table.Td>
              <Table.Td data-label={t('statements.action')}>
                {s ? (
                  <Anchor component={Link} to={`/conventions/releves/${s.id}`}>
                    {t('statements.open')}
                  </Anchor>
                ) : p.over && data.mayCompute ? (
                  <Button
                    size="xs"
                    loading={compute.isPending && compute.variables === p.start}
                    onClick={() =>
                      compute.mutate(p.start, {
                        onSuccess: (statement) => navigate({ to: `/conventions/releves/${statement.id}` }),
                      })
                    }
                  >
                    {t('statements.compute', { start: p.start })}
                  </Button>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </ListTable>
    </Paper>
  );
}
