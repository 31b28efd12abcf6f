import { Anchor, Badge, Button, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTION_LABELS, AUDIT_TARGET_TYPE_LABELS } from '../../../../common/audit-actions.ts';
import { useAuditActions, useAuditEvents } from '../../api/queries.ts';
import { formatDateTime } from '../../components/dates.ts';
import { ErrorAlert, PageHeader, Pager } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useFilters } from '../../components/use-filters.ts';
import { useLabel } from '../../i18n/index.ts';
import { AuditChange, AuditTarget } from './audit-change.tsx';

const PAGE_SIZE = 50;

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const targetTypeLabel = (type: string) => {
    const known = AUDIT_TARGET_TYPE_LABELS[type];
    return known ? label(known) : type;
  };
  const actionLabel = (code: string) => {
    const known = AUDIT_ACTION_LABELS[code];
    return known ? label(known) : code;
  };
  const { filters, page, setPage, set, reset } = useFilters({
    actorId: null as string | null,
    actorName: null as string | null,
    action: null as string | null,
    targetType: null as string | null,
    from: null as string | null,
    to: null as string | null,
    // Sign-ins and sign-outs make most of the trail: left out unless asked for.
    sessions: null as string | null,
  });
  const actions = useAuditActions();
  const query = useAuditEvents({
    actor: filters.actorId ?? undefined,
    action: filters.action ?? undefined,
    targetType: filters.targetType ?? undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    hideSessions: filters.sessions === 'shown' ? undefined : true,
    page,
    pageSize: PAGE_SIZE,
  });

  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <Group align="flex-end" mb="md" wrap="wrap">
        <Select
          label={t('audit.action')}
          clearable
          searchable
          placeholder={t('common.all')}
          data={(actions.data?.items ?? []).map((code) => ({ value: code, label: actionLabel(code) }))}
          value={filters.action}
          onChange={(v) => set('action', v)}
          w={260}
        />
        <Select
          label={t('audit.targetType')}
          clearable
          placeholder={t('common.all')}
          data={(actions.data?.targetTypes ?? []).map((type) => ({
            value: type,
            label: targetTypeLabel(type),
          }))}
          value={filters.targetType}
          onChange={(v) => set('targetType', v)}
          w={180}
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={filters.from ?? ''}
          onChange={(e) => set('from', e.currentTarget.value || null)}
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={filters.to ?? ''}
          onChange={(e) => set('to', e.currentTarget.value || null)}
        />
        <Checkbox
          label={t('audit.hideSessions')}
          checked={filters.sessions !== 'shown'}
          onChange={(event) => set('sessions', event.currentTarget.checked ? null : 'shown')}
          mb={8}
        />
        <Button variant="subtle" onClick={reset}>
          {t('common.reset')}
        </Button>
      </Group>
      {filters.actorName ? (
        <Group mb="md" gap="xs">
          <Text size="sm">{t('audit.actorFilter')} :</Text>
          <Badge
            variant="light"
            rightSection={
              <Anchor
                component="button"
                type="button"
                size="xs"
                onClick={() => {
                  set('actorId', null);
                  set('actorName', null);
                }}
                aria-label={t('audit.clearActor', { name: filters.actorName })}
              >
                ✕
              </Anchor>
            }
          >
            {filters.actorName}
          </Badge>
        </Group>
      ) : null}
      <ErrorAlert error={query.error} />
      <ListTable
        caption={t('audit.caption')}
        columns={[t('audit.when'), t('audit.actor'), t('audit.action'), t('audit.target'), t('audit.change')]}
        minWidth={900}
        isEmpty={query.data?.items.length === 0}
      >
        {query.data?.items.map((event) => (
          <Table.Tr key={event.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(event.occurredAt, i18n.language)}
            </Table.Td>
            <Table.Td>
              {event.actor ? (
                <>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    ta="left"
                    onClick={() => {
                      set('actorId', event.actor?.id ?? null);
                      set('actorName', event.actor?.displayName ?? null);
                    }}
                  >
                    {event.actor.displayName}
                  </Anchor>
                  {event.actorOrganisation ? (
                    <Anchor
                      component={Link}
                      to={`/organismes/${event.actorOrganisation.id}`}
                      size="xs"
                      display="block"
                    >
                      {event.actorOrganisation.code}
                    </Anchor>
                  ) : null}
                </>
              ) : (
                <Text size="sm">{t('audit.system')}</Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{actionLabel(event.action)}</Text>
              <Text size="xs" ff="monospace">
                {event.action}
              </Text>
            </Table.Td>
            <Table.Td>
              <AuditTarget event={event} typeLabel={targetTypeLabel(event.targetType)} />
            </Table.Td>
            <Table.Td>
              <AuditChange event={event} />
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {query.data ? (
        <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={setPage} />
      ) : null}
    </>
  );
}
