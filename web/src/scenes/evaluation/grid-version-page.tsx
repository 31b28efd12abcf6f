import { Alert, Anchor, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRID_KIND_LABELS } from '../../../../common/evaluation/vocabulary.ts';
import { gridVersionLifecycle } from '../../../../common/lifecycles/evaluation-grid.ts';
import type {
  GridContent,
  GridVersionDto,
  Requirement,
  Section,
} from '../../../../common/schemas/evaluation-grid.ts';
import { ApiError } from '../../api/client.ts';
import {
  useFireGridTransition,
  useGrids,
  useGridVersion,
  useImportDraft,
  useSaveDraft,
} from '../../api/evaluations.ts';
import { LifecyclePanel } from '../../components/lifecycle/lifecycle-panel.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { ErrorAlert, type Notice, PageHeader, StatusMessage } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';
import { GridStateBadge } from './grid-badges.tsx';
import { GridContentView } from './grid-content.tsx';
import { RequirementForm } from './requirement-form.tsx';

type Editing = { section: Section; requirement: Requirement | null };

/** The content with one requirement of a section replaced (or added, or removed). */
function withRequirement(
  content: GridContent,
  sectionCode: string,
  previous: string | null,
  next: Requirement | null,
): GridContent {
  return {
    ...content,
    sections: content.sections.map((section) => {
      if (section.code !== sectionCode) return section;
      const kept = section.requirements.filter((r) => r.code !== previous);
      const index = previous ? section.requirements.findIndex((r) => r.code === previous) : kept.length;
      if (next) kept.splice(index, 0, next);
      return { ...section, requirements: kept };
    }),
  };
}

/** Replaces a draft's content with a spreadsheet's: the server checks every line and names the faulty ones. */
function ImportForm({ version, onDone }: { version: GridVersionDto; onDone: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const importing = useImportDraft();
  const [file, setFile] = useState<File | null>(null);
  const problem = importing.error instanceof ApiError ? importing.error.problem : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    importing.mutate(
      { id: version.id, version: version.version, file },
      { onSuccess: () => onDone({ text: t('grids.imported') }) },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={t('grids.import')}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('grids.import')}
        </Title>
        <FileInput
          label={t('grids.importFile')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={setFile}
          clearable
        />
        {problem ? (
          <Alert color="red" role="alert" title={problem.detail}>
            <Stack gap={2}>
              {(problem.errors ?? []).slice(0, 20).map((e) => (
                <Text key={`${e.field}${e.message}`} size="sm">
                  {e.field} — {e.message}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : null}
        <Button type="submit" w="fit-content" disabled={!file} loading={importing.isPending}>
          {t('grids.importSubmit')}
        </Button>
      </Stack>
    </Paper>
  );
}

export function GridVersionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const query = useGridVersion(id);
  const grids = useGrids();
  const save = useSaveDraft();
  const fire = useFireGridTransition();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const version = query.data;
  if (!version)
    return query.error ? (
      <LoadFailure error={query.error} missing="page" />
    ) : (
      <Text>{t('common.loading')}</Text>
    );
  const title = `${label(GRID_KIND_LABELS[version.kind])} — ${t('grids.version', { number: version.number })}`;
  const previous = grids.data?.items
    .find((grid) => grid.id === version.gridId)
    ?.versions.find((v) => v.number === version.number - 1);
  const saveContent = (content: GridContent, done: Notice) =>
    save.mutate(
      { id: version.id, version: version.version, content },
      {
        onSuccess: () => {
          setEditing(null);
          setNotice(done);
        },
      },
    );
  const problem = save.error instanceof ApiError ? save.error : null;
  // The server names the field of the whole content (content.sections.2.requirements.4.text): the form shows the last part.
  const errorOf = (field: keyof Requirement) =>
    problem?.problem.errors?.find((e) => e.field.endsWith(`.${field}`))?.message;
  return (
    <>
      <Anchor component={Link} to="/grilles" size="sm">
        ← {t('grids.back')}
      </Anchor>
      <PageHeader
        title={title}
        actions={
          <Group gap="xs">
            <Button
              component="a"
              variant="default"
              href={`/api/evaluation-grid-versions/${version.id}/export.xlsx`}
            >
              {t('grids.export')}
            </Button>
            {previous ? (
              <Button
                variant="default"
                renderRoot={(props) => (
                  <Link
                    {...props}
                    to="/grilles/versions/$id/comparer"
                    params={{ id: version.id }}
                    search={{ depuis: previous.id }}
                  />
                )}
              >
                {t('grids.compare', { number: previous.number })}
              </Button>
            ) : null}
          </Group>
        }
      />
      <StatusMessage notice={notice} onClose={() => setNotice(null)} />
      <Stack gap="lg">
        <Group gap="xs">
          <GridStateBadge state={version.state} />
          <Text size="sm">{t('grids.requirements', { count: version.requirementCount })}</Text>
          <Text size="sm">{t('grids.evaluations', { count: version.evaluationCount })}</Text>
        </Group>
        <Text>{version.note ?? t('grids.noNote')}</Text>
        {version.state !== 'draft' ? <Alert color="blue">{t('grids.frozen')}</Alert> : null}
        {version.state === 'draft' ? (
          <Paper withBorder p="md">
            <LifecyclePanel
              lifecycle={gridVersionLifecycle.name}
              view={version.lifecycle}
              transitions={version.transitions}
              version={version.version}
              subject={title}
              fire={(body) => fire.mutateAsync({ id: version.id, body })}
              title={t('grids.lifecycle')}
            />
          </Paper>
        ) : null}
        {problem && !editing ? <ErrorAlert error={problem} /> : null}
        <GridContentView
          content={version.content}
          referentialPages={version.referentialPages}
          {...(version.can.edit
            ? {
                onEdit: (section: Section, requirement: Requirement) => setEditing({ section, requirement }),
                onAdd: (section: Section) => setEditing({ section, requirement: null }),
                onRemove: (section: Section, requirement: Requirement) =>
                  saveContent(withRequirement(version.content, section.code, requirement.code, null), {
                    text: t('grids.removed', { code: requirement.code }),
                  }),
              }
            : {})}
        />
        {version.can.edit ? <ImportForm version={version} onDone={setNotice} /> : null}
      </Stack>
      {editing ? (
        <RequirementForm
          title={
            editing.requirement
              ? t('grids.editRequirement', { code: editing.requirement.code })
              : t('grids.newRequirement', { code: editing.section.code })
          }
          initial={editing.requirement}
          errorOf={errorOf}
          saving={save.isPending}
          onClose={() => {
            setEditing(null);
            save.reset();
          }}
          onSave={(requirement) =>
            saveContent(
              withRequirement(
                version.content,
                editing.section.code,
                editing.requirement?.code ?? null,
                requirement,
              ),
              {
                text: t('grids.saved'),
              },
            )
          }
        />
      ) : null}
    </>
  );
}
