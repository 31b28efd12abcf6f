import { Anchor, Badge, Stack, Table } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ENVIRONMENT_LABELS, TENANT_STATUS_LABELS } from '../../../../common/store/vocabulary.ts';
import { useTenants } from '../../api/deployment-requests.ts';
import { useStoreApplication } from '../../api/store.ts';
import { formatDateTime } from '../../components/dates.ts';
import { LoadFailure } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { ProvisioningNotice } from './requests-page.tsx';

/** The tenants of an application's shared AM Cloud instance, one per office. */
export function TenantsPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const app = useStoreApplication(id);
  const tenants = useTenants(id);
  const error = app.error ?? tenants.error;
  if (error) return <LoadFailure error={error} missing="application" />;
  if (!app.data || !tenants.data) return null;
  return (
    <Stack gap="md">
      <PageHeader
        title={t('requests.tenantsTitle', { name: app.data.name })}
        intro={t('requests.tenantsIntro')}
      />
      <ProvisioningNotice />
      <ListTable
        caption={t('requests.tenantsCaption')}
        columns={[
          t('requests.office'),
          t('requests.tenantStatus'),
          t('requests.environments'),
          t('requests.declaredUsers'),
          t('requests.liveAt'),
        ]}
        minWidth={640}
        isEmpty={tenants.data.items.length === 0}
        stacked
      >
        {tenants.data.items.map((tenant) => (
          <Table.Tr key={tenant.id}>
            <Table.Td>
              <Anchor component={Link} to={`/store/demandes/${tenant.requestId}`}>
                {tenant.organisation.name}
              </Anchor>
            </Table.Td>
            <Table.Td data-label={t('requests.tenantStatus')}>
              <Badge variant="light" color={tenant.status === 'live' ? 'green' : 'dark'}>
                {label(TENANT_STATUS_LABELS[tenant.status])}
              </Badge>
            </Table.Td>
            <Table.Td data-label={t('requests.environments')}>
              {tenant.environments.map((e) => label(ENVIRONMENT_LABELS[e])).join(', ')}
            </Table.Td>
            <Table.Td data-label={t('requests.declaredUsers')}>{tenant.declaredUsers}</Table.Td>
            <Table.Td data-label={t('requests.liveAt')}>{formatDateTime(tenant.liveAt, language)}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}
