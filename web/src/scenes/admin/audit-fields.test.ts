import { describe, expect, it } from 'vitest';
import { auditFieldLabel, auditValue, retentionPurge, transitionInputRows } from './audit-fields.ts';

describe('the audit trail read by people', () => {
  it('names the recorded fields in French or English, and keeps an unknown one as recorded', () => {
    expect(auditFieldLabel('archivedAt', 'fr')).toBe('Archivée le');
    expect(auditFieldLabel('archivedAt', 'en')).toBe('Archived on');
    expect(auditFieldLabel('somethingNew', 'fr')).toBe('somethingNew');
  });

  it('writes recorded dates in words, and leaves other values alone', () => {
    expect(auditValue('2026-11-29T20:37:30.127Z', 'fr')).toMatch(/^29 novembre 2026 à \d{2}:37$/);
    expect(auditValue('2021-03-01', 'fr')).toBe('1er mars 2021');
    expect(auditValue('2.1', 'fr')).toBe('2.1');
  });

  it('lists what a person gave with a transition, and nothing for an event that has no input', () => {
    expect(transitionInputRows({ transition: 'archive', input: { reason: 'Remplacée' } })).toEqual([
      { field: 'reason', value: 'Remplacée' },
    ]);
    expect(transitionInputRows({ transition: 'restore', input: null })).toEqual([]);
    expect(transitionInputRows(null)).toEqual([]);
  });

  it('reads what a retention purge recorded, and nothing from another event or a malformed one', () => {
    const details = {
      category: 'sessions',
      count: 12,
      cutoff: '2026-11-29T02:30:00.000Z',
      periodDays: 1,
      job: 'retention',
    };
    expect(retentionPurge({ action: 'retention.purged', details })).toEqual({
      category: 'sessions',
      count: 12,
      cutoff: '2026-11-29T02:30:00.000Z',
      periodDays: 1,
    });
    expect(retentionPurge({ action: 'session.login', details })).toBeNull();
    expect(
      retentionPurge({ action: 'retention.purged', details: { ...details, category: 'other' } }),
    ).toBeNull();
    expect(retentionPurge({ action: 'retention.purged', details: null })).toBeNull();
  });
});
