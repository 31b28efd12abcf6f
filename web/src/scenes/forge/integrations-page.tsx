import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IntegrationStatusDto } from '../../../../common/schemas/forge.ts';
import { useIntegrationStatus } from '../../api/forge.ts';
import { formatDateTime } from '../../components/dates.ts';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLanguage } from '../../i18n/index.ts';

type Integration = IntegrationStatusDto['items'][number];

function Errors({ item }: { item: Integration }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = t(`forge.integrations.names.${item.system}`);
  const headingId = `integration-errors-${item.system}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {name}
        </Title>
        {item.url ? <Text size="sm">{item.url}</Text> : null}
        {item.errors.length === 0 ? (
          <Text size="sm">{t('forge.integrations.noErrors')}</Text>
        ) : (
          <ListTable
            caption={t('forge.integrations.errorsCaption', { system: name })}
            columns={[
              t('forge.integrations.subject'),
              t('forge.integrations.message'),
              t('forge.integrations.at'),
            ]}
            minWidth={560}
            isEmpty={false}
            stacked
          >
            {item.errors.map((error) => (
              <Table.Tr key={error.subject}>
                <Table.Td data-label={t('forge.integrations.subject')}>{error.subject}</Table.Td>
                <Table.Td data-label={t('forge.integrations.message')}>{error.message}</Table.Td>
                <Table.Td data-label={t('forge.integrations.at')}>
                  {formatDateTime(error.at, language)}
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </Stack>
    </Paper>
  );
}

/** The administrators' view of GitLab, Jenkins and the Composer repository: configured, last sync, errors. */
export function IntegrationsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useIntegrationStatus();
  const items = query.data?.items;
  return (
    <Stack>
      <PageHeader title={t('forge.integrations.title')} intro={t('forge.integrations.intro')} />
      <ErrorAlert error={query.error} />
      <ListTable
        caption={t('forge.integrations.caption')}
        columns={[
          t('forge.integrations.system'),
          t('forge.integrations.state'),
          t('forge.integrations.linked'),
          t('forge.integrations.lastSync'),
          t('forge.integrations.errors'),
        ]}
        minWidth={640}
        isEmpty={items?.length === 0}
        stacked
      >
        {items?.map((item) => (
          <Table.Tr key={item.system}>
            <Table.Td data-label={t('forge.integrations.system')}>
              {t(`forge.integrations.names.${item.system}`)}
            </Table.Td>
            <Table.Td data-label={t('forge.integrations.state')}>
              <Badge color={item.configured ? 'green' : 'gray'} variant="light">
                {item.configured ? t('forge.integrations.configured') : t('forge.integrations.notConfigured')}
              </Badge>
            </Table.Td>
            <Table.Td data-label={t('forge.integrations.linked')}>{item.linked}</Table.Td>
            <Table.Td data-label={t('forge.integrations.lastSync')}>
              {formatDateTime(item.lastSyncAt, language) ?? t('forge.integrations.never')}
            </Table.Td>
            <Table.Td data-label={t('forge.integrations.errors')}>{item.errors.length}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {items?.map((item) => (
        <Errors key={item.system} item={item} />
      ))}
    </Stack>
  );
}
