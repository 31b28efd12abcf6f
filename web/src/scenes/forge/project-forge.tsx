import { ActionIcon, Anchor, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORGE_VISIBILITIES } from '../../../../common/schemas/forge.ts';
import type { ProjectDto } from '../../../../common/schemas/project.ts';
import { ApiError } from '../../api/client.ts';
import { type CreateForgeProjectBody, useCreateForgeProject, useForgeCreation } from '../../api/forge.ts';
import type { Notice } from '../../components/page.tsx';
import { FormDialog, ProjectSection } from '../projects/project-section.tsx';
import { ForgeActivityPanel } from './forge-activity-panel.tsx';

/** A GitLab path from a title: « Gestion des congés » → gestion-des-conges. */
export function forgePathOf(title: string) {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

type Member = CreateForgeProjectBody['members'][number];

function CreateDialog({
  project,
  namespace,
  suggestedMember,
  opened,
  onClose,
  onDone,
}: {
  project: ProjectDto;
  namespace: string;
  suggestedMember: string | null;
  opened: boolean;
  onClose: () => void;
  onDone: (notice: Notice) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateForgeProject(project.id);
  const [name, setName] = useState(project.title.slice(0, 100));
  const [path, setPath] = useState(forgePathOf(project.title));
  const [visibility, setVisibility] = useState<string | null>('internal');
  const [description, setDescription] = useState(project.need.slice(0, 2000));
  const [defaultBranch, setDefaultBranch] = useState('main');
  const [members, setMembers] = useState<Member[]>(
    suggestedMember ? [{ username: suggestedMember, accessLevel: 40 }] : [],
  );
  const problem = create.error instanceof ApiError ? create.error : null;
  const setMember = (index: number, change: Partial<Member>) =>
    setMembers(members.map((m, i) => (i === index ? { ...m, ...change } : m)));
  const submit = () =>
    create.mutate(
      {
        version: project.version,
        name,
        path,
        visibility: visibility as CreateForgeProjectBody['visibility'],
        description,
        defaultBranch,
        members,
      },
      {
        onSuccess: (created) => {
          onDone({
            text:
              t('forge.create.done', { url: created.webUrl }) +
              (created.membersNotFound.length > 0
                ? t('forge.create.notFound', { names: created.membersNotFound.join(', ') })
                : ''),
          });
          onClose();
        },
      },
    );
  const levels = t('forge.create.accessLevels', { returnObjects: true }) as Record<string, string>;
  const visibilities = t('forge.create.visibilities', { returnObjects: true }) as Record<string, string>;
  return (
    <FormDialog
      title={t('forge.create.dialogTitle')}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      pending={create.isPending}
      submitLabel={t('forge.create.submit')}
      problem={problem}
    >
      <Text size="sm">{t('forge.create.group', { namespace })}</Text>
      <TextInput
        label={t('forge.create.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={problem?.fieldError('name')}
        data-autofocus
      />
      <TextInput
        label={t('forge.create.path')}
        description={t('forge.create.pathHelp')}
        required
        value={path}
        onChange={(e) => setPath(e.currentTarget.value)}
        error={problem?.fieldError('path')}
      />
      <Select
        label={t('forge.create.visibility')}
        required
        data={FORGE_VISIBILITIES.map((value) => ({ value, label: visibilities[value] ?? value }))}
        value={visibility}
        onChange={setVisibility}
        error={problem?.fieldError('visibility')}
        allowDeselect={false}
      />
      <Textarea
        label={t('forge.create.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={problem?.fieldError('description')}
        autosize
        minRows={2}
      />
      <TextInput
        label={t('forge.create.defaultBranch')}
        required
        value={defaultBranch}
        onChange={(e) => setDefaultBranch(e.currentTarget.value)}
        error={problem?.fieldError('defaultBranch')}
      />
      <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Text component="legend" fw={500} size="sm">
          {t('forge.create.members')}
        </Text>
        {members.map((member, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no identity of their own.
          <Group key={index} align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label={t('forge.create.member', { n: index + 1 })}
              value={member.username}
              onChange={(e) => setMember(index, { username: e.currentTarget.value })}
              error={problem?.fieldError(`members.${index}.username`)}
              style={{ flex: '1 1 12rem' }}
            />
            <Select
              label={t('forge.create.access', { n: index + 1 })}
              data={Object.entries(levels).map(([value, label]) => ({ value, label }))}
              value={String(member.accessLevel)}
              onChange={(v) => setMember(index, { accessLevel: Number(v) as Member['accessLevel'] })}
              allowDeselect={false}
              style={{ flex: '0 1 10rem' }}
            />
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('forge.create.removeMember', { n: index + 1 })}
              onClick={() => setMembers(members.filter((_, i) => i !== index))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => setMembers([...members, { username: '', accessLevel: 30 }])}
          >
            {t('forge.create.addMember')}
          </Button>
        </Group>
      </Stack>
    </FormDialog>
  );
}

/** The project on the forge: its address or « Créer sur la Forge » from the starter kit, then its activity. */
export function ProjectForge({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const creation = useForgeCreation(project.id);
  const [opened, setOpened] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const offer = creation.data;
  if (!project.forgeUrl && !offer?.allowed) return null;
  return (
    <>
      <ProjectSection
        title={t('forge.create.title')}
        notice={notice}
        onNotice={setNotice}
        action={
          offer?.allowed && offer.configured && offer.namespace ? (
            <Button onClick={() => setOpened(true)}>{t('forge.create.button')}</Button>
          ) : null
        }
      >
        {project.forgeUrl ? (
          <Text>
            {t('forge.create.linked')} <Anchor href={project.forgeUrl}>{project.forgeUrl}</Anchor>
          </Text>
        ) : (
          <Text>{offer?.configured ? t('forge.create.intro') : t('forge.create.notConfigured')}</Text>
        )}
        {offer?.allowed && offer.configured && offer.namespace ? (
          <CreateDialog
            project={project}
            namespace={offer.namespace}
            suggestedMember={offer.suggestedMember}
            opened={opened}
            onClose={() => setOpened(false)}
            onDone={setNotice}
          />
        ) : null}
      </ProjectSection>
      {project.forgeUrl ? <ForgeActivityPanel subject={{ kind: 'project', id: project.id }} /> : null}
    </>
  );
}
