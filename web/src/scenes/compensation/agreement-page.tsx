import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  AGREEMENT_COMMITMENT_LABELS,
  EFFORT_TARGET_KIND_LABELS,
  euros,
  STATEMENT_FREQUENCY_LABELS,
  VALUATION_RULE_LABELS,
} from '../../../../common/compensation/vocabulary.ts';
import { agreementLifecycle } from '../../../../common/lifecycles/agreement.ts';
import { useAgreement, useAgreementWrite, useFireAgreementTransition } from '../../api/compensation.ts';
import { LifecyclePanel } from '../../components/lifecycle/lifecycle-panel.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page.tsx';
import { FactTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { AgreementStatements } from './agreement-statements.tsx';
import { AgreementTexts } from './agreement-texts.tsx';
import { AgreementStateBadge } from './agreements-page.tsx';
import { FiguresTable } from './figures-table.tsx';
import { ProblemList } from './problem-list.tsx';

export function AgreementPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const navigate = useNavigate();
  const query = useAgreement(id);
  const fire = useFireAgreementTransition(id);
  const { amend } = useAgreementWrite(id);
  if (query.error) return <LoadFailure error={query.error} missing="page" />;
  const a = query.data;
  if (!a) return null;
  const money = (cents: number) => euros(cents, language);
  const f = a.figures;
  return (
    <Stack gap="lg">
      <PageHeader
        title={a.title}
        intro={a.office.name}
        actions={
          <Group gap="xs">
            <Button component="a" href={`/api/agreements/${a.id}/pdf`} variant="default">
              {t('agreements.pdf')}
            </Button>
            {a.may.amend ? (
              <Button
                variant="default"
                loading={amend.isPending}
                onClick={() =>
                  amend.mutate(undefined, {
                    onSuccess: (next) => navigate({ to: `/conventions/${next.id}` }),
                  })
                }
              >
                {t('agreements.amend')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <ProblemList error={amend.error} />
      <Group gap="sm">
        <AgreementStateBadge state={a.state} />
        {a.amendmentNumber > 0 ? (
          <Text size="sm">{t('agreements.amendment', { number: a.amendmentNumber })}</Text>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md">
          <FactTable
            rows={[
              [t('agreements.office'), `${a.office.name} (${a.office.code})`],
              [
                t('agreements.object'),
                `${label(EFFORT_TARGET_KIND_LABELS[a.target.kind])} : ${a.target.label}`,
              ],
              [t('agreements.officeSignatory'), a.officeSignatory],
              [t('agreements.ddoSignatory'), a.ddoSignatory],
              [
                t('agreements.period'),
                t('agreements.periodValue', { start: a.periodStart, end: a.periodEnd }),
              ],
              [t('agreements.valuation'), label(VALUATION_RULE_LABELS[a.valuation])],
              ...(a.flatAmountCents !== null
                ? ([[t('agreements.flatAmount'), money(a.flatAmountCents)]] as [string, string][])
                : []),
              [t('agreements.ceiling'), money(a.ceilingCents)],
              [t('agreements.statementFrequency'), label(STATEMENT_FREQUENCY_LABELS[a.statementFrequency])],
              [
                t('agreements.commitments'),
                a.commitments.map((c) => label(AGREEMENT_COMMITMENT_LABELS[c])).join(' ; ') || '—',
              ],
              [t('agreements.commitmentNote'), a.commitmentNote || '—'],
            ]}
          />
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="xs">
            {t('agreements.figures')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {a.valuation === 'flat'
              ? t('agreements.figuresFlat')
              : t('agreements.figuresIntro', { number: f.rateTableNumber ?? '—' })}
          </Text>
          <FiguresTable
            lines={f.lines}
            totals={[
              [
                t('agreements.confirmedDays'),
                f.confirmedDays.toLocaleString(language === 'en' ? 'en-GB' : 'fr-FR'),
              ],
              [t('agreements.valued'), money(f.valuedCents)],
              [t('agreements.payable'), money(f.payableCents)],
              [t('agreements.over'), money(f.overCents)],
            ]}
          />
        </Paper>
      </SimpleGrid>
      {a.family.length > 1 ? (
        <section aria-labelledby="agreement-family">
          <Title order={2} size="h3" id="agreement-family" mb="xs">
            {t('agreements.family')}
          </Title>
          <Stack gap={4}>
            {a.family.map((m) => (
              <Anchor
                key={m.id}
                component={Link}
                to={`/conventions/${m.id}`}
                aria-current={m.id === a.id ? 'page' : undefined}
              >
                {m.amendmentNumber === 0
                  ? t('agreements.original')
                  : t('agreements.amendment', { number: m.amendmentNumber })}
              </Anchor>
            ))}
          </Stack>
        </section>
      ) : null}
      <Paper withBorder p="md">
        <LifecyclePanel
          lifecycle={agreementLifecycle.name}
          view={a.lifecycles.find((view) => view.lifecycle === agreementLifecycle.name)}
          transitions={a.transitions}
          version={a.version}
          subject={a.title}
          fire={(body) => fire.mutateAsync({ id: a.id, body })}
          title={t('agreements.lifecycle')}
        />
      </Paper>
      {a.state === 'active' || a.state === 'closed' ? <AgreementStatements agreementId={a.id} /> : null}
      <AgreementTexts agreement={a} />
    </Stack>
  );
}
