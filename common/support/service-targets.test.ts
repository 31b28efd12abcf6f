import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  easterSunday,
  firstAnswerDueAt,
  frenchPublicHolidays,
  isWorkingDay,
  lastDayToAnswer,
  parisDay,
  parisMidnight,
  workingDaysWaited,
} from './service-targets.ts';

describe('service targets with French public holidays', () => {
  it('finds Easter and the holidays that hang on it', () => {
    expect(['2024', '2025', '2026', '2027', '2038'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
    ]);
    expect(frenchPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    expect(isWorkingDay('2026-05-15')).toBe(true); // the Friday after Ascension is worked
    expect(isWorkingDay('2026-05-16')).toBe(false); // a Saturday
  });

  it('gives a ticket opened on the Friday before Easter Monday until the end of Wednesday', () => {
    // Friday 26 March 2027, 10:00 in Paris (winter time); Easter Monday is the 29th, summer time starts the 28th.
    const due = firstAnswerDueAt(new Date('2027-03-26T09:00:00Z'));
    expect(due.toISOString()).toBe('2027-03-31T22:00:00.000Z'); // Thursday 1 April, 00:00 in Paris
    expect(firstAnswerDueAt(new Date('2026-04-03T15:00:00Z')).toISOString()).toBe('2026-04-08T22:00:00.000Z');
  });

  it('skips Ascension, 1 May and the weekend, and counts a late evening as the day of Paris', () => {
    expect(addWorkingDays('2026-05-13', 2)).toBe('2026-05-18'); // Thursday 14 is Ascension
    expect(addWorkingDays('2026-04-30', 2)).toBe('2026-05-05'); // Friday 1 May
    expect(addWorkingDays('2026-12-24', 2)).toBe('2026-12-29');
    // 23:30 UTC on Thursday 30 April is already Friday 1 May in Paris: due at the end of Tuesday 5 May.
    expect(parisDay(new Date('2026-04-30T23:30:00Z'))).toBe('2026-05-01');
    expect(firstAnswerDueAt(new Date('2026-04-30T23:30:00Z')).toISOString()).toBe('2026-05-05T22:00:00.000Z');
    // A Saturday's ticket: Monday and Tuesday.
    expect(firstAnswerDueAt(new Date('2026-11-28T10:00:00Z')).toISOString()).toBe('2026-12-01T23:00:00.000Z');
  });

  it('names the last day to answer in Paris, whatever the reader’s time zone', () => {
    // Opened on Friday 20 November 2026: due at midnight starting the 25th in Paris, 23:00 UTC on the 24th.
    const due = firstAnswerDueAt(new Date('2026-11-20T10:00:00Z'));
    expect(due.toISOString()).toBe('2026-11-24T23:00:00.000Z');
    expect(lastDayToAnswer(due)).toBe('2026-11-24');
    // Summer time: midnight in Paris is 22:00 UTC, still the end of the day before.
    expect(lastDayToAnswer(new Date('2027-03-31T22:00:00.000Z'))).toBe('2027-03-31');
  });

  it('finds midnight in Paris across the changes of time', () => {
    expect(parisMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(parisMidnight('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(parisMidnight('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(parisMidnight('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('counts the working days a ticket has waited', () => {
    const friday = new Date('2027-03-26T09:00:00Z');
    expect(workingDaysWaited(friday, new Date('2027-03-26T17:00:00Z'))).toBe(0);
    expect(workingDaysWaited(friday, new Date('2027-03-29T09:00:00Z'))).toBe(0); // Easter Monday
    expect(workingDaysWaited(friday, new Date('2027-04-01T09:00:00Z'))).toBe(3);
  });
});
