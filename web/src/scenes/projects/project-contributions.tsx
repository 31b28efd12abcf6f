import { Button, NumberInput, Select, SimpleGrid, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectDto } from '../../../../common/schemas/project.ts';
import { ApiError } from '../../api/client.ts';
import { type ContributionDraft, useRecordContribution } from '../../api/projects.ts';
import { useAllOrganisations, useMe } from '../../api/queries.ts';
import { formatDay } from '../../components/dates.ts';
import type { Notice } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLanguage } from '../../i18n/index.ts';
import { FormDialog, type ProjectDialogProps, ProjectSection } from './project-section.tsx';

const EMPTY: ContributionDraft = {
  personName: '',
  organisationId: null,
  sharePercent: null,
  startsOn: '',
  endsOn: null,
  role: '',
};

function ContributionDialog({ project, opened, onClose, onDone }: ProjectDialogProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const organisations = useAllOrganisations();
  const record = useRecordContribution();
  const [draft, setDraft] = useState<ContributionDraft>({
    ...EMPTY,
    organisationId: me?.organisation.id ?? null,
  });
  const set = <K extends keyof ContributionDraft>(key: K, value: ContributionDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const problem = record.error instanceof ApiError ? record.error : null;
  const submit = () =>
    record.mutate(
      { id: project.id, body: draft },
      {
        onSuccess: () => {
          onDone({ text: t('contributions.recorded', { name: draft.personName }) });
          setDraft({ ...EMPTY, organisationId: me?.organisation.id ?? null });
          onClose();
        },
      },
    );
  return (
    <FormDialog
      title={t('contributions.add')}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      pending={record.isPending}
      submitLabel={t('common.save')}
      problem={problem}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('contributions.person')}
          required
          value={draft.personName}
          onChange={(e) => set('personName', e.currentTarget.value)}
          error={problem?.fieldError('personName')}
          data-autofocus
        />
        <TextInput
          label={t('contributions.role')}
          required
          value={draft.role}
          onChange={(e) => set('role', e.currentTarget.value)}
          error={problem?.fieldError('role')}
        />
      </SimpleGrid>
      <Select
        label={t('contributions.office')}
        required
        searchable
        data={(organisations.data ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))}
        value={draft.organisationId}
        onChange={(v) => set('organisationId', v)}
        error={problem?.fieldError('organisationId')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput
          label={t('contributions.share')}
          required
          min={1}
          max={100}
          allowDecimal={false}
          suffix=" %"
          value={draft.sharePercent ?? ''}
          onChange={(v) => set('sharePercent', v === '' ? null : Number(v))}
          error={problem?.fieldError('sharePercent')}
        />
        <TextInput
          type="date"
          label={t('contributions.from')}
          required
          value={draft.startsOn}
          onChange={(e) => set('startsOn', e.currentTarget.value)}
          error={problem?.fieldError('startsOn')}
        />
        <TextInput
          type="date"
          label={t('contributions.to')}
          value={draft.endsOn ?? ''}
          onChange={(e) => set('endsOn', e.currentTarget.value || null)}
          error={problem?.fieldError('endsOn')}
        />
      </SimpleGrid>
    </FormDialog>
  );
}

/** National participation (§2.3): the local staff who join the national development, and their share. */
export function Contributions({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <ProjectSection
      title={t('contributions.title')}
      notice={notice}
      onNotice={setNotice}
      action={
        project.can.recordContributions ? (
          <Button variant="light" onClick={() => setAdding(true)}>
            {t('contributions.add')}
          </Button>
        ) : null
      }
    >
      <ListTable
        caption={t('contributions.caption')}
        columns={[
          t('contributions.person'),
          t('contributions.office'),
          t('contributions.share'),
          t('contributions.period'),
          t('contributions.role'),
        ]}
        minWidth={640}
        isEmpty={project.contributions.length === 0}
        stacked
      >
        {project.contributions.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td data-label={t('contributions.person')}>{c.personName}</Table.Td>
            <Table.Td data-label={t('contributions.office')}>{c.organisation.name}</Table.Td>
            <Table.Td data-label={t('contributions.share')}>{c.sharePercent} %</Table.Td>
            <Table.Td data-label={t('contributions.period')}>
              {formatDay(c.startsOn, language)} →{' '}
              {c.endsOn ? formatDay(c.endsOn, language) : t('contributions.ongoing')}
            </Table.Td>
            <Table.Td data-label={t('contributions.role')}>{c.role}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <ContributionDialog
        project={project}
        opened={adding}
        onClose={() => setAdding(false)}
        onDone={setNotice}
      />
    </ProjectSection>
  );
}
