import { Anchor, Badge, Button, Stack, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  AGREEMENT_STATE_LABELS,
  type AgreementState,
  euros,
} from '../../../../common/compensation/vocabulary.ts';
import { useAgreements } from '../../api/compensation.ts';
import { can, meQuery } from '../../api/queries.ts';
import { LoadFailure } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';

export function AgreementStateBadge({ state }: { state: AgreementState }) {
  const label = useLabel();
  const color =
    state === 'active' ? 'green' : state === 'terminated' ? 'red' : state === 'closed' ? 'gray' : 'blue';
  return (
    <Badge color={color} variant="light" autoContrast>
      {label(AGREEMENT_STATE_LABELS[state])}
    </Badge>
  );
}

export function AgreementsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useQuery(meQuery).data;
  const query = useAgreements();
  if (query.error) return <LoadFailure error={query.error} missing="page" />;
  const items = query.data?.items ?? [];
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('agreements.title')}
        intro={t('agreements.intro')}
        actions={
          can(me, 'agreement.create') ? (
            <Button component={Link} to="/conventions/nouvelle">
              {t('agreements.create')}
            </Button>
          ) : null
        }
      />
      <ListTable
        caption={t('agreements.title')}
        columns={[
          t('agreements.title_'),
          t('agreements.office'),
          t('agreements.object'),
          t('agreements.period'),
          t('agreements.ceiling'),
          t('agreements.state'),
        ]}
        minWidth={820}
        isEmpty={query.isSuccess && items.length === 0}
        stacked
      >
        {items.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td data-label={t('agreements.title_')}>
              <Anchor component={Link} to={`/conventions/${a.id}`}>
                {a.title}
              </Anchor>
            </Table.Td>
            <Table.Td data-label={t('agreements.office')}>{a.office.name}</Table.Td>
            <Table.Td data-label={t('agreements.object')}>{a.target.label}</Table.Td>
            <Table.Td data-label={t('agreements.period')}>
              {t('agreements.periodValue', { start: a.periodStart, end: a.periodEnd })}
            </Table.Td>
            <Table.Td data-label={t('agreements.ceiling')}>{euros(a.ceilingCents, language)}</Table.Td>
            <Table.Td data-label={t('agreements.state')}>
              <AgreementStateBadge state={a.state} />
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}
