import type { Label } from '../lifecycle.ts';

/** Calls for projects (appels à projets): the words both sides share. */
export const CALL_STATES = [
  'draft',
  'published',
  'closed',
  'underEvaluation',
  'decided',
  'archived',
  'cancelled',
] as const;
export type CallState = (typeof CALL_STATES)[number];

/** Which offices may answer: every office, those of one region, or the offices the call names. */
export const CALL_SCOPES = ['national', 'regional', 'local'] as const;
export type CallScope = (typeof CALL_SCOPES)[number];

export const CALL_SCOPE_LABELS: Record<CallScope, Label> = {
  national: { fr: 'National', en: 'National' },
  regional: { fr: 'Régional', en: 'Regional' },
  local: { fr: 'Local', en: 'Local' },
};

/** The calls still taking proposals or questions come first in the lists. */
export const OPEN_CALL_STATES: readonly CallState[] = ['published'];

/** The time zone of every deadline of a call: a day ends at midnight in Paris. */
export const CALL_TIME_ZONE = 'Europe/Paris';

/** Minutes Paris is ahead of UTC at one instant (60 in winter, 120 in summer). */
function parisOffsetMinutes(at: Date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: CALL_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a day given as AAAA-MM-JJ ends in Paris: the midnight that follows it, Paris time
 * (23:00 UTC in winter, 22:00 UTC in summer). The server closes a call at this instant (SQL does the
 * same with `AT TIME ZONE 'Europe/Paris'`); the web counts down to it.
 */
export function endOfParisDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, date + 1);
  const first = midnightUtc - parisOffsetMinutes(new Date(midnightUtc)) * 60_000;
  // Around a change of offset the first guess may sit on the other side: measure again where it lands.
  return new Date(midnightUtc - parisOffsetMinutes(new Date(first)) * 60_000);
}

/** Today in Paris, AAAA-MM-JJ. */
export function parisToday(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CALL_TIME_ZONE }).format(now);
}

export const CALL_STATE_LABELS: Record<CallState, Label> = {
  draft: { fr: 'Brouillon', en: 'Draft' },
  published: { fr: 'Publié', en: 'Published' },
  closed: { fr: 'Clos aux propositions', en: 'Closed for proposals' },
  underEvaluation: { fr: 'En évaluation', en: 'Under evaluation' },
  decided: { fr: 'Décidé', en: 'Decided' },
  archived: { fr: 'Archivé', en: 'Archived' },
  cancelled: { fr: 'Annulé', en: 'Cancelled' },
};
