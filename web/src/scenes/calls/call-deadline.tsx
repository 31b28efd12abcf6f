import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CALL_STATE_LABELS, type CallState } from '../../../../common/calls/vocabulary.ts';
import { formatDay } from '../../components/dates.ts';
import { useLabel, useLanguage } from '../../i18n/index.ts';

const HOUR = 3_600_000;

/** Time left before an instant, in days (or hours on the last day). */
export function useTimeLeft() {
  const { t } = useTranslation();
  return (closesAt: string, now = Date.now()) => {
    const left = new Date(closesAt).getTime() - now;
    if (left >= 24 * HOUR) return t('calls.days', { count: Math.floor(left / (24 * HOUR)) });
    if (left >= HOUR) return t('calls.hours', { count: Math.floor(left / HOUR) });
    return t('calls.lessThanHour');
  };
}

/** The deadline of a call: a countdown while proposals are open, the day they closed afterwards. */
export function CallDeadline({
  call,
}: {
  call: { state: CallState; proposalsUntil: string; closesAt: string };
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const timeLeft = useTimeLeft();
  const date = formatDay(call.proposalsUntil, language) ?? call.proposalsUntil;
  if (call.state === 'published' && new Date(call.closesAt).getTime() > Date.now())
    return (
      <Text size="sm" fw={600}>
        {t('calls.closesIn', { date, left: timeLeft(call.closesAt) })}
      </Text>
    );
  if (call.state === 'draft' || call.state === 'cancelled') return null;
  return (
    <Text size="sm" c="dimmed">
      {t('calls.closedOn', { date })}
    </Text>
  );
}

/** The state of a call: green while it takes proposals, red when cancelled, outlined otherwise (dark text). */
export function CallStateBadge({ state }: { state: CallState }) {
  const label = useLabel();
  const color = state === 'published' ? 'green' : state === 'cancelled' ? 'red' : 'gray';
  return (
    <Badge variant={state === 'published' ? 'light' : 'outline'} color={color} c="gray.9">
      {label(CALL_STATE_LABELS[state])}
    </Badge>
  );
}
