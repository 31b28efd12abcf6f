import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVE_PHASES, PROJECT_PHASE_LABELS } from '../../../../common/projects.ts';
import { type ProjectTrack, TRACK_DEFINITIONS, type TrackAnswers } from '../../../../common/tracks.ts';
import { useBusinessDomains } from '../../api/catalogue.ts';
import { ApiError } from '../../api/client.ts';
import { type ProjectDraft, useCreateProject, useDirectorates } from '../../api/projects.ts';
import { useAllOrganisations, useMe } from '../../api/queries.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { PageHeader } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';
import { SimilarItems } from './similar-items.tsx';
import { TrackHelper } from './track-helper.tsx';
import { TransitionalFields } from './transitional-fields.tsx';
import { useSimilar } from './use-similar.ts';

type Dates = Record<string, { start: string; end: string }>;

function ProjectForm() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const domains = useBusinessDomains();
  const organisations = useAllOrganisations();
  const directorates = useDirectorates();
  const create = useCreateProject();
  const [title, setTitle] = useState('');
  const [need, setNeed] = useState('');
  const [description, setDescription] = useState('');
  const [domainCode, setDomainCode] = useState<string | null>(null);
  const [answers, setAnswers] = useState<TrackAnswers>({});
  const [track, setTrack] = useState<ProjectTrack | null>(null);
  const [developers, setDevelopers] = useState<string[]>(
    me?.roles.includes('developer') ? [me.organisation.id] : [],
  );
  const [pilots, setPilots] = useState<string[]>([]);
  const [forgeUrl, setForgeUrl] = useState('');
  const [owningDirectorateId, setOwningDirectorateId] = useState<string | null>(null);
  const [amStore, setAmStore] = useState(false);
  const [transitional, setTransitional] = useState(false);
  const [transitionalApplicationId, setTransitionalApplicationId] = useState<string | null>(null);
  const [dates, setDates] = useState<Dates>({});
  const [confirmed, setConfirmed] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(false);
  const [typed] = useDebouncedValue({ title, need }, 400);
  const similar = useSimilar(typed.title, typed.need);
  const problem = create.error instanceof ApiError ? create.error : null;
  const error = (field: string) => problem?.fieldError(field);
  const rules = track ? TRACK_DEFINITIONS[track].rules : null;
  const officeOptions = (organisations.data ?? []).map((o) => ({
    value: o.id,
    label: `${o.name} (${o.code})`,
  }));
  const setDate = (phase: string, end: 'start' | 'end', value: string) =>
    setDates((d) => ({ ...d, [phase]: { start: '', end: '', ...d[phase], [end]: value } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (similar.items.length > 0 && !confirmed) {
      setUnconfirmed(true);
      document.getElementById('similar-confirm')?.querySelector('input')?.focus();
      return;
    }
    const plannedDates = Object.fromEntries(
      Object.entries(dates)
        .filter(([, d]) => d.start || d.end)
        .map(([phase, d]) => [phase, { start: d.start || null, end: d.end || null }]),
    );
    const body: ProjectDraft = {
      title,
      need,
      description,
      domainCode,
      track,
      developerOrganisationIds: developers,
      pilotOrganisationIds: pilots,
      forgeUrl: forgeUrl || null,
      owningDirectorateId: track === 'nationalParticipation' ? owningDirectorateId : null,
      amStore: rules?.mayUseAmCloudStore ? amStore : false,
      transitionalProcedure: Boolean(rules?.transitionalProcedure) && transitional,
      transitionalApplicationId:
        rules?.transitionalProcedure && transitional ? transitionalApplicationId : null,
      plannedDates,
      // What the declarant was shown and confirmed this is not a duplicate of: recorded on the project.
      ...(similar.items.length > 0
        ? {
            notDuplicateOf: similar.items.map((item) => ({
              kind: item.kind,
              id: item.id,
              title: item.title.slice(0, 200),
              score: item.score,
            })),
          }
        : {}),
    };
    create.mutate(body, { onSuccess: (saved) => navigate({ to: `/projets/${saved.id}` }) });
  };

  return (
    <form onSubmit={submit} noValidate aria-describedby="form-required">
      <Stack gap="lg" maw={960}>
        <Text id="form-required" size="sm" c="dimmed">
          {t('form.requiredHelp')}
        </Text>
        {problem ? (
          <ErrorSummary
            title={t('projectForm.errorsTitle')}
            detail={
              problem.problem.errors
                ? t('form.errorsHelp', { count: problem.problem.errors.length })
                : problem.problem.detail
            }
            errors={problem.problem.errors ?? []}
          />
        ) : null}
        <Fieldset legend={t('projectForm.needLegend')}>
          <Stack>
            <TextInput
              label={t('projectForm.title')}
              description={t('projectForm.titleHelp')}
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={error('title')}
              data-autofocus
            />
            <Textarea
              label={t('projectForm.need')}
              description={t('projectForm.needHelp')}
              required
              value={need}
              onChange={(e) => setNeed(e.currentTarget.value)}
              error={error('need')}
              autosize
              minRows={3}
            />
            <div id="similar-confirm">
              <SimilarItems
                items={similar.items}
                confirmed={confirmed}
                onConfirm={(value) => {
                  setConfirmed(value);
                  if (value) setUnconfirmed(false);
                }}
                error={unconfirmed ? t('projectForm.confirmFirst') : undefined}
              />
            </div>
            <Textarea
              label={t('projectForm.description')}
              description={t('form.descriptionHelp')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={error('description')}
              autosize
              minRows={4}
            />
            <Select
              label={t('sheet.domain')}
              required
              searchable
              data={(domains.data ?? []).map((d) => ({
                value: d.code,
                label: label({ fr: d.labelFr, en: d.labelEn }),
              }))}
              value={domainCode}
              onChange={setDomainCode}
              error={error('domainCode')}
            />
          </Stack>
        </Fieldset>
        <TrackHelper
          answers={answers}
          onAnswers={setAnswers}
          track={track}
          onTrack={setTrack}
          error={error('track')}
        />
        <Fieldset legend={t('projectForm.officesLegend')}>
          <Stack>
            <Text size="sm">{t('projectForm.holderIs', { name: me?.organisation.name ?? '' })}</Text>
            <MultiSelect
              label={t('project.developers')}
              description={t('projectForm.developersHelp')}
              data={officeOptions}
              value={developers}
              onChange={setDevelopers}
              error={error('developerOrganisationIds')}
              searchable
              clearable
            />
            <MultiSelect
              label={t('project.pilots')}
              data={officeOptions}
              value={pilots}
              onChange={setPilots}
              error={error('pilotOrganisationIds')}
              searchable
              clearable
            />
            {track === 'nationalParticipation' ? (
              <Select
                label={t('project.owningDirectorate')}
                description={t('projectForm.owningDirectorateHelp')}
                required
                searchable
                data={(directorates.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                value={owningDirectorateId}
                onChange={setOwningDirectorateId}
                error={error('owningDirectorateId')}
              />
            ) : null}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('projectForm.workLegend')}>
          <Stack>
            <TextInput
              label={t('project.forge')}
              description={
                rules?.forgeLinkRequired ? t('projectForm.forgeRequired') : t('projectForm.forgeHelp')
              }
              type="url"
              value={forgeUrl}
              onChange={(e) => setForgeUrl(e.currentTarget.value)}
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
              checked={amStore && Boolean(rules?.mayUseAmCloudStore)}
              onChange={(e) => setAmStore(e.currentTarget.checked)}
              error={error('amStore')}
            />
            {rules?.transitionalProcedure ? (
              <TransitionalFields
                checked={transitional}
                onChecked={setTransitional}
                applicationId={transitionalApplicationId}
                onApplication={setTransitionalApplicationId}
                error={error}
              />
            ) : null}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('projectForm.datesLegend')}>
          <Stack gap="xs">
            <Text size="sm">{t('projectForm.datesHelp')}</Text>
            {ACTIVE_PHASES.map((phase) => (
              <SimpleGrid key={phase} cols={{ base: 1, sm: 2 }}>
                <TextInput
                  type="date"
                  label={t('projectForm.phaseStart', { phase: label(PROJECT_PHASE_LABELS[phase]) })}
                  value={dates[phase]?.start ?? ''}
                  onChange={(e) => setDate(phase, 'start', e.currentTarget.value)}
                  error={error(`plannedDates.${phase}.start`)}
                />
                <TextInput
                  type="date"
                  label={t('projectForm.phaseEnd', { phase: label(PROJECT_PHASE_LABELS[phase]) })}
                  value={dates[phase]?.end ?? ''}
                  onChange={(e) => setDate(phase, 'end', e.currentTarget.value)}
                  error={error(`plannedDates.${phase}.end`)}
                />
              </SimpleGrid>
            ))}
            {error('plannedDates') ? (
              <Alert color="red" role="alert">
                {error('plannedDates')}
              </Alert>
            ) : null}
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('projectForm.submit')}
          </Button>
          <Button component={Link} to="/projets" variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ProjectCreatePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <>
      <PageHeader title={t('projectForm.createTitle')} intro={t('projectForm.createIntro')} />
      {me ? <ProjectForm /> : null}
    </>
  );
}
