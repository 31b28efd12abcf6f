import { Anchor, Button, List, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEWER_LABELS } from '../../../../common/evaluation/vocabulary.ts';
import type { EvaluationDto } from '../../../../common/schemas/evaluation.ts';
import { useEvaluation, useSaveProfile } from '../../api/evaluations.ts';
import { LoadFailure } from '../../components/not-found.tsx';
import { ErrorAlert, type Notice, PageHeader, StatusMessage } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';
import { EvaluationFigures } from './evaluation-figures.tsx';
import { RequirementItem } from './requirement-item.tsx';

/** The criticality profile: one question each, the grid's options; saved at the evaluation's version. */
function ProfileForm({
  evaluation,
  onDone,
}: {
  evaluation: EvaluationDto;
  onDone: (notice: Notice) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveProfile();
  const [profile, setProfile] = useState<Record<string, string>>(evaluation.profile);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: evaluation.id, version: evaluation.version, profile },
      { onSuccess: () => onDone({ text: t('evaluation.profileSaved') }) },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={t('evaluation.profile')}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('evaluation.profile')}
        </Title>
        <Text size="sm">{t('evaluation.profileIntro')}</Text>
        <ErrorAlert error={save.error} />
        {evaluation.profileQuestions.map((question) => (
          <Radio.Group
            key={question.code}
            label={question.question}
            value={profile[question.code] ?? ''}
            onChange={(value) => setProfile((p) => ({ ...p, [question.code]: value }))}
            readOnly={!evaluation.can.answer}
          >
            <Stack gap={4} mt="xs">
              {question.options.map((option) => (
                <Radio
                  key={option.value}
                  value={option.value}
                  label={option.label}
                  disabled={!evaluation.can.answer}
                />
              ))}
            </Stack>
          </Radio.Group>
        ))}
        {evaluation.can.answer ? (
          <Button type="submit" w="fit-content" loading={save.isPending}>
            {t('evaluation.saveProfile')}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The checklist of an evaluation: figures, blocking items, profile, then each section's requirements. */
export function EvaluationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const query = useEvaluation(id);
  const [notice, setNotice] = useState<Notice | null>(null);
  const evaluation = query.data;
  if (!evaluation)
    return query.error ? (
      <LoadFailure error={query.error} missing="page" />
    ) : (
      <Text>{t('common.loading')}</Text>
    );
  const back =
    evaluation.subject.kind === 'project'
      ? { to: `/projets/${evaluation.subject.id}`, text: t('evaluation.backToProject') }
      : { to: `/catalogue/${evaluation.subject.id}`, text: t('evaluation.backToSheet') };
  return (
    <>
      <Anchor component={Link} to={back.to} size="sm">
        ← {back.text}
      </Anchor>
      <PageHeader title={t('evaluation.title', { subject: evaluation.subject.title })} />
      <StatusMessage notice={notice} onClose={() => setNotice(null)} />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <EvaluationFigures evaluation={evaluation} />
          {evaluation.blockingItems.length > 0 ? (
            <>
              <Title order={2} size="h5" mt="md">
                {t('evaluation.blockingList')}
              </Title>
              <List size="sm">
                {evaluation.blockingItems.map((item) => (
                  <List.Item key={item.code}>
                    {item.code} — {t(`evaluation.reasons.${item.reason}`)}
                  </List.Item>
                ))}
              </List>
            </>
          ) : null}
        </Paper>
        <ProfileForm key={evaluation.version} evaluation={evaluation} onDone={setNotice} />
        {evaluation.sections.map((section) => (
          <Stack
            key={section.code}
            gap="sm"
            component="section"
            aria-label={`${section.code} — ${section.title}`}
          >
            <Title order={2} size="h4">
              {section.code} — {section.title}
            </Title>
            <Text size="sm" c="dimmed">
              {t('evaluation.reviewer', { name: label(REVIEWER_LABELS[section.reviewer]) })}
            </Text>
            {section.requirements.map((requirement) => (
              <RequirementItem
                key={requirement.code}
                evaluation={evaluation}
                section={section}
                requirement={requirement}
                onDone={setNotice}
              />
            ))}
          </Stack>
        ))}
      </Stack>
    </>
  );
}
