import { Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { endOfParisDay } from '../../../../common/calls/vocabulary.ts';
import type { CallDto } from '../../../../common/schemas/calls.ts';
import { formatDay } from '../../components/dates.ts';
import { useLanguage } from '../../i18n/index.ts';

/** The call's timeline drawn: publication, questions, proposals, selection; the days past are filled in. */
export function CallTimeline({ call }: { call: CallDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const published = call.lifecycles[0]?.reached.find((r) => r.state === 'published')?.at.slice(0, 10);
  const steps = [
    { key: 'publicationOn', day: published ?? call.publicationOn },
    { key: 'questionsUntil', day: call.questionsUntil },
    { key: 'proposalsUntil', day: call.proposalsUntil },
    { key: 'selectionBy', day: call.selectionBy },
  ] as const;
  const now = Date.now();
  const past = steps.filter((s) => s.day && endOfParisDay(s.day).getTime() <= now).length;
  return (
    <section aria-labelledby="call-timeline">
      <Title order={2} size="h4" id="call-timeline" mb="sm">
        {t('calls.timeline')}
      </Title>
      <Timeline active={past - 1} bulletSize={20} lineWidth={2} color="blue.8">
        {steps.map((step, index) => (
          <Timeline.Item
            key={step.key}
            title={t(`calls.${step.key}`)}
            bullet={index < past ? <span aria-hidden="true">✓</span> : undefined}
            aria-current={index === past ? 'step' : undefined}
          >
            <Text size="sm">{step.day ? formatDay(step.day, language) : '—'}</Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </section>
  );
}
