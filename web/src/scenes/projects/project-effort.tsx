import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ProjectDto } from '../../../../common/schemas/project.ts';
import { can, useMe } from '../../api/queries.ts';
import { EffortForm } from '../compensation/effort-form.tsx';

/** Last month (AAAA-MM): the month an office usually records. */
const lastMonth = () => {
  const today = new Date();
  return new Date(Date.UTC(today.getFullYear(), today.getMonth() - 1, 1)).toISOString().slice(0, 7);
};

/**
 * The effort form of the compensation pages, about this project: for the people who record their office's
 * effort, when their office holds, develops or pilots the project. The lines and their confirmation stay
 * on the office's effort page, linked here.
 */
export function ProjectEffort({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me || !can(me, 'effort.record')) return null;
  const offices = [
    project.holderOrganisation.id,
    ...project.developerOrganisations.map((o) => o.id),
    ...project.pilotOrganisations.map((o) => o.id),
  ];
  if (!offices.includes(me.organisation.id)) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="project-effort">
      <Title order={2} size="h4" id="project-effort">
        {t('projectEffort.title')}
      </Title>
      <Text size="sm">{t('projectEffort.intro')}</Text>
      <Text size="sm" fw={600}>
        {t('projectEffort.target', { title: project.title })}
      </Text>
      <EffortForm
        officeCode={me.organisation.code}
        defaultMonth={lastMonth()}
        project={{ id: project.id, title: project.title }}
      />
      <Anchor component={Link} to="/effort" size="sm">
        {t('projectEffort.yourEffort')}
      </Anchor>
    </Stack>
  );
}
