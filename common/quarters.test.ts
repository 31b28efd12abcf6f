import { describe, expect, it } from 'vitest';
import { quarterOf, quartersFrom } from './quarters.ts';

describe('quarters', () => {
  it('names the quarter of a date and the ones after it, across a year', () => {
    expect(quarterOf(new Date('2026-01-01T00:00:00Z'))).toBe('2026-T1');
    expect(quarterOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-T4');
    expect(quartersFrom(new Date('2026-11-30T00:00:00Z'), 3)).toEqual(['2026-T4', '2027-T1', '2027-T2']);
    expect(quartersFrom(new Date('2027-01-01T00:00:00Z'), 2, -1)).toEqual(['2026-T4', '2027-T1']);
  });
});
