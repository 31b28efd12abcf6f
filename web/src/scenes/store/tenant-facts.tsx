import { Anchor, Badge, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestDto, TenantDto } from '../../../../common/schemas/deployment-request.ts';
import {
  ENVIRONMENT_LABELS,
  TENANT_OPERATION_LABELS,
  TENANT_STATUS_LABELS,
} from '../../../../common/store/vocabulary.ts';
import { formatDateTime } from '../../components/dates.ts';
import { FactTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { useMoney, useMonth } from './formats.ts';

const STATUS_COLORS: Partial<Record<TenantDto['status'], string>> = {
  live: '#1f6f33',
  suspended: '#a63b06',
  failed: 'red.9',
  removed: 'gray.8',
};
const TENANT_ACTIONS = ['suspend', 'resume', 'remove'];

/**
 * An AM Cloud tenant as its request shows it: its state (and an operation the platform has not confirmed
 * yet), its environments and the users declared for it — what its share of the instance is computed
 * on —, where it is reached, what it costs this month and what became of its data once removed.
 */
export function TenantFacts({ tenant, request }: { tenant: TenantDto; request: RequestDto }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const actionable = request.transitions.some((tr) => TENANT_ACTIONS.includes(tr.action) && tr.allowed);
  return (
    <Stack gap="xs">
      <FactTable
        rows={[
          [
            t('requests.tenantStatus'),
            <Badge key="status" variant="outline" color={STATUS_COLORS[tenant.status] ?? 'dark'}>
              {label(TENANT_STATUS_LABELS[tenant.status])}
            </Badge>,
          ],
          [
            t('requests.pendingOperation'),
            tenant.pendingOperation ? label(TENANT_OPERATION_LABELS[tenant.pendingOperation]) : null,
          ],
          [
            t('requests.tenantEnvironments'),
            tenant.environments.map((e) => label(ENVIRONMENT_LABELS[e])).join(', '),
          ],
          [t('requests.tenantUsers'), String(tenant.declaredUsers)],
          [t('requests.externalId'), tenant.externalId],
          [t('requests.accessUrl'), tenant.accessUrl],
          [t('requests.liveAt'), formatDateTime(tenant.liveAt, language)],
          [t('requests.suspendedAt'), formatDateTime(tenant.suspendedAt, language)],
          [t('requests.removedAt'), formatDateTime(tenant.removedAt, language)],
          [
            t('requests.dataExportUrl'),
            tenant.dataExportUrl ? (
              <Anchor key="export" href={tenant.dataExportUrl}>
                {tenant.dataExportUrl}
              </Anchor>
            ) : null,
          ],
          [t('requests.dataRetainedUntil'), formatDateTime(tenant.dataRetainedUntil, language)],
          [t('requests.attempts'), tenant.attempts > 0 ? String(tenant.attempts) : null],
          [t('requests.lastError'), tenant.lastError],
        ]}
      />
      {actionable ? <Text size="sm">{t('requests.tenantActions')}</Text> : null}
      {tenant.status === 'removed' && !request.hosting ? null : <HostingFacts request={request} />}
    </Stack>
  );
}

/** What the tenant costs this month: the shared instance's resources and cost, and this office's share by the rule. */
function HostingFacts({ request }: { request: RequestDto }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const money = useMoney();
  const month = useMonth();
  const { hosting } = request;
  if (!hosting) return <Text size="sm">{t('requests.hosting.notBilled')}</Text>;
  const { instance, share } = hosting;
  const office = request.organisation.name;
  const number = (value: number) => value.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB');
  return (
    <section aria-labelledby="tenant-hosting">
      <Title order={3} size="h4" id="tenant-hosting" mb="xs">
        {t('requests.hosting.title', { month: month(hosting.month) })}
      </Title>
      <FactTable
        rows={[
          [t('requests.hosting.tenants'), String(instance.tenants)],
          [t('requests.hosting.users'), number(instance.users)],
          [
            t('requests.hosting.resources'),
            t('requests.hosting.resourcesValue', {
              vcpu: number(instance.resources.vcpu),
              memory: number(instance.resources.memoryGb),
              storage: number(instance.resources.storageGb),
            }),
          ],
          [
            t('requests.hosting.environments'),
            instance.environments.map((e) => label(ENVIRONMENT_LABELS[e])).join(', '),
          ],
          [t('requests.hosting.cost', { version: hosting.priceList.version }), money(instance.costCents)],
          [
            t('requests.hosting.share', { office }),
            t('requests.hosting.shareValue', {
              amount: money(share.shareCents),
              percent: number(share.percent),
              users: number(share.users),
              total: number(instance.users),
            }),
          ],
          [t('requests.hosting.standalone', { office }), money(share.standaloneCents)],
          [t('requests.hosting.rule'), label(hosting.rule)],
        ]}
      />
    </section>
  );
}
