import { Anchor, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { deploymentRequestLifecycle } from '../../../../common/lifecycles/deployment-request.ts';
import { ENVIRONMENT_LABELS } from '../../../../common/store/vocabulary.ts';
import { useFireRequestTransition, useRequest } from '../../api/deployment-requests.ts';
import { formatDay } from '../../components/dates.ts';
import { LifecyclePanel } from '../../components/lifecycle/lifecycle-panel.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page.tsx';
import { FactTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { TenantFacts } from './tenant-facts.tsx';

/** A deployment request: what was asked, its AM Cloud tenant, and its timeline with the actions open to the reader. */
export function RequestPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const query = useRequest(id);
  const fire = useFireRequestTransition(id);
  if (query.error) return <LoadFailure error={query.error} missing="page" />;
  const request = query.data;
  if (!request) return null;
  const yes = (value: boolean) => (value ? t('requests.yes') : t('requests.no'));
  const tenant = request.tenant;
  return (
    <Stack gap="lg">
      <PageHeader
        title={`${request.reference} — ${request.application.name}`}
        intro={`${request.organisation.name} · ${request.requestedBy.displayName}`}
        actions={
          request.can.update ? (
            <Button component={Link} to={`/store/demandes/${id}/modifier`} variant="default">
              {t('requests.edit')}
            </Button>
          ) : null
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md">
          <FactTable
            rows={[
              [
                t('requests.application'),
                <Anchor key="app" component={Link} to={`/store/${request.application.id}`}>
                  {request.application.name}
                </Anchor>,
              ],
              [t('requests.expectedUsers'), String(request.expectedUsers)],
              [t('requests.wantedOn'), formatDay(request.wantedOn, language)],
              [
                t('requests.environments'),
                request.environments.map((e) => label(ENVIRONMENT_LABELS[e])).join(', '),
              ],
              [t('requests.dpoInformed'), yes(request.dataProtection.dpoInformed)],
              [
                t('requests.processingRegisterUpdated'),
                yes(request.dataProtection.processingRegisterUpdated),
              ],
              [t('requests.cnilFormalitiesDone'), yes(request.dataProtection.cnilFormalitiesDone)],
              [t('requests.dataProtectionComment'), request.dataProtection.comment],
            ]}
          />
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="sm">
            {t('requests.tenant')}
          </Title>
          {tenant ? <TenantFacts tenant={tenant} request={request} /> : <Text>{t('requests.noTenant')}</Text>}
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <LifecyclePanel
          lifecycle={deploymentRequestLifecycle.name}
          view={request.lifecycles.find((view) => view.lifecycle === deploymentRequestLifecycle.name)}
          transitions={request.transitions}
          version={request.version}
          subject={request.reference}
          fire={(body) => fire.mutateAsync({ id, body })}
          title={t('requests.lifecycle')}
        />
      </Paper>
    </Stack>
  );
}
