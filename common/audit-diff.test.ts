import { describe, expect, it } from 'vitest';
import { changedFields } from './audit-diff.ts';

describe('audit change view', () => {
  it('keeps only the fields that changed, arrays written as lists', () => {
    expect(
      changedFields(
        { displayName: 'Léa', roles: ['agent'], status: 'active', version: 1 },
        { displayName: 'Léa', roles: ['agent', 'developer'], status: 'active', version: 2 },
      ),
    ).toEqual([
      { field: 'roles', before: 'agent', after: 'agent, developer' },
      { field: 'version', before: '1', after: '2' },
    ]);
  });

  it('lists every field of a creation, and nothing for an event without snapshots', () => {
    expect(changedFields(null, { email: 'a@b.fr', roles: [] })).toEqual([
      { field: 'email', before: '—', after: 'a@b.fr' },
      { field: 'roles', before: '—', after: '—' },
    ]);
    expect(changedFields(null, null)).toEqual([]);
  });
});
