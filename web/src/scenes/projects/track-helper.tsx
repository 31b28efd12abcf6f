import { Alert, Button, Fieldset, Group, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  OBLIGATION_LABELS,
  OBLIGATIONS,
  PROJECT_TRACKS,
  type ProjectTrack,
  recommendTrack,
  TRACK_DEFINITIONS,
  TRACK_QUESTION_LABELS,
  TRACK_QUESTIONS,
  type TrackAnswers,
} from '../../../../common/tracks.ts';
import { FactTable } from '../../components/tables.tsx';
import { useLabel } from '../../i18n/index.ts';

/**
 * The guided choice of a track: four yes/no questions recommend one (common/tracks.ts, the same rules the
 * lifecycle's guards read), the four tracks are offered with their purpose, and the obligations of the
 * chosen one are spelled out before saving.
 */
export function TrackHelper({
  answers,
  onAnswers,
  track,
  onTrack,
  error,
}: {
  answers: TrackAnswers;
  onAnswers: (answers: TrackAnswers) => void;
  track: ProjectTrack | null;
  onTrack: (track: ProjectTrack) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const recommendation = recommendTrack(answers);
  const shown = track ?? recommendation.track;
  return (
    <Fieldset legend={t('projectForm.trackLegend')}>
      <Stack>
        <Text size="sm">{t('projectForm.trackIntro')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {TRACK_QUESTIONS.map((question) => (
            <Radio.Group
              key={question}
              label={label(TRACK_QUESTION_LABELS[question])}
              value={answers[question] === undefined ? '' : String(answers[question])}
              onChange={(value) => onAnswers({ ...answers, [question]: value === 'true' })}
            >
              <Group mt={4}>
                <Radio value="true" label={t('common.yes')} />
                <Radio value="false" label={t('common.no')} />
              </Group>
            </Radio.Group>
          ))}
        </SimpleGrid>
        <div role="status" aria-live="polite">
          {recommendation.track && recommendation.because ? (
            <Alert
              color="blue"
              title={t('projectForm.recommended', {
                track: label(TRACK_DEFINITIONS[recommendation.track].label),
              })}
            >
              <Stack gap="xs">
                <Text size="sm">{label(recommendation.because)}</Text>
                {track !== recommendation.track ? (
                  <Button
                    size="xs"
                    w="fit-content"
                    onClick={() => recommendation.track && onTrack(recommendation.track)}
                  >
                    {t('projectForm.useRecommended')}
                  </Button>
                ) : null}
              </Stack>
            </Alert>
          ) : null}
        </div>
        <Radio.Group
          label={t('projectForm.track')}
          required
          value={track ?? ''}
          onChange={(value) => onTrack(value as ProjectTrack)}
          error={error}
        >
          <Stack gap="xs" mt={4}>
            {PROJECT_TRACKS.map((code) => (
              <Radio
                key={code}
                value={code}
                label={`${label(TRACK_DEFINITIONS[code].label)} (${TRACK_DEFINITIONS[code].reference})`}
                description={label(TRACK_DEFINITIONS[code].purpose)}
              />
            ))}
          </Stack>
        </Radio.Group>
        {shown ? (
          <Stack gap={4}>
            <Title order={3} size="h5">
              {t('projectForm.obligations', { track: label(TRACK_DEFINITIONS[shown].label) })}
            </Title>
            <FactTable
              rows={OBLIGATIONS.map((obligation) => [
                label(OBLIGATION_LABELS[obligation]),
                label(TRACK_DEFINITIONS[shown].obligations[obligation]),
              ])}
            />
          </Stack>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
