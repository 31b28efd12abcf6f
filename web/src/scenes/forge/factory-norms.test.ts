import { describe, expect, it } from 'vitest';
import { packageUsage, starterKitState } from './factory-norms.ts';

const pkg = (users: { behind: boolean }[]) => ({
  name: 'cnam/connecteur-annuaire',
  description: '',
  latest: '0.9.1',
  licences: [],
  versions: [],
  users: users.map((u, i) => ({ applicationId: `a${i}`, applicationName: `A${i}`, version: '0.9.1', ...u })),
  behindCount: users.filter((u) => u.behind).length,
});

describe('the packages page and the activity panel', () => {
  it('says a package no application uses is not used, rather than « all up to date »', () => {
    expect(packageUsage(pkg([]))).toBe('unused');
    expect(packageUsage(pkg([{ behind: false }]))).toBe('current');
    expect(packageUsage(pkg([{ behind: false }, { behind: true }]))).toBe('behind');
  });

  it('says whether the starter kit used is behind, up to date, or compared with nothing', () => {
    const kit = { used: 'v3.1.4', source: 'lock' as const, current: 'v3.2.0' };
    expect(starterKitState({ ...kit, behind: 2 })).toBe('behind');
    expect(starterKitState({ ...kit, behind: 0 })).toBe('current');
    expect(starterKitState({ ...kit, current: null, behind: null })).toBe('unknown');
  });
});
