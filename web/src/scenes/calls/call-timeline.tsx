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
  const reached = new Set(call.lifecycles[0]?.reached.map((r) => r.state));
  const published = call.lifecycles[0]?.reached.find((r) => r.state === 'published')?.at.slice(0, 10);
  const steps = [
    { key: 'publicationOn', day: published ?? call.publicationOn, reachedBy: 'published' },
    { key: 'questionsUntil', day: call.questionsUntil, reachedBy: 'closed' },
    { key: 'proposalsUntil', day: call.proposalsUntil, reachedBy: 'closed' },
    { key: 'selectionBy', day: call.selectionBy, reachedBy: 'decided' },
  ] as const;
  const now = Date.now();
  // A step is behind the call when its day is over or the call has gone past it (a deadline moved
  // earlier than the publication, a selection made before its date); the ones before it are too.
  const behind = steps.map(
    (s) => reached.has(s.reachedBy) || Boolean(s.day && endOfParisDay(s.day).getTime() <= now),
  );
  const past = behind.lastIndexOf(true) + 1;
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
