import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSONAL_DATA_CATEGORIES } from '../../../../common/catalog/vocabulary.ts';
import type { ApplicationDto } from '../../../../common/schemas/application.ts';
import { useApplication, useSaveApplication } from '../../api/catalogue.ts';
import { ApiError } from '../../api/client.ts';
import { useMe } from '../../api/queries.ts';
import { DomainSelect } from '../../components/domain-select.tsx';
import { FormFrame } from '../../components/form-frame.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { LoadFailure, MayNotEdit } from '../../components/not-found.tsx';
import { OfficesMultiSelect, useOfficeOptions } from '../../components/office-select.tsx';
import { PageHeader } from '../../components/page.tsx';
import { useOpened } from '../../components/use-opened.ts';
import { useLabel } from '../../i18n/index.ts';
import { bodyOf, type FormState, initialState } from './application-form-state.ts';
import { ContactsFieldset } from './contacts-fieldset.tsx';
import { DuplicateHint } from './duplicate-hint.tsx';
import {
  CERTIFICATION_STATUS_LABELS,
  CRITICALITY_LABELS,
  HOSTING_LABELS,
  LIFECYCLE_STAGE_LABELS,
  options,
  PERSONAL_DATA_CATEGORY_LABELS,
  TRACK_LABELS,
} from './labels.ts';
import { VersionsFieldset } from './versions-fieldset.tsx';

