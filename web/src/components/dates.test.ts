import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay } from './dates.ts';

describe('dates, written one way everywhere', () => {
  it('writes a calendar day in full words, the same day wherever the reader is', () => {
    expect(formatDay('2026-11-29', 'fr')).toBe('29 novembre 2026');
    expect(formatDay('2026-03-02', 'en')).toBe('2 March 2026');
    expect(formatDay('2021-03-01', 'fr')).toBe('1er mars 2021');
    expect(formatDay('2021-03-01', 'en')).toBe('1 March 2021');
    expect(formatDay('2021-03-11', 'fr')).toBe('11 mars 2021');
    expect(formatDay(null, 'fr')).toBeNull();
    expect(formatDay('en 2026', 'fr')).toBe('en 2026');
  });

  it('writes a moment as its day then its time, in the same words as a day', () => {
    const noon = '2026-11-29T12:00:00Z';
    const hour = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' }).format(
      new Date(noon),
    );
    expect(formatDateTime(noon, 'fr')).toBe(`29 novembre 2026 à ${hour}`);
    expect(formatDateTime(noon, 'en')).toMatch(/^29 November 2026 at \d{2}:00$/);
    expect(formatDateTime(null, 'fr')).toBeNull();
  });
});
