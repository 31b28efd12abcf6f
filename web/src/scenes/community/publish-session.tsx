import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TRAINING_MODE_LABELS,
  TRAINING_MODES,
  type TrainingMode,
} from '../../../../common/community/training.ts';
import { REGION_LABELS } from '../../../../common/organisations.ts';
import type { CreateSessionInput } from '../../../../common/schemas/training.ts';
import { ApiError } from '../../api/client.ts';
import { useCoverage, usePublishSession } from '../../api/community.ts';
import { useMe } from '../../api/queries.ts';
import { ErrorAlert } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';

const fieldError = (error: unknown, field: string) =>
  error instanceof ApiError ? error.fieldError(field) : undefined;

/** A referent publishes a three-day session for a region its office is referent of. */
export function PublishSession() {
  const { t } = useTranslation();
  const label = useLabel();
  const me = useMe().data;
  const coverage = useCoverage();
  const publish = usePublishSession();
  const navigate = useNavigate();
  const regions = (coverage.data?.regions ?? []).filter((r) =>
    r.referents.some((referent) => referent.office.id === me?.organisation.id),
  );
  const [region, setRegion] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<TrainingMode>('onSite');
  const [place, setPlace] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [capacity, setCapacity] = useState<number | string>(12);
  const chosen = region ?? (regions.length === 1 ? (regions[0]?.region ?? null) : null);
  const send = (event: FormEvent) => {
    event.preventDefault();
    publish.mutate(
      {
        region: chosen as CreateSessionInput['region'],
        title,
        mode,
        place: place || null,
        startsOn,
        capacity: Number(capacity),
      },
      { onSuccess: (session) => navigate({ to: `/communaute/formations/${session.id}` }) },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={send} noValidate aria-labelledby="publish-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="publish-title">
          {t('community.training.publish.title')}
        </Title>
        <ErrorAlert error={publish.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('community.training.region')}
            data={regions.map((r) => ({ value: r.region, label: REGION_LABELS[r.region] }))}
            value={chosen}
            onChange={setRegion}
            required
            error={fieldError(publish.error, 'region')}
          />
          <TextInput
            label={t('community.training.publish.sessionTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            error={fieldError(publish.error, 'title')}
          />
          <Select
            label={t('community.training.mode')}
            data={TRAINING_MODES.map((m) => ({ value: m, label: label(TRAINING_MODE_LABELS[m]) }))}
            value={mode}
            onChange={(value) => setMode((value as TrainingMode) ?? mode)}
            allowDeselect={false}
          />
          <TextInput
            label={t('community.training.place')}
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            error={fieldError(publish.error, 'place')}
          />
          <TextInput
            type="date"
            label={t('community.training.publish.startsOn')}
            description={t('community.training.publish.threeDays')}
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
            required
            error={fieldError(publish.error, 'startsOn')}
          />
          <NumberInput
            label={t('community.training.publish.capacity')}
            value={capacity}
            onChange={setCapacity}
            min={1}
            max={100}
            required
            error={fieldError(publish.error, 'capacity')}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={publish.isPending}>
            {t('community.training.publish.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