function ApplicationForm({ application }: { application?: ApplicationDto }) {
  const { t } = useTranslation();
  const trackLocked = ['inProgress', 'labelled', 'homologated'].includes(
    application?.certificationStatus ?? 'none',
  );
  const label = useLabel();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const save = useSaveApplication();
  const [state, setState] = useState(() => initialState(application, me?.organisation.id ?? null));
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));
  const problem = save.error instanceof ApiError ? save.error : null;
  const error = (field: string) => problem?.fieldError(field);
  const creating = !application;
  const officeOptions = useOfficeOptions();

  const submit = () => {
    const body = bodyOf(state, creating);
    const done = { onSuccess: (saved: ApplicationDto) => navigate({ to: `/catalogue/${saved.id}` }) };
    if (application)
      save.mutate({ id: application.id, body: { ...body, version: application.version } }, done);
    else save.mutate({ body }, done);
  };

  return (
    <FormFrame
      onSubmit={submit}
      error={save.error}
      errorsTitle={t('form.errorsTitle')}
      conflictTitle={t('form.conflictTitle')}
      reload={
        application ? (
          <Button component={Link} variant="default" to={`/catalogue/${application.id}`}>
            {t('form.reload')}
          </Button>
        ) : undefined
      }
      submitLabel={creating ? t('form.create') : t('common.save')}
      pending={save.isPending}
      cancelTo={application ? `/catalogue/${application.id}` : '/catalogue'}
    >
      <Fieldset legend={t('form.identity')}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('sheet.name')}
              required
              value={state.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={error('name')}
              data-autofocus
            />
            <TextInput
              label={t('sheet.code')}
              description={creating ? t('form.codeHelp') : undefined}
              disabled={!creating}
              value={state.code}
              onChange={(e) => set('code', e.currentTarget.value.toUpperCase())}
              error={error('code')}
            />
          </SimpleGrid>
          <Textarea
            label={t('sheet.summary')}
            required
            description={t('form.summaryHelp', { count: state.summary.length })}
            value={state.summary}
            onChange={(e) => set('summary', e.currentTarget.value)}
            error={error('summary')}
            autosize
            minRows={2}
            maxLength={200}
          />
          {creating ? <DuplicateHint name={state.name} summary={state.summary} /> : null}
          <MarkdownField
            mentions
            label={t('sheet.description')}
            value={state.description}
            onChange={(v) => set('description', v)}
            error={error('description')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DomainSelect
              value={state.domainCode}
              onChange={(v) => set('domainCode', v)}
              error={error('domainCode')}
            />
            <Select
              label={t('sheet.designer')}
              required
              data={officeOptions}
              value={state.designerOrganisationId}
              onChange={(v) => set('designerOrganisationId', v)}
              error={error('designerOrganisationId')}
              searchable
            />
          </SimpleGrid>
          <OfficesMultiSelect
            label={t('sheet.contributors')}
            value={state.contributorOrganisationIds}
            onChange={(v) => set('contributorOrganisationIds', v)}
            error={error('contributorOrganisationIds')}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('form.trackAndLife')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Select
            label={t('sheet.track')}
            required
            data={options(label, TRACK_LABELS)}
            value={state.track}
            onChange={(v) => set('track', v)}
            error={error('track')}
            // A certified application keeps its track until its certification is withdrawn.
            disabled={trackLocked}
            description={trackLocked ? t('form.trackLocked') : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          {/* Not a field any more: the certification lifecycle moves it (see the sheet). */}
          <TextInput
            label={t('sheet.certification')}
            description={t('form.certificationHelp')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            variant="filled"
            value={label(CERTIFICATION_STATUS_LABELS[application?.certificationStatus ?? 'none'])}
            error={error('certificationStatus')}
            readOnly
          />
          <Select
            label={t('sheet.lifecycle')}
            required
            data={options(label, LIFECYCLE_STAGE_LABELS)}
            value={state.lifecycleStage}
            onChange={(v) => set('lifecycleStage', v)}
            error={error('lifecycleStage')}
          />
          <Select
            label={t('sheet.maturity')}
            data={['1', '2', '3', '4', '5'].map((v) => ({
              value: v,
              label: t('sheet.maturityValue', { level: v }),
            }))}
            value={state.maturityLevel}
            onChange={(v) => set('maturityLevel', v)}
            error={error('maturityLevel')}
            clearable
          />
          <Select
            label={t('sheet.criticality')}
            data={options(label, CRITICALITY_LABELS)}
            value={state.criticalityClass}
            onChange={(v) => set('criticalityClass', v)}
            error={error('criticalityClass')}
            clearable
          />
          <Select
            label={t('sheet.hosting')}
            required
            data={options(label, HOSTING_LABELS)}
            value={state.hosting}
            onChange={(v) => set('hosting', v)}
            error={error('hosting')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('sheet.technologies')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('sheet.php')}
            value={state.php}
            onChange={(e) => set('php', e.currentTarget.value)}
            error={error('technologies.php')}
          />
          <TextInput
            label={t('form.symfony')}
            value={state.symfony}
            onChange={(e) => set('symfony', e.currentTarget.value)}
            error={error('technologies.symfony')}
          />
          <TextInput
            label={t('form.starterKit')}
            value={state.starterKit}
            onChange={(e) => set('starterKit', e.currentTarget.value)}
            error={error('technologies.starterKit')}
          />
          <TextInput
            label={t('form.psram')}
            value={state.psram}
            onChange={(e) => set('psram', e.currentTarget.value)}
            error={error('technologies.psram')}
          />
          <TextInput
            label={t('form.database')}
            value={state.database}
            onChange={(e) => set('database', e.currentTarget.value)}
            error={error('technologies.database')}
          />
          <TagsInput
            label={t('form.otherTechnologies')}
            description={t('form.tagsHelp')}
            value={state.others}
            onChange={(v) => set('others', v)}
            error={error('technologies.others')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('form.dataAndLinks')}>
        <Stack>
          <Checkbox
            label={t('form.personalData')}
            checked={state.personalData}
            onChange={(e) => set('personalData', e.currentTarget.checked)}
          />
          {state.personalData ? (
            <Checkbox.Group
              label={t('form.personalDataCategories')}
              value={state.personalDataCategories}
              onChange={(v) => set('personalDataCategories', v)}
              error={error('personalDataCategories')}
            >
              <Group mt="xs">
                {PERSONAL_DATA_CATEGORIES.map((c) => (
                  <Checkbox key={c} value={c} label={label(PERSONAL_DATA_CATEGORY_LABELS[c])} />
                ))}
              </Group>
            </Checkbox.Group>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('sheet.cnil')}
              value={state.cnilReference}
              onChange={(e) => set('cnilReference', e.currentTarget.value)}
              error={error('cnilReference')}
            />
            <TagsInput
              label={t('sheet.connectors')}
              description={t('form.tagsHelp')}
              value={state.connectors}
              onChange={(v) => set('connectors', v)}
              error={error('connectors')}
            />
            <TextInput
              label={t('sheet.forge')}
              type="url"
              value={state.forgeUrl}
              onChange={(e) => set('forgeUrl', e.currentTarget.value)}
              error={error('forgeUrl')}
            />
            <TextInput
              label={t('sheet.documentation')}
              type="url"
              value={state.documentationUrl}
              onChange={(e) => set('documentationUrl', e.currentTarget.value)}
              error={error('documentationUrl')}
            />
            <TextInput
              label={t('sheet.licence')}
              value={state.licence}
              onChange={(e) => set('licence', e.currentTarget.value)}
              error={error('licence')}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <ContactsFieldset state={state} set={set} error={error} />
      <VersionsFieldset
        versions={state.versions}
        onChange={(versions) => set('versions', versions)}
        error={error}
      />
    </FormFrame>
  );
}

export function ApplicationCreatePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <>
      <PageHeader title={t('form.createTitle')} intro={t('form.createIntro')} />
      {me ? <ApplicationForm /> : null}
    </>
  );
}

export function ApplicationEditPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useApplication(id);
  // The form edits the sheet as it was opened: another's save meanwhile is a 409, never lost typing.
  const { opened: application } = useOpened(query, id);
  if (!application)
    return query.error ? (
      <LoadFailure error={query.error} missing="application" />
    ) : (
      <PageHeader title={t('common.loading')} />
    );
  // The abilities the API sends with the sheet decide: a sheet the reader may not edit opens no form.
  if (!application.can.update || application.archived)
    return (
      <MayNotEdit
        title={t('form.mayNotEditTitle', { name: application.name })}
        reason={application.archived ? t('form.archivedSheet') : t('form.mayNotEdit')}
        back={`/catalogue/${application.id}`}
      />
    );
  return (
    <>
      <PageHeader title={t('form.editTitle', { name: application.name })} />
      <ApplicationForm key={application.version} application={application} />
    </>
  );
}
