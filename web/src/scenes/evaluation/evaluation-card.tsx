import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvaluationOf, useStartEvaluation } from '../../api/evaluations.ts';
import { ErrorAlert } from '../../components/page.tsx';
import { EvaluationFigures } from './evaluation-figures.tsx';

/**
 * The evaluation of a project or a catalogue sheet, on its page: where it stands and the way to it, or —
 * for those who may — the button that starts it. Shown only on the tracks that have a grid.
 */
export function EvaluationCard({
  subject,
  mayStart,
}: {
  subject: { projectId: string } | { applicationId: string };
  mayStart: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const navigate = useNavigate();
  const query = useEvaluationOf(subject);
  const start = useStartEvaluation();
  const evaluation = query.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('evaluation.sectionTitle')}
        </Title>
        <ErrorAlert error={query.error ?? start.error} />
        {evaluation ? (
          <>
            <EvaluationFigures evaluation={evaluation} />
            <Button component={Link} to={`/evaluations/${evaluation.id}`} w="fit-content">
              {t('evaluation.open')}
            </Button>
          </>
        ) : query.isSuccess ? (
          <>
            <Text>{t('evaluation.none')}</Text>
            {mayStart ? (
              <Button
                w="fit-content"
                loading={start.isPending}
                onClick={() =>
                  start.mutate(subject, {
                    onSuccess: (started) => navigate({ to: `/evaluations/${started.id}` }),
                  })
                }
              >
                {t('evaluation.start')}
              </Button>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
