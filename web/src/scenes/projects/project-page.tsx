import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { projectLifecycle } from '../../../../common/lifecycles/project.ts';
import { ACTIVE_PHASES, PROJECT_PHASE_LABELS } from '../../../../common/projects.ts';
import type { ProjectDto } from '../../../../common/schemas/project.ts';
import { TRACK_DEFINITIONS } from '../../../../common/tracks.ts';
import { useFireProjectTransition, useFollow, useProject } from '../../api/projects.ts';
import { formatDay } from '../../components/dates.ts';
import { useDomainLabel } from '../../components/domain-select.tsx';
import { LifecyclePanel } from '../../components/lifecycle/lifecycle-panel.tsx';
import { MarkdownHtml } from '../../components/markdown.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { ErrorAlert, type Notice, PageHeader, StatusMessage } from '../../components/page.tsx';
import { FactTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { SubjectAcceptanceCard } from '../acceptance/subject-acceptance-card.tsx';
import { TrackBadge } from '../catalogue/track-badge.tsx';
import { EvaluationCard } from '../evaluation/evaluation-card.tsx';
import { ProjectForge } from '../forge/project-forge.tsx';
import { ProjectAttachments } from './project-attachments.tsx';
import { PhaseBadge, SponsoredBadge } from './project-badges.tsx';
import { ProjectComments } from './project-comments.tsx';
import { Contributions } from './project-contributions.tsx';
import { ProjectEffort } from './project-effort.tsx';
import { Offers } from './project-offers.tsx';
import { Sponsorship } from './project-sponsorship.tsx';

const names = (offices: { name: string }[]) => offices.map((o) => o.name).join(', ');

function Facts({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const domainLabel = useDomainLabel();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  return (
    <FactTable
      rows={[
        [
          t('project.track'),
          `${label(TRACK_DEFINITIONS[project.track].label)} (${TRACK_DEFINITIONS[project.track].reference})`,
        ],
        [t('project.domain'), domainLabel(project.domain.code, project.domain.label)],
        [
          t('project.holder'),
          <Anchor key="holder" component={Link} to={`/organismes/${project.holderOrganisation.id}`}>
            {project.holderOrganisation.name}
          </Anchor>,
        ],
        [
          t('project.developers'),
          project.needsDevelopers ? t('projects.needsDevelopers') : names(project.developerOrganisations),
        ],
        [
          t('project.pilots'),
          project.pilotOrganisations.length > 0 ? names(project.pilotOrganisations) : t('project.none'),
        ],
        [t('project.owningDirectorate'), project.owningDirectorate?.name ?? null],
        [
          t('project.forge'),
          project.forgeUrl ? (
            <Anchor key="forge" href={project.forgeUrl} rel="noopener noreferrer">
              {project.forgeUrl}
            </Anchor>
          ) : (
            t('project.noForge')
          ),
        ],
        [t('project.amStore'), yesNo(project.amStore)],
        [
          t('project.transitional'),
          project.transitionalProcedure ? (project.transitionalApplication?.name ?? t('common.yes')) : null,
        ],
        [t('project.homologationDeclaredOn'), formatDay(project.homologationDeclaredOn, language)],
        [
          t('project.duplicateCheck'),
          project.duplicateCheck
            ? t('project.notDuplicateOf', {
                items: project.duplicateCheck.items
                  .map((item) => `${item.title} (${t(`projectForm.similarKind.${item.kind}`)})`)
                  .join(', '),
              })
            : null,
        ],
        [t('project.delivers'), t(`project.deliversValues.${project.delivers}`)],
        [
          t('project.application'),
          project.application ? (
            <Anchor key="sheet" component={Link} to={`/catalogue/${project.application.id}`}>
              {project.application.name}
            </Anchor>
          ) : null,
        ],
        [
          t('project.contacts'),
          project.contacts.length > 0
            ? project.contacts
                .map((c) => [c.name, c.role, c.email, c.phone].filter(Boolean).join(' — '))
                .join(' ; ')
            : null,
        ],
        [t('project.declaredOn'), formatDay(project.createdAt.slice(0, 10), language)],
      ]}
    />
  );
}

/** Planned and actual dates of each phase the project works through. */
function PhaseDates({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const span = (dates: ProjectDto['plannedDates'][string] | undefined) => {
    const start = formatDay(dates?.start ?? null, language);
    const end = formatDay(dates?.end ?? null, language);
    if (!start && !end) return '—';
    return [start ?? '…', end ?? '…'].join(' → ');
  };
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table>
        <Table.Caption>{t('project.datesCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('project.phase')}</Table.Th>
            <Table.Th scope="col">{t('project.planned')}</Table.Th>
            <Table.Th scope="col">{t('project.actual')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...ACTIVE_PHASES, 'delivered' as const].map((phase) => (
            <Table.Tr key={phase}>
              <Table.Th scope="row">{label(PROJECT_PHASE_LABELS[phase])}</Table.Th>
              <Table.Td>{span(project.plannedDates[phase])}</Table.Td>
              <Table.Td>{span(project.actualDates[phase])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ProjectPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useProject(id);
  const fire = useFireProjectTransition();
  const follow = useFollow();
  const [notice, setNotice] = useState<Notice | null>(null);
  const project = query.data;
  if (!project)
    return query.error ? (
      <LoadFailure error={query.error} missing="project" />
    ) : (
      <Text>{t('common.loading')}</Text>
    );
  const toggleFollow = () =>
    follow.mutate(
      { id: project.id, following: !project.following },
      {
        onSuccess: () =>
          setNotice({ text: project.following ? t('project.unfollowed') : t('project.followed') }),
      },
    );
  return (
    <>
      <Anchor component={Link} to="/projets" size="sm">
        ← {t('project.back')}
      </Anchor>
      <PageHeader
        title={project.title}
        actions={
          <Group gap="xs">
            {project.can.update ? (
              <Button component={Link} to={`/projets/${project.id}/modifier`}>
                {t('project.edit')}
              </Button>
            ) : null}
            <Button
              variant="default"
              onClick={toggleFollow}
              loading={follow.isPending}
              aria-pressed={project.following}
            >
              {project.following ? t('project.unfollow') : t('project.follow')}
            </Button>
          </Group>
        }
      />
      <StatusMessage notice={notice} onClose={() => setNotice(null)} />
      <ErrorAlert error={follow.error} />
      <Group gap="xs" mb="md">
        <TrackBadge track={project.track} />
        <PhaseBadge phase={project.phase} />
        {project.sponsorshipAccepted ? <SponsoredBadge /> : null}
        <Text size="sm">{t('project.followers', { count: project.followerCount })}</Text>
      </Group>
      <Stack gap="xl">
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          <Stack>
            <Title order={2} size="h4">
              {t('project.need')}
            </Title>
            <Text style={{ whiteSpace: 'pre-line' }}>{project.need}</Text>
            <Title order={2} size="h4">
              {t('project.description')}
            </Title>
            {project.descriptionHtml ? (
              <MarkdownHtml html={project.descriptionHtml} />
            ) : (
              <Text c="dimmed">{t('project.noDescription')}</Text>
            )}
          </Stack>
          <Stack>
            <Title order={2} size="h4">
              {t('project.facts')}
            </Title>
            <Facts project={project} />
            <PhaseDates project={project} />
          </Stack>
        </SimpleGrid>
        <Paper withBorder p="md">
          <LifecyclePanel
            lifecycle={projectLifecycle.name}
            view={project.lifecycles.find((view) => view.lifecycle === projectLifecycle.name)}
            transitions={project.transitions}
            version={project.version}
            subject={project.title}
            fire={(body) => fire.mutateAsync({ id: project.id, body })}
            title={t('project.lifecycle')}
          />
        </Paper>
        {project.track === 'labelling' || project.track === 'homologation' ? (
          <>
            <EvaluationCard subject={{ projectId: project.id }} mayStart={project.can.update} />
            <SubjectAcceptanceCard subject={{ projectId: project.id }} />
          </>
        ) : null}
        <Sponsorship project={project} />
        <ProjectForge project={project} />
        <ProjectAttachments project={project} />
        <Offers project={project} />
        {project.track === 'nationalParticipation' || project.contributions.length > 0 ? (
          <Contributions project={project} />
        ) : null}
        <ProjectEffort project={project} />
        <ProjectComments projectId={project.id} />
      </Stack>
    </>
  );
}
