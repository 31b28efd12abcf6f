import { Anchor, Table } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { acceptanceCampaignLifecycle } from '../../../../common/lifecycles/acceptance-campaign.ts';
import { useCampaigns } from '../../api/acceptance.ts';
import { LoadFailure } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLabel } from '../../i18n/index.ts';
import { CampaignFigures } from './campaign-figures.tsx';

export function CampaignsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const campaigns = useCampaigns();
  if (campaigns.error) return <LoadFailure error={campaigns.error} missing="page" />;
  const items = campaigns.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('acceptance.title')} intro={t('acceptance.intro')} />
      <ListTable
        caption={t('acceptance.title')}
        columns={[
          t('acceptance.title'),
          t('acceptance.subject'),
          t('acceptance.state'),
          t('acceptance.figures'),
        ]}
        minWidth={720}
        isEmpty={!campaigns.isPending && items.length === 0}
        stacked
      >
        {items.map((campaign) => (
          <Table.Tr key={campaign.id}>
            <Table.Td data-label={t('acceptance.title')}>
              <Anchor component={Link} to={`/recettes/${campaign.id}`}>
                {campaign.title}
              </Anchor>
            </Table.Td>
            <Table.Td data-label={t('acceptance.subject')}>
              {campaign.subject.name} — {campaign.versionLabel}
            </Table.Td>
            <Table.Td data-label={t('acceptance.state')}>
              {label(acceptanceCampaignLifecycle.states[campaign.state].label)}
            </Table.Td>
            <Table.Td data-label={t('acceptance.figures')}>
              <CampaignFigures figures={campaign.figures} compact />
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </>
  );
}
