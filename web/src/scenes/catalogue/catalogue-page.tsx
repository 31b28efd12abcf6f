import { Anchor, Badge, Button, Card, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FACETS, type Facet } from '../../../../common/catalog/vocabulary.ts';
import type { ApplicationSummaryDto } from '../../../../common/schemas/application.ts';
import type { ApplicationSearchItemDto } from '../../../../common/schemas/application-search.ts';
import { type CatalogueSearch, exportUrl, PAGE_SIZE, useApplications } from '../../api/catalogue.ts';
import { can, useMe } from '../../api/queries.ts';
import { useDomainLabel } from '../../components/domain-select.tsx';
import { PageHeader } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';
import { ArchivedFilterChoice } from './archived-filter.tsx';
import { FacetGroup } from './catalogue-facets.tsx';
import { catalogueSearchProps, FacetedResults, ListSearch } from './faceted-list.tsx';
import { CERTIFICATION_STATUS_LABELS } from './labels.ts';
import { StageBadge } from './stage-badge.tsx';
import { TrackBadge } from './track-badge.tsx';

/** The other sheets of the same name: a small hint, so that a reader does not take one for the other. */
function SameNameHint({ others, count }: { others: ApplicationSearchItemDto['sameName']; count: number }) {
  const { t } = useTranslation();
  if (others.length === 0) return null;
  return (
    <Text size="sm" mt={4}>
      {t('catalogue.sameName')}{' '}
      {others.map((other, k) => (
        <span key={other.id}>
          {k > 0 ? ', ' : null}
          <Anchor component={Link} to={`/catalogue/${other.id}`}>
            {other.code}
          </Anchor>{' '}
          ({other.designerOrganisation.name})
        </span>
      ))}
      {count > others.length ? ` ${t('catalogue.sameNameMore', { count: count - others.length })}` : null}
    </Text>
  );
}

export function ApplicationCard({
  application,
}: {
  application: ApplicationSummaryDto & Partial<Pick<ApplicationSearchItemDto, 'sameName' | 'sameNameCount'>>;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const domainLabel = useDomainLabel();
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`app-${application.id}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={4}>
          <Title order={2} size="h4" id={`app-${application.id}`}>
            <Anchor component={Link} to={`/catalogue/${application.id}`}>
              {application.name}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            {application.designerOrganisation.name} ·{' '}
            {domainLabel(application.domain.code, application.domain.label)}
          </Text>
          <SameNameHint others={application.sameName ?? []} count={application.sameNameCount ?? 0} />
        </Stack>
        <Text size="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>
          {t('catalogue.usedBy', { count: application.usageCount })}
        </Text>
      </Group>
      <Text mt="xs">{application.summary}</Text>
      <Group gap="xs" mt="sm">
        <TrackBadge track={application.track} />
        {application.certificationStatus !== 'none' ? (
          <Badge variant="outline" color="dark">
            {label(CERTIFICATION_STATUS_LABELS[application.certificationStatus])}
          </Badge>
        ) : null}
        <StageBadge application={application} />
        {application.technologyTags.slice(0, 3).map((tag) => (
          <Text key={tag} size="xs" c="dimmed">
            {tag}
          </Text>
        ))}
      </Group>
    </Card>
  );
}

export function CataloguePage({ search }: { search: CatalogueSearch }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const update = (patch: Partial<CatalogueSearch>) =>
    navigate({ to: '/catalogue', search: { ...search, page: undefined, ...patch }, replace: true });
  const query = useApplications(search);
  const data = query.data;
  const activeCount =
    FACETS.reduce((sum, f) => sum + (search[f]?.length ?? 0), 0) + (search.archived ? 1 : 0);
  const active = activeCount > 0 || Boolean(search.q);

  const toggle = (facet: Facet) => (value: string) => {
    const current = search[facet] ?? [];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    void update({ [facet]: next.length > 0 ? next : undefined });
  };

  return (
    <>
      <PageHeader
        title={t('catalogue.title')}
        intro={t('catalogue.intro')}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/catalogue/cartographie" variant="default">
              {t('catalogue.mapLink')}
            </Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default">{t('catalogue.export')}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={exportUrl(search, 'csv')} download>
                  {t('catalogue.exportCsv')}
                </Menu.Item>
                <Menu.Item component="a" href={exportUrl(search, 'xlsx')} download>
                  {t('catalogue.exportXlsx')}
                </Menu.Item>
                <Menu.Item component="a" href={exportUrl(search, 'json')} download>
                  {t('catalogue.exportJson')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {can(me, 'application.import') ? (
              <Button component={Link} to="/catalogue/import" variant="default">
                {t('catalogue.import')}
              </Button>
            ) : null}
            {can(me, 'application.create') ? (
              <Button component={Link} to="/catalogue/nouvelle">
                {t('catalogue.declare')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <ListSearch
        label={t('catalogue.searchLabel')}
        help={t('catalogue.searchHelp')}
        {...catalogueSearchProps(t, search, update)}
      />
      <FacetedResults
        activeCount={activeCount}
        onReset={active ? () => void navigate({ to: '/catalogue', search: {}, replace: true }) : null}
        error={query.error}
        total={data?.total}
        empty={t('catalogue.noResult')}
        page={search.page ?? 1}
        pageSize={PAGE_SIZE}
        onPage={(page) => void update({ page })}
        filters={
          <>
            {data
              ? FACETS.map((facet) => (
                  <FacetGroup
                    key={facet}
                    facet={facet}
                    values={data.facets[facet]}
                    selected={search[facet] ?? []}
                    onToggle={toggle(facet)}
                  />
                ))
              : null}
            <ArchivedFilterChoice
              value={search.archived}
              onChange={(archived) => void update({ archived })}
            />
          </>
        }
      >
        {data?.items.map((application) => (
          <ApplicationCard key={application.id} application={application} />
        ))}
      </FacetedResults>
    </>
  );
}
