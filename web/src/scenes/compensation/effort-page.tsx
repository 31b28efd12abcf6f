import { Button, Group, NumberInput, Paper, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EFFORT_ACTIVITY_LABELS, EFFORT_PROFILE_LABELS } from '../../../../common/compensation/vocabulary.ts';
import type { EffortEntryDto } from '../../../../common/schemas/effort.ts';
import { useEffortWrite, useEffortYear } from '../../api/compensation.ts';
import { meQuery } from '../../api/queries.ts';
import { formatDateTime } from '../../components/dates.ts';
import { LoadFailure } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { EffortForm } from './effort-form.tsx';
import { ProblemList } from './problem-list.tsx';

const days = (n: number, language: string) =>
  n.toLocaleString(language === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 2 });

/** A correction of one line: a signed difference and its reason. */
function CorrectionForm({ entry, onDone }: { entry: EffortEntryDto; onDone: () => void }) {
  const { t } = useTranslation();
  const { correct } = useEffortWrite();
  const [delta, setDelta] = useState<number | string>(-1);
  const [reason, setReason] = useState('');
  return (
    <Paper withBorder p="sm">
      <Title order={3} size="h5" mb="xs">
        {t('effort.correctLine', { month: entry.month, target: entry.target.label })}
      </Title>
      <ProblemList error={correct.error} />
      <Group align="flex-end">
        <NumberInput
          label={t('effort.delta')}
          value={delta}
          onChange={setDelta}
          step={0.5}
          decimalScale={2}
          w={220}
        />
        <TextInput
          label={t('effort.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Button
          loading={correct.isPending}
          onClick={() =>
            correct.mutate({ id: entry.id, personDays: Number(delta), reason }, { onSuccess: onDone })
          }
        >
          {t('effort.saveCorrection')}
        </Button>
      </Group>
    </Paper>
  );
}

export function EffortPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const me = useQuery(meQuery).data;
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const query = useEffortYear(year);
  const { confirm } = useEffortWrite();
  if (query.error) return <LoadFailure error={query.error} missing="page" />;
  const data = query.data;
  if (!data || !me) return null;
  const today = new Date();
  const lastMonth = new Date(Date.UTC(today.getFullYear(), today.getMonth() - 1, 1))
    .toISOString()
    .slice(0, 7);
  const byId = new Map(data.entries.map((e) => [e.id, e]));
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('effort.title')}
        intro={t('effort.intro', { office: data.office.name })}
        actions={
          <Select
            label={t('effort.year')}
            data={[thisYear - 2, thisYear - 1, thisYear].map(String)}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
            w={110}
          />
        }
      />
      <section aria-labelledby="effort-months">
        <Title order={2} id="effort-months" mb="sm">
          {t('effort.months')}
        </Title>
        <ProblemList error={confirm.error} />
        <ListTable
          caption={t('effort.months')}
          columns={[t('effort.month'), t('effort.total'), t('effort.confirmation')]}
          minWidth={340}
          isEmpty={false}
          keyboardScroll
        >
          {data.months.map((m) => (
            <Table.Tr key={m.month}>
              <Table.Td>{m.month}</Table.Td>
              <Table.Td>{days(m.totalDays, language)}</Table.Td>
              <Table.Td>
                {m.confirmed ? (
                  t('effort.confirmedBy', {
                    name: m.confirmed.by?.displayName ?? '—',
                    date: formatDateTime(m.confirmed.at, language),
                  })
                ) : m.mayConfirm ? (
                  <Button size="xs" loading={confirm.isPending} onClick={() => confirm.mutate(m.month)}>
                    {t('effort.confirm', { month: m.month })}
                  </Button>
                ) : m.totalDays > 0 ? (
                  t('effort.notConfirmed')
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </section>
      {data.may.record ? <EffortForm officeCode={data.office.code} defaultMonth={lastMonth} /> : null}
      <section aria-labelledby="effort-lines">
        <Title order={2} id="effort-lines" mb="sm">
          {t('effort.lines')}
        </Title>
        {correcting && byId.get(correcting) ? (
          <CorrectionForm entry={byId.get(correcting) as EffortEntryDto} onDone={() => setCorrecting(null)} />
        ) : null}
        <ListTable
          caption={t('effort.lines')}
          columns={[
            t('effort.month'),
            t('effort.activity'),
            t('effort.profile'),
            t('effort.target'),
            t('effort.personDays'),
            t('effort.effective'),
            t('effort.kind'),
          ]}
          minWidth={860}
          isEmpty={data.entries.length === 0}
          stacked
        >
          {data.entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td data-label={t('effort.month')}>{e.month}</Table.Td>
              <Table.Td data-label={t('effort.activity')}>
                {label(EFFORT_ACTIVITY_LABELS[e.activity])}
              </Table.Td>
              <Table.Td data-label={t('effort.profile')}>{label(EFFORT_PROFILE_LABELS[e.profile])}</Table.Td>
              <Table.Td data-label={t('effort.target')}>{e.target.label}</Table.Td>
              <Table.Td data-label={t('effort.personDays')}>{days(e.personDays, language)}</Table.Td>
              <Table.Td data-label={t('effort.effective')}>
                {e.effectiveDays === null ? '—' : days(e.effectiveDays, language)}
              </Table.Td>
              <Table.Td data-label={t('effort.kind')}>
                {e.kind === 'correction' ? (
                  t('effort.kindCorrection', { reason: e.reason })
                ) : data.may.record ? (
                  <Group gap="xs" wrap="nowrap">
                    {t('effort.kindEntry')}
                    <Button
                      size="compact-xs"
                      variant="default"
                      onClick={() => setCorrecting(e.id)}
                      aria-label={`${t('effort.correct')} — ${e.month}, ${e.target.label}`}
                    >
                      {t('effort.correct')}
                    </Button>
                  </Group>
                ) : (
                  t('effort.kindEntry')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </section>
    </Stack>
  );
}
