import {
  Alert,
  Checkbox,
  Fieldset,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVE_PHASES, PROJECT_PHASE_LABELS } from '../../../../common/projects.ts';
import type { ProjectDto } from '../../../../common/schemas/project.ts';
import { TRACK_DEFINITIONS, type TrackAnswers } from '../../../../common/tracks.ts';
import { useDirectorates } from '../../api/projects.ts';
import { formatDay } from '../../components/dates.ts';
import { DomainSelect } from '../../components/domain-select.tsx';
import { EditableRows } from '../../components/editable-rows.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { OfficesMultiSelect } from '../../components/office-select.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import type { ContactRow, ProjectFormState } from './project-form-state.ts';
import { TrackHelper } from './track-helper.tsx';
import { TransitionalFields } from './transitional-fields.tsx';

/** The fieldsets of a project that the declaration and the edit page share. */

export interface FieldsProps {
  state: ProjectFormState;
  set: <K extends keyof ProjectFormState>(key: K, value: ProjectFormState[K]) => void;
  error: (field: string) => string | undefined;
}

/** Title, need, description and domain; `similar` goes between the need and the description. */
export function NeedFieldset({ state, set, error, similar }: FieldsProps & { similar?: ReactNode }) {
  const { t } = useTranslation();
  const _label = useLabel();
  return (
    <Fieldset legend={t('projectForm.needLegend')}>
      <Stack>
        <TextInput
          label={t('projectForm.title')}
          description={t('projectForm.titleHelp')}
          required
          value={state.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={error('title')}
          data-autofocus
        />
        <Textarea
          label={t('projectForm.need')}
          description={t('projectForm.needHelp')}
          required
          value={state.need}
          onChange={(e) => set('need', e.currentTarget.value)}
          error={error('need')}
          autosize
          minRows={3}
        />
        {similar}
        <MarkdownField
          label={t('projectForm.description')}
          value={state.description}
          onChange={(v) => set('description', v)}
          error={error('description')}
          mentions
        />
        <DomainSelect
          value={state.domainCode}
          onChange={(v) => set('domainCode', v)}
          error={error('domainCode')}
        />
      </Stack>
    </Fieldset>
  );
}

export function OfficesFieldset({ state, set, error, holder }: FieldsProps & { holder: string }) {
  const { t } = useTranslation();
  const directorates = useDirectorates();
  return (
    <Fieldset legend={t('projectForm.officesLegend')}>
      <Stack>
        <Text size="sm">{holder}</Text>
        <OfficesMultiSelect
          label={t('project.developers')}
          description={t('projectForm.developersHelp')}
          value={state.developers}
          onChange={(v) => set('developers', v)}
          error={error('developerOrganisationIds')}
        />
        <OfficesMultiSelect
          label={t('project.pilots')}
          value={state.pilots}
          onChange={(v) => set('pilots', v)}
          error={error('pilotOrganisationIds')}
        />
        {state.track === 'nationalParticipation' ? (
          <Select
            label={t('project.owningDirectorate')}
            description={t('projectForm.owningDirectorateHelp')}
            required
            searchable
            data={(directorates.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            value={state.owningDirectorateId}
            onChange={(v) => set('owningDirectorateId', v)}
            error={error('owningDirectorateId')}
          />
        ) : null}
      </Stack>
    </Fieldset>
  );
}

/**
 * What follows the need in both forms: the track (with its guide), the offices, the work, the dates
 * (the actual ones shown once the project has any) and the contacts.
 */
export function ProjectFieldsets({
  holder,
  actualDates,
  ...fields
}: FieldsProps & { holder: string; actualDates?: ProjectDto['actualDates'] }) {
  const [answers, setAnswers] = useState<TrackAnswers>({});
  return (
    <>
      <TrackHelper
        answers={answers}
        onAnswers={setAnswers}
        track={fields.state.track}
        onTrack={(v) => fields.set('track', v)}
        error={fields.error('track')}
      />
      <OfficesFieldset {...fields} holder={holder} />
      <WorkFieldset {...fields} />
      <DatesFieldset {...fields} actualDates={actualDates} />
      <ContactsFieldset {...fields} />
    </>
  );
}

/** The forge link, AM Cloud and the Store, the transitional procedure — as the track allows them. */
export function WorkFieldset({ state, set, error }: FieldsProps) {
  const { t } = useTranslation();
  const rules = state.track ? TRACK_DEFINITIONS[state.track].rules : null;
  return (
    <Fieldset legend={t('projectForm.workLegend')}>
      <Stack>
        <TextInput
          label={t('project.forge')}
          description={rules?.forgeLinkRequired ? t('projectForm.forgeRequired') : t('projectForm.forgeHelp')}
          type="url"
          value={state.forgeUrl}
          onChange={(e) => set('forgeUrl', e.currentTarget.value)}
          error={error('forgeUrl')}
        />
        <Checkbox
          label={t('projectForm.amStore')}
          description={
            !rules
              ? t('projectForm.amStoreChooseTrack')
              : rules.mayUseAmCloudStore
                ? undefined
                : t('projectForm.amStoreNotAllowed')
          }
          disabled={!rules?.mayUseAmCloudStore}
          checked={state.amStore && Boolean(rules?.mayUseAmCloudStore)}
          onChange={(e) => set('amStore', e.currentTarget.checked)}
          error={error('amStore')}
        />
        {rules?.transitionalProcedure ? (
          <TransitionalFields
            checked={state.transitional}
            onChecked={(v) => set('transitional', v)}
            applicationId={state.transitionalApplicationId}
            onApplication={(v) => set('transitionalApplicationId', v)}
            error={error}
          />
        ) : null}
      </Stack>
    </Fieldset>
  );
}

/** Planned dates per phase; the actual ones, noted by the lifecycle at each step, are shown beside them. */
export function DatesFieldset({
  state,
  set,
  error,
  actualDates,
}: FieldsProps & { actualDates?: ProjectDto['actualDates'] }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const setDate = (phase: string, end: 'start' | 'end', value: string) =>
    set('dates', { ...state.dates, [phase]: { start: '', end: '', ...state.dates[phase], [end]: value } });
  return (
    <Fieldset legend={t('projectForm.datesLegend')}>
      <Stack gap="xs">
        <Text size="sm">{t('projectForm.datesHelp')}</Text>
        {ACTIVE_PHASES.map((phase) => {
          const actual = actualDates?.[phase];
          const start = formatDay(actual?.start ?? null, language);
          const end = formatDay(actual?.end ?? null, language);
          return (
            <Stack key={phase} gap={4}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  type="date"
                  label={t('projectForm.phaseStart', { phase: label(PROJECT_PHASE_LABELS[phase]) })}
                  value={state.dates[phase]?.start ?? ''}
                  onChange={(e) => setDate(phase, 'start', e.currentTarget.value)}
                  error={error(`plannedDates.${phase}.start`)}
                />
                <TextInput
                  type="date"
                  label={t('projectForm.phaseEnd', { phase: label(PROJECT_PHASE_LABELS[phase]) })}
                  value={state.dates[phase]?.end ?? ''}
                  onChange={(e) => setDate(phase, 'end', e.currentTarget.value)}
                  error={error(`plannedDates.${phase}.end`)}
                />
              </SimpleGrid>
              {start || end ? (
                <Text size="sm" c="dimmed">
                  {t('projectForm.actual', { start: start ?? '…', end: end ?? '…' })}
                </Text>
              ) : null}
            </Stack>
          );
        })}
        {error('plannedDates') ? (
          <Alert color="red" role="alert">
            {error('plannedDates')}
          </Alert>
        ) : null}
      </Stack>
    </Fieldset>
  );
}

export function ContactsFieldset({ state, set, error }: FieldsProps) {
  const { t } = useTranslation();
  const input = (row: ContactRow, index: number, field: 'name' | 'role' | 'email' | 'phone') => ({
    label: t(`projectForm.contact.${field}`),
    value: row[field],
    error: error(`contacts.${index}.${field}`),
  });
  return (
    <EditableRows
      legend={t('project.contacts')}
      rows={state.contacts}
      onChange={(rows) => set('contacts', rows)}
      listError={error('contacts')}
      removeLabel={(row, index) => t('projectForm.contact.remove', { name: row.name || index + 1 })}
      addLabel={t('projectForm.contact.add')}
      newRow={() => ({ name: '', role: '', email: '', phone: '' })}
      renderRow={(row, index, change) => (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} style={{ flex: 1 }}>
          <TextInput
            {...input(row, index, 'name')}
            required
            onChange={(e) => change({ name: e.currentTarget.value })}
          />
          <TextInput
            {...input(row, index, 'role')}
            onChange={(e) => change({ role: e.currentTarget.value })}
          />
          <TextInput
            {...input(row, index, 'email')}
            type="email"
            onChange={(e) => change({ email: e.currentTarget.value })}
          />
          <TextInput
            {...input(row, index, 'phone')}
            type="tel"
            autoComplete="off"
            onChange={(e) => change({ phone: e.currentTarget.value })}
          />
        </SimpleGrid>
      )}
    />
  );
}
