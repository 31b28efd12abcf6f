import {
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { euros } from '../../../../common/compensation/vocabulary.ts';
import { useNetworkBalance } from '../../api/statements.ts';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';

/**
 * The network balance for the DDO and the governance board: per office, the effort given against the
 * applications of others used (users, hosting share), month by month; per application, the effort and
 * the offices served; the savings estimate with its formula beside it.
 */
export function BalancePage() {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const [draft, setDraft] = useState({ from: '', to: '' });
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const [officeId, setOfficeId] = useState<string | null>(null);
  const query = useNetworkBalance(period);
  const b = query.data;
  const money = (cents: number) => euros(cents, language);
  const days = (n: number) => n.toLocaleString(language === 'en' ? 'en-GB' : 'fr-FR');
  const followed = b?.offices.find((o) => o.office.id === officeId) ?? b?.offices[0];
  return (
    <Stack gap="lg">
      <PageHeader title={t('balance.title')} intro={t('balance.intro')} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setPeriod({ from: draft.from || undefined, to: draft.to || undefined });
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('balance.from')}
            description={t('balance.monthHelp')}
            placeholder={b?.months[0]}
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
          <TextInput
            label={t('balance.to')}
            description={t('balance.monthHelp')}
            placeholder={b?.months.at(-1)}
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
          <Button type="submit" variant="default" loading={query.isFetching}>
            {t('balance.show')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={query.error} />
      {b ? (
        <>
          <section aria-labelledby="balance-savings">
            <Title order={2} size="h3" id="balance-savings" mb="sm">
              {t('balance.savings')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              {(
                [
                  [t('balance.effortSaved'), b.savings.effortSavedCents],
                  [t('balance.hostingSaved'), b.savings.hostingSavedCents],
                  [t('balance.totalSaved'), b.savings.totalSavedCents],
                ] as const
              ).map(([name, cents]) => (
                <Card key={name} withBorder padding="sm">
                  <Text size="sm">{name}</Text>
                  <Text fw={700} size="xl">
                    {money(cents)}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
            <Text size="sm" mt="sm">
              <strong>{t('balance.formula')}</strong> {label(b.rules.savings)}
            </Text>
          </section>

          <section aria-labelledby="balance-offices">
            <Title order={2} size="h3" id="balance-offices" mb="xs">
              {t('balance.offices')}
            </Title>
            <Text size="sm" mb="xs">
              <strong>{t('balance.usageRule')}</strong> {label(b.rules.usage)}
            </Text>
            <ListTable
              caption={t('balance.offices')}
              columns={[
                t('balance.office'),
                t('balance.effortDays'),
                t('balance.effortValue'),
                t('balance.applicationsOfOthers'),
                t('balance.usersOfOthers'),
                t('balance.hostingShare'),
              ]}
              minWidth={820}
              isEmpty={b.offices.length === 0}
              stacked
            >
              {b.offices.map((o) => (
                <Table.Tr key={o.office.id}>
                  <Table.Td data-label={t('balance.office')}>{o.office.name}</Table.Td>
                  <Table.Td data-label={t('balance.effortDays')}>{days(o.totalEffortDays)}</Table.Td>
                  <Table.Td data-label={t('balance.effortValue')}>{money(o.effortValueCents)}</Table.Td>
                  <Table.Td data-label={t('balance.applicationsOfOthers')}>{o.applicationsOfOthers}</Table.Td>
                  <Table.Td data-label={t('balance.usersOfOthers')}>{o.usersOfOthers.at(-1) ?? 0}</Table.Td>
                  <Table.Td data-label={t('balance.hostingShare')}>
                    {money(o.totalHostingShareCents)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          </section>

          {followed ? (
            <section aria-labelledby="balance-over-time">
              <Title order={2} size="h3" id="balance-over-time" mb="xs">
                {t('balance.overTime')}
              </Title>
              <NativeSelect
                label={t('balance.overTimeOffice')}
                value={followed.office.id}
                onChange={(e) => setOfficeId(e.currentTarget.value)}
                data={b.offices.map((o) => ({ value: o.office.id, label: o.office.name }))}
                maw={420}
                mb="sm"
              />
              <ListTable
                caption={`${t('balance.overTime')} — ${followed.office.name}`}
                columns={[
                  t('balance.month'),
                  t('balance.effortDays'),
                  t('balance.usersOfOthers'),
                  t('balance.hostingShare'),
                ]}
                minWidth={560}
                isEmpty={false}
                stacked
              >
                {b.months.map((month, i) => (
                  <Table.Tr key={month}>
                    <Table.Td data-label={t('balance.month')}>{month}</Table.Td>
                    <Table.Td data-label={t('balance.effortDays')}>
                      {days(followed.effortDays[i] ?? 0)}
                    </Table.Td>
                    <Table.Td data-label={t('balance.usersOfOthers')}>
                      {followed.usersOfOthers[i] ?? 0}
                    </Table.Td>
                    <Table.Td data-label={t('balance.hostingShare')}>
                      {money(followed.hostingShareCents[i] ?? 0)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </ListTable>
              <Text size="sm" mt="xs">
                <strong>{t('balance.allocationRule')}</strong> {label(b.rules.allocation)}
              </Text>
            </section>
          ) : null}

          <section aria-labelledby="balance-applications">
            <Title order={2} size="h3" id="balance-applications" mb="xs">
              {t('balance.applications')}
            </Title>
            <ListTable
              caption={t('balance.applications')}
              columns={[
                t('balance.application'),
                t('balance.designer'),
                t('balance.effortDays'),
                t('balance.effortValue'),
                t('balance.contributors'),
                t('balance.officesServed'),
                t('balance.saved'),
              ]}
              minWidth={900}
              isEmpty={b.applications.length === 0}
              stacked
            >
              {b.applications.map((a) => (
                <Table.Tr key={a.application.id}>
                  <Table.Td data-label={t('balance.application')}>{a.application.name}</Table.Td>
                  <Table.Td data-label={t('balance.designer')}>{a.designer.name}</Table.Td>
                  <Table.Td data-label={t('balance.effortDays')}>{days(a.effortDays)}</Table.Td>
                  <Table.Td data-label={t('balance.effortValue')}>{money(a.effortValueCents)}</Table.Td>
                  <Table.Td data-label={t('balance.contributors')}>{a.contributors}</Table.Td>
                  <Table.Td data-label={t('balance.officesServed')}>{a.officesServed}</Table.Td>
                  <Table.Td data-label={t('balance.saved')}>{money(a.savedCents)}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          </section>
        </>
      ) : null}
    </Stack>
  );
}
