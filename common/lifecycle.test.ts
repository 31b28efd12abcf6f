import { describe, expect, it } from 'vitest';
import { availableTransitions, checkTransition, defineLifecycle } from './lifecycle.ts';
import { userAccountLifecycle } from './lifecycles/user-account.ts';

const facts = { isSelf: false, subjectIsAdmin: false, otherActiveAdmins: 1 };

describe('lifecycle definitions', () => {
  it('allow a transition from the right state, to the right role, when the guards agree', () => {
    expect(checkTransition(userAccountLifecycle, 'deactivate', 'active', ['admin'], facts)).toEqual({
      allowed: true,
    });
  });

  it('refuse from the wrong state, for the wrong role, and when a guard objects — each with a French reason', () => {
    const wrongState = checkTransition(userAccountLifecycle, 'deactivate', 'deactivated', ['admin'], facts);
    expect(wrongState).toMatchObject({ allowed: false, reason: 'wrongState' });
    const wrongRole = checkTransition(
      userAccountLifecycle,
      'deactivate',
      'active',
      ['officeDirector'],
      facts,
    );
    expect(wrongRole).toMatchObject({ allowed: false, reason: 'role' });
    const lastAdmin = checkTransition(userAccountLifecycle, 'deactivate', 'active', ['admin'], {
      ...facts,
      subjectIsAdmin: true,
      otherActiveAdmins: 0,
    });
    expect(lastAdmin).toMatchObject({ allowed: false, reason: 'guard' });
    expect(lastAdmin.allowed === false && lastAdmin.detail).toContain('dernier administrateur');
  });

  it('list what may be done now', () => {
    expect(availableTransitions(userAccountLifecycle, 'active', ['admin'], facts)).toEqual(['deactivate']);
    expect(availableTransitions(userAccountLifecycle, 'deactivated', ['admin'], facts)).toEqual([
      'reactivate',
    ]);
    expect(availableTransitions(userAccountLifecycle, 'active', ['agent'], facts)).toEqual([]);
  });

  it('reject a definition that points to an unknown state', () => {
    expect(() =>
      defineLifecycle<'a' | 'b', 'go', null>({
        name: 'broken',
        targetType: 'thing',
        initial: 'a',
        states: { a: { label: { fr: 'A', en: 'A' } } } as never,
        transitions: { go: { from: ['a'], to: 'b', roles: ['admin'], label: { fr: 'Aller', en: 'Go' } } },
      }),
    ).toThrow(/unknown target state/);
  });
});
