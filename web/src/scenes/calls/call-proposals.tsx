import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CallDto } from '../../../../common/schemas/calls.ts';
import type { ProposalListDto } from '../../../../common/schemas/proposals.ts';
import { formatDateTime } from '../../components/dates.ts';
import { ListTable } from '../../components/tables.tsx';
import { useLanguage } from '../../i18n/index.ts';
import { ProposalStateBadge } from './proposal-page.tsx';

/**
 * The proposals of the call the reader may see: their office's (and those it takes part in); every
 * submitted one for the issuer and the evaluators. An office in scope answers from here while it is open.
 */
export function CallProposals({ call, list }: { call: CallDto; list: ProposalListDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (list.items.length === 0 && !list.may.propose) return null;
  return (
    <section aria-labelledby="call-proposals">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Stack gap={4}>
          <Title order={2} id="call-proposals">
            {t('proposals.title')}
          </Title>
          <Text size="sm">
            {list.may.compare ? t('proposals.listIntroIssuer') : t('proposals.listIntro')}
          </Text>
        </Stack>
        {list.may.propose ? (
          <Button component={Link} to={`/appels/${call.id}/proposer`}>
            {t('proposals.create')}
          </Button>
        ) : null}
      </Group>
      <ListTable
        caption={t('proposals.title')}
        columns={[
          t('proposals.form.title'),
          t('proposals.office'),
          t('proposals.state'),
          t('proposals.updated'),
        ]}
        minWidth={560}
        stacked
        isEmpty={list.items.length === 0}
      >
        {list.items.map((proposal) => (
          <Table.Tr key={proposal.id}>
            <Table.Td data-label={t('proposals.form.title')}>
              <Anchor component={Link} to={`/propositions/${proposal.id}`}>
                {proposal.title}
              </Anchor>
            </Table.Td>
            <Table.Td data-label={t('proposals.office')}>{proposal.office.name}</Table.Td>
            <Table.Td data-label={t('proposals.state')}>
              <ProposalStateBadge state={proposal.state} />
            </Table.Td>
            <Table.Td data-label={t('proposals.updated')}>
              {formatDateTime(proposal.updatedAt, language)}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </section>
  );
}
