import { Button } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectDto } from '../../../../common/schemas/project.ts';
import { ApiError } from '../../api/client.ts';
import { useProject, useUpdateProject } from '../../api/projects.ts';
import { FormFrame } from '../../components/form-frame.tsx';
import { LoadFailure, MayNotEdit } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page.tsx';
import { useOpened } from '../../components/use-opened.ts';
import { NeedFieldset, ProjectFieldsets } from './project-fields.tsx';
import { initialProjectState, type ProjectFormState, projectBodyOf } from './project-form-state.ts';

/**
 * The fields of a project as PATCH takes them, with the version the form was opened at: a save over a
 * newer version is refused (409) and the form offers to reload what is saved now.
 */
function ProjectEditForm({ project, onReload }: { project: ProjectDto; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateProject();
  const [state, setState] = useState(() => initialProjectState(project, []));
  const set = <K extends keyof ProjectFormState>(key: K, value: ProjectFormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));
  const problem = update.error instanceof ApiError ? update.error : null;
  const error = (field: string) => problem?.fieldError(field);
  const fields = { state, set, error };
  const submit = () =>
    update.mutate(
      { id: project.id, body: { ...projectBodyOf(state), version: project.version } },
      { onSuccess: () => navigate({ to: `/projets/${project.id}` }) },
    );
  return (
    <FormFrame
      onSubmit={submit}
      error={update.error}
      errorsTitle={t('projectForm.errorsTitle')}
      conflictTitle={t('projectForm.conflictTitle')}
      reload={
        <Button variant="default" onClick={onReload}>
          {t('projectForm.reload')}
        </Button>
      }
      submitLabel={t('common.save')}
      pending={update.isPending}
      cancelTo={`/projets/${project.id}`}
    >
      <NeedFieldset {...fields} />
      <ProjectFieldsets
        {...fields}
        holder={t('projectForm.holder', { name: project.holderOrganisation.name })}
        actualDates={project.actualDates}
      />
    </FormFrame>
  );
}

export function ProjectEditPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useProject(id);
  // The form edits the project as it was opened; after a 409 the user chooses to reload.
  const { opened: project, reload } = useOpened(query, id);
  if (!project)
    return query.error ? (
      <LoadFailure error={query.error} missing="project" />
    ) : (
      <PageHeader title={t('common.loading')} />
    );
  // The abilities the API sends with the project decide: one the reader may not edit opens no form.
  if (!project.can.update)
    return (
      <MayNotEdit
        title={t('projectForm.mayNotEditTitle', { title: project.title })}
        reason={t('projectForm.mayNotEdit')}
        back={`/projets/${project.id}`}
      />
    );
  return (
    <>
      <PageHeader title={t('projectForm.editTitle', { title: project.title })} />
      {/* The version reloaded after a 409 opens a new form with what is saved now. */}
      <ProjectEditForm key={project.version} project={project} onReload={() => void reload()} />
    </>
  );
}
