import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  PROJECT_FACETS,
  PROJECT_PHASE_LABELS,
  PROJECT_SORTS,
  type ProjectFacet,
} from '../../../../common/projects.ts';
import type { ProjectSummaryDto } from '../../../../common/schemas/project.ts';
import { PROJECTS_PAGE_SIZE, type ProjectSearch, useProjects } from '../../api/projects.ts';
import { can, useMe } from '../../api/queries.ts';
import { formatDateTime } from '../../components/dates.ts';
import { useDomainLabel } from '../../components/domain-select.tsx';
import { PageHeader } from '../../components/page.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { FacetGroup } from '../catalogue/catalogue-facets.tsx';
import { FacetedResults, ListSearch } from '../catalogue/faceted-list.tsx';
import { TRACK_LABELS } from '../catalogue/labels.ts';
import { TrackBadge } from '../catalogue/track-badge.tsx';
import { PhaseBadge, SponsoredBadge } from './project-badges.tsx';

export function ProjectCard({ project }: { project: ProjectSummaryDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const domainLabel = useDomainLabel();
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`project-${project.id}`}>
      <Stack gap={4}>
        <Title order={2} size="h4" id={`project-${project.id}`}>
          <Anchor component={Link} to={`/projets/${project.id}`}>
            {project.title}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {t('projects.holder', { name: project.holderOrganisation.name })} ·{' '}
          {domainLabel(project.domain.code, project.domain.label)}
        </Text>
      </Stack>
      <Text mt="xs" lineClamp={3}>
        {project.need}
      </Text>
      <Group gap="xs" mt="sm">
        <TrackBadge track={project.track} />
        <PhaseBadge phase={project.phase} />
        {project.sponsorshipAccepted ? <SponsoredBadge /> : null}
        {project.needsDevelopers ? (
          <Badge variant="light" color="yellow" c="gray.9">
            {t('projects.needsDevelopers')}
          </Badge>
        ) : (
          <Text size="sm">
            {t('projects.developers', {
              names: project.developerOrganisations.map((o) => o.name).join(', '),
            })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('projects.updated', { date: formatDateTime(project.updatedAt, language) })}
        </Text>
      </Group>
    </Card>
  );
}

export function ProjectsPage({ search }: { search: ProjectSearch }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const update = (patch: Partial<ProjectSearch>) =>
    navigate({ to: '/projets', search: { ...search, page: undefined, ...patch }, replace: true });
  const query = useProjects(search);
  const data = query.data;
  const activeCount = PROJECT_FACETS.reduce((sum, f) => sum + (facetValues(search, f)?.length ?? 0), 0);

  const toggle = (facet: ProjectFacet) => (value: string) => {
    if (facet === 'needsDevelopers')
      return void update({
        needsDevelopers: search.needsDevelopers === value ? undefined : (value as 'true'),
      });
    const current = facetValues(search, facet) ?? [];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    void update({ [facet]: next.length > 0 ? next : undefined });
  };
  const valueLabel = (facet: ProjectFacet) => (value: string, serverLabel: string) => {
    const fixed =
      facet === 'track'
        ? TRACK_LABELS[value as keyof typeof TRACK_LABELS]
        : facet === 'phase'
          ? PROJECT_PHASE_LABELS[value as keyof typeof PROJECT_PHASE_LABELS]
          : undefined;
    if (fixed) return label(fixed);
    if (facet === 'needsDevelopers')
      return t(`projects.needsDevelopersValues.${value === 'true' ? 'true' : 'false'}`);
    return serverLabel;
  };

  return (
    <>
      <PageHeader
        title={t('projects.title')}
        intro={t('projects.intro')}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/projets/besoins-et-forces" variant="default">
              {t('matchmaking.title')}
            </Button>
            {can(me, 'sponsorship.queue') ? (
              <Button component={Link} to="/projets/parrainages" variant="default">
                {t('projects.sponsorQueue')}
              </Button>
            ) : null}
            {can(me, 'project.create') ? (
              <Button component={Link} to="/projets/nouveau">
                {t('projects.declare')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <ListSearch
        label={t('projects.searchLabel')}
        help={t('projects.searchHelp')}
        initial={search.q ?? ''}
        onSearch={(q) => void update({ q })}
        sorts={PROJECT_SORTS.map((value) => ({ value, label: t(`projects.sorts.${value}`) }))}
        sort={search.sort ?? (search.q ? 'relevance' : 'updated')}
        onSort={(sort) => void update({ sort })}
      />
      <FacetedResults
        activeCount={activeCount}
        onReset={
          activeCount > 0 || search.q
            ? () => void navigate({ to: '/projets', search: {}, replace: true })
            : null
        }
        error={query.error}
        total={data?.total}
        empty={t('projects.noResult')}
        page={search.page ?? 1}
        pageSize={PROJECTS_PAGE_SIZE}
        onPage={(page) => void update({ page })}
        filters={
          data
            ? PROJECT_FACETS.map((facet) => (
                <FacetGroup
                  key={facet}
                  facet={facet}
                  name={t(`projects.facets.${facet}`)}
                  valueLabel={valueLabel(facet)}
                  values={data.facets[facet]}
                  selected={facetValues(search, facet) ?? []}
                  onToggle={toggle(facet)}
                />
              ))
            : null
        }
      >
        {data?.items.map((project) => (
          <ProjectCard key={project.id} project={project} />
        ))}
      </FacetedResults>
    </>
  );
}

/** The chosen values of a facet, as a list (needsDevelopers is one value). */
function facetValues(search: ProjectSearch, facet: ProjectFacet): string[] | undefined {
  if (facet === 'needsDevelopers') return search.needsDevelopers ? [search.needsDevelopers] : undefined;
  return search[facet];
}
