import { Anchor, Badge, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  CALL_SCOPE_LABELS,
  CALL_STATE_LABELS,
  type CallScope,
  type CallState,
} from '../../../../common/calls/vocabulary.ts';
import { REGION_LABELS } from '../../../../common/organisations.ts';
import type { CallSummaryDto } from '../../../../common/schemas/calls.ts';
import { CALLS_PAGE_SIZE, type CallSearch, useCalls } from '../../api/calls.ts';
import { can, useMe } from '../../api/queries.ts';
import { useDomainLabel } from '../../components/domain-select.tsx';
import { PageHeader } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';
import { FacetGroup } from '../catalogue/catalogue-facets.tsx';
import { FacetedResults, ListSearch } from '../catalogue/faceted-list.tsx';
import { CallDeadline, CallStateBadge } from './call-deadline.tsx';

/** Who may answer, in a few words: national, the region's name, or local. */
export function useScopeLabel() {
  const label = useLabel();
  return (call: { scope: CallScope; region: string | null }) =>
    call.scope === 'regional' && call.region
      ? `${label(CALL_SCOPE_LABELS.regional)} — ${REGION_LABELS[call.region as keyof typeof REGION_LABELS] ?? call.region}`
      : label(CALL_SCOPE_LABELS[call.scope]);
}

function CallCard({ call }: { call: CallSummaryDto }) {
  const { t } = useTranslation();
  const domainLabel = useDomainLabel();
  const scopeLabel = useScopeLabel();
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`call-${call.id}`}>
      <Stack gap={4}>
        <Title order={2} size="h4" id={`call-${call.id}`}>
          <Anchor component={Link} to={`/appels/${call.id}`}>
            {call.title}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {t('calls.issuer', { name: call.issuer.name })} ·{' '}
          {domainLabel(call.domain.code, call.domain.label.fr)}
        </Text>
        <CallDeadline call={call} />
      </Stack>
      <Group gap="xs" mt="sm">
        <CallStateBadge state={call.state} />
        <Badge variant="outline" color="gray.8">
          {scopeLabel(call)}
        </Badge>
        {call.state === 'published' && call.openToMyOffice ? (
          <Badge variant="light" color="blue" c="gray.9">
            {t('calls.openToMyOffice')}
          </Badge>
        ) : null}
        {call.effortDays !== null ? (
          <Text size="sm">{t('calls.effortDays', { count: call.effortDays })}</Text>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('calls.questionsCount', { count: call.questionCount })}
        </Text>
      </Group>
    </Card>
  );
}

export function CallsPage({ search }: { search: CallSearch }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const update = (patch: Partial<CallSearch>) =>
    navigate({ to: '/appels', search: { ...search, page: undefined, ...patch }, replace: true });
  const query = useCalls(search);
  const data = query.data;
  const activeCount = [search.state, search.scope, search.forMyOffice].filter(Boolean).length;
  const facet = <V extends string>(
    name: 'state' | 'scope',
    values: { value: V; count: number }[],
    labels: Record<V, { fr: string; en: string }>,
  ) => (
    <FacetGroup
      key={name}
      facet={name}
      name={t(`calls.facets.${name}`)}
      values={values.map((v) => ({ ...v, label: label(labels[v.value]) }))}
      valueLabel={(value) => label(labels[value as V])}
      selected={search[name] ? [search[name] as string] : []}
      onToggle={(value) => void update({ [name]: search[name] === value ? undefined : value })}
    />
  );
  return (
    <>
      <PageHeader
        title={t('calls.title')}
        intro={t('calls.intro')}
        actions={
          can(me, 'call.create') ? (
            <Button component={Link} to="/appels/nouveau">
              {t('calls.create')}
            </Button>
          ) : null
        }
      />
      <ListSearch
        label={t('calls.searchLabel')}
        help={t('calls.searchHelp')}
        initial={search.q ?? ''}
        onSearch={(q) => void update({ q })}
        sorts={[]}
        sort=""
        onSort={() => undefined}
      />
      <FacetedResults
        activeCount={activeCount}
        onReset={
          activeCount > 0 || search.q
            ? () => void navigate({ to: '/appels', search: {}, replace: true })
            : null
        }
        error={query.error}
        total={data?.total}
        empty={t('calls.noResult')}
        page={search.page ?? 1}
        pageSize={CALLS_PAGE_SIZE}
        onPage={(page) => void update({ page })}
        filters={
          <>
            <Checkbox
              checked={search.forMyOffice === 'true'}
              onChange={(e) => void update({ forMyOffice: e.currentTarget.checked ? 'true' : undefined })}
              label={t('calls.forMyOffice')}
            />
            {data ? facet<CallState>('state', data.facets.states, CALL_STATE_LABELS) : null}
            {data ? facet<CallScope>('scope', data.facets.scopes, CALL_SCOPE_LABELS) : null}
          </>
        }
      >
        {data?.items.map((call) => (
          <CallCard key={call.id} call={call} />
        ))}
      </FacetedResults>
    </>
  );
}
