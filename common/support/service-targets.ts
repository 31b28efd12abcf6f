/**
 * Service targets of support (letter §3.2.1.2): each level gives its first answer within two working days.
 * A working day is a weekday that is not a French public holiday (Code du travail, art. L3133-1: the
 * eight fixed days, Easter Monday, Ascension Thursday and Whit Monday; the two extra days of
 * Alsace-Moselle are not counted, as the network's calendar is national). Days are the days of Paris:
 * a ticket opened on a day is due at the end of the second working day after it — opened on Friday
 * 26 March 2027, before Easter Monday, it is due at the end of Wednesday 31 March.
 */

/** Working days a level has for its first answer. */
export const FIRST_ANSWER_WORKING_DAYS = 2;

/** A calendar day as `YYYY-MM-DD`. */
export type IsoDay = string;

const TIME_ZONE = 'Europe/Paris';
const DAY_MS = 86_400_000;

const isoDay = (utcMidnight: number): IsoDay => new Date(utcMidnight).toISOString().slice(0, 10);
const utcMidnightOf = (day: IsoDay) => Date.parse(`${day}T00:00:00Z`);

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDay(Date.UTC(year, month - 1, day));
}

const holidayCache = new Map<number, ReadonlySet<IsoDay>>();

/** The French public holidays of a year, in calendar order. */
export function frenchPublicHolidays(year: number): IsoDay[] {
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map(
    (monthDay) => `${year}-${monthDay}`,
  );
  const easter = utcMidnightOf(easterSunday(year));
  // Easter Monday, Ascension Thursday (39 days after Easter), Whit Monday (50 days after).
  const movable = [1, 39, 50].map((days) => isoDay(easter + days * DAY_MS));
  return [...fixed, ...movable].sort();
}

function holidaysOf(year: number): ReadonlySet<IsoDay> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(frenchPublicHolidays(year));
    holidayCache.set(year, set);
  }
  return set;
}

/** A weekday that is not a French public holiday. */
export function isWorkingDay(day: IsoDay): boolean {
  const weekday = new Date(utcMidnightOf(day)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidaysOf(Number(day.slice(0, 4))).has(day);
}

/** The `count`-th working day after `day` (not counting `day` itself). */
export function addWorkingDays(day: IsoDay, count: number): IsoDay {
  let at = utcMidnightOf(day);
  for (let left = count; left > 0; ) {
    at += DAY_MS;
    if (isWorkingDay(isoDay(at))) left -= 1;
  }
  return isoDay(at);
}

const parisParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parisWallClock(instant: number) {
  const parts = Object.fromEntries(parisParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    day: `${parts.year}-${parts.month}-${parts.day}` as IsoDay,
    asUtc: Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
    ),
  };
}

/** The day of Paris an instant falls in. */
export const parisDay = (instant: Date): IsoDay => parisWallClock(instant.getTime()).day;

/** The instant a day of Paris begins (midnight is never skipped by the change of time, at 2 or 3 am). */
export function parisMidnight(day: IsoDay): Date {
  const guess = utcMidnightOf(day);
  // The offset read at UTC midnight, then again at the instant it gives (they differ on the days of change).
  const first = guess - (parisWallClock(guess).asUtc - guess);
  return new Date(guess - (parisWallClock(first).asUtc - first));
}

/** When a level's first answer is due: the end of the second working day after the day it took the ticket. */
export function firstAnswerDueAt(since: Date, workingDays = FIRST_ANSWER_WORKING_DAYS): Date {
  const lastDay = addWorkingDays(parisDay(since), workingDays);
  return parisMidnight(isoDay(utcMidnightOf(lastDay) + DAY_MS));
}

/**
 * The last day of Paris a target leaves for the answer: the day before the midnight it falls due at. A
 * page says « au plus tard le 24 novembre » from it, the same day wherever the reader is.
 */
export const lastDayToAnswer = (dueAt: Date): IsoDay => parisDay(new Date(dueAt.getTime() - 1));

/** The working days a ticket has waited: those that began after the day it arrived, up to today included. */
export function workingDaysWaited(since: Date, now: Date): number {
  const last = utcMidnightOf(parisDay(now));
  let waited = 0;
  for (let at = utcMidnightOf(parisDay(since)) + DAY_MS; at <= last; at += DAY_MS)
    if (isWorkingDay(isoDay(at))) waited += 1;
  return waited;
}
