import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  EFFORT_TARGET_KIND_LABELS,
  euros,
  VALUATION_RULE_LABELS,
} from '../../../../common/compensation/vocabulary.ts';
import { statementLifecycle } from '../../../../common/lifecycles/statement.ts';
import { useFireStatementTransition, useStatement } from '../../api/statements.ts';
import { LifecyclePanel } from '../../components/lifecycle/lifecycle-panel.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page.tsx';
import { FactTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { StatementStateBadge } from './agreement-statements.tsx';
import { FiguresTable } from './figures-table.tsx';

/** A statement: its frozen figures within the ceiling, its rule, its validation by the DDO, its exports. */
export function StatementPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const query = useStatement(id);
  const fire = useFireStatementTransition(id);
  if (query.error) return <LoadFailure error={query.error} missing="page" />;
  const s = query.data;
  if (!s) return null;
  const money = (cents: number) => euros(cents, language);
  const number = (n: number) => n.toLocaleString(language === 'en' ? 'en-GB' : 'fr-FR');
  const title = t('statements.pageTitle', { start: s.periodStart, end: s.periodEnd });
  return (
    <Stack gap="lg">
      <PageHeader
        title={title}
        intro={`${s.agreement.title} — ${s.agreement.office.name}`}
        actions={
          <Group gap="xs">
            <Button component="a" href={`/api/statements/${s.id}/export?format=csv`} variant="default">
              {t('statements.exportCsv')}
            </Button>
            <Button component="a" href={`/api/statements/${s.id}/export?format=xlsx`} variant="default">
              {t('statements.exportXlsx')}
            </Button>
          </Group>
        }
      />
      <Group gap="sm">
        <StatementStateBadge state={s.state} />
        <Anchor component={Link} to={`/conventions/${s.agreement.id}`} size="sm">
          {t('statements.back')}
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md">
          <FactTable
            rows={[
              [t('statements.agreement'), s.agreement.title],
              [t('statements.office'), `${s.agreement.office.name} (${s.agreement.office.code})`],
              [
                t('statements.object'),
                `${label(EFFORT_TARGET_KIND_LABELS[s.agreement.target.kind])} : ${s.agreement.target.label}`,
              ],
              [
                t('statements.period'),
                t('statements.periodValue', { start: s.periodStart, end: s.periodEnd }),
              ],
              [t('statements.valuation'), label(VALUATION_RULE_LABELS[s.valuation])],
              [
                t('statements.rateTable'),
                s.rateTableNumber === null
                  ? null
                  : t('statements.rateTableValue', { number: s.rateTableNumber }),
              ],
              [t('statements.flatShare'), s.flatShareCents === null ? null : money(s.flatShareCents)],
              [t('statements.ceiling'), money(s.ceilingCents)],
              [t('statements.validatedAt'), s.validatedAt ? s.validatedAt.slice(0, 10) : null],
            ]}
          />
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="xs">
            {t('statements.figures')}
          </Title>
          <FiguresTable
            lines={s.lines}
            totals={[
              [t('statements.confirmedDays'), number(s.confirmedDays)],
              [t('statements.valued'), money(s.valuedCents)],
              [t('statements.alreadyPaid'), money(s.alreadyPaidCents)],
              [t('statements.payable'), money(s.payableCents)],
              [t('statements.over'), money(s.overCents)],
            ]}
          />
          <Text size="sm" c="dimmed" mt="sm">
            <strong>{t('statements.rule')}</strong> {label(s.rule)}
          </Text>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <LifecyclePanel
          lifecycle={statementLifecycle.name}
          view={s.lifecycles.find((view) => view.lifecycle === statementLifecycle.name)}
          transitions={s.transitions}
          version={s.version}
          subject={title}
          fire={(body) => fire.mutateAsync({ id: s.id, body })}
          title={t('statements.lifecycle')}
        />
      </Paper>
    </Stack>
  );
}
