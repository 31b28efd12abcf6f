import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CERTIFICATION_STATUS_LABELS, FACETS, type Facet } from '../../../../common/catalog/vocabulary.ts';
import type { StorePageDto } from '../../../../common/schemas/store.ts';
import { STORE_PAGE_SIZE, type StoreSearch, useStore } from '../../api/store.ts';
import { useDomainLabel } from '../../components/domain-select.tsx';
import { PageHeader } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';
import { FacetGroup } from '../catalogue/catalogue-facets.tsx';
import { catalogueSearchProps, FacetedResults, ListSearch } from '../catalogue/faceted-list.tsx';

/** What the Store decides by itself is not offered as a filter; the forge signals are the catalogue's. */
const STORE_FACETS = FACETS.filter((f) => f !== 'hosting' && f !== 'forge');

export function RatingText({ rating }: { rating: StorePageDto['items'][number]['rating'] }) {
  const { t } = useTranslation();
  if (rating.count === 0 || rating.average === null) return <Text size="sm">{t('store.noRating')}</Text>;
  const average = rating.average.toLocaleString(undefined, { maximumFractionDigits: 1 });
  return (
    <Text size="sm">
      <span aria-hidden="true">★ </span>
      {t('store.rating', { average, count: rating.count })}
    </Text>
  );
}

function StoreCard({ item }: { item: StorePageDto['items'][number] }) {
  const { t } = useTranslation();
  const label = useLabel();
  const domainLabel = useDomainLabel();
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`store-${item.id}`}>
      <Stack gap={6} h="100%">
        <Title order={2} size="h4" id={`store-${item.id}`}>
          <Anchor component={Link} to={`/store/${item.id}`}>
            {item.name}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {item.designerOrganisation.name} · {domainLabel(item.domain.code, item.domain.label)}
        </Text>
        <Text>{item.summary}</Text>
        <Group gap="xs" mt="auto">
          <Badge variant="outline" color="dark">
            {label(CERTIFICATION_STATUS_LABELS[item.certificationStatus])}
          </Badge>
          <Text size="sm">
            {item.currentVersion
              ? t('store.version', { version: item.currentVersion })
              : t('store.noVersion')}
          </Text>
        </Group>
        <Group justify="space-between" gap="xs">
          <RatingText rating={item.rating} />
          <Text size="sm">{t('store.usedBy', { count: item.usageCount })}</Text>
        </Group>
      </Stack>
    </Card>
  );
}

/** The Store: certified AM Cloud applications as cards, searched and filtered like the catalogue. */
export function StorePage({ search }: { search: StoreSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = (patch: Partial<StoreSearch>) =>
    navigate({ to: '/store', search: { ...search, page: undefined, ...patch }, replace: true });
  const query = useStore(search);
  const data = query.data;
  const selected = (facet: Facet) => (search as Record<string, string[] | undefined>)[facet] ?? [];
  const activeCount = STORE_FACETS.reduce((sum, f) => sum + selected(f).length, 0);
  const toggle = (facet: Facet) => (value: string) => {
    const current = selected(facet);
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    void update({ [facet]: next.length > 0 ? next : undefined });
  };
  return (
    <>
      <PageHeader title={t('store.title')} intro={t('store.intro')} />
      <ListSearch
        label={t('store.searchLabel')}
        help={t('store.searchHelp')}
        {...catalogueSearchProps(t, search, update)}
      />
      <FacetedResults
        activeCount={activeCount}
        onReset={
          activeCount > 0 || search.q
            ? () => void navigate({ to: '/store', search: {}, replace: true })
            : null
        }
        error={query.error}
        total={data?.total}
        empty={t('store.noResult')}
        page={search.page ?? 1}
        pageSize={STORE_PAGE_SIZE}
        onPage={(page) => void update({ page })}
        filters={
          data
            ? STORE_FACETS.map((facet) => (
                <FacetGroup
                  key={facet}
                  facet={facet}
                  values={data.facets[facet]}
                  selected={selected(facet)}
                  onToggle={toggle(facet)}
                />
              ))
            : null
        }
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {data?.items.map((item) => (
            <StoreCard key={item.id} item={item} />
          ))}
        </SimpleGrid>
      </FacetedResults>
    </>
  );
}
