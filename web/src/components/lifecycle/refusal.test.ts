import { describe, expect, it } from 'vitest';
import type { TransitionDto } from '../../../../common/schemas/lifecycle.ts';
import { allOf, groupReserved } from './refusal.ts';

const party = (fr: string) => ({ kind: fr, label: { fr, en: fr } });
const transition = (action: string, kind: 'notParty' | 'guard', parties: string[]): TransitionDto => ({
  lifecycle: 'project',
  action,
  label: { fr: action, en: action },
  to: ['development'],
  allowed: false,
  reason: { kind, code: kind, params: {}, message: { fr: kind, en: kind } },
  parties: parties.map(party),
  input: null,
  confirm: false,
  tone: 'default',
});

describe('refusals a reader outside the project is shown', () => {
  it('says once who may act for the actions reserved to the same parties, and keeps the others apart', () => {
    const start = transition('start', 'notParty', ['DDSI', 'Directeur']);
    const suspend = transition('suspend', 'notParty', ['DDSI', 'Directeur']);
    const deliver = transition('deliver', 'notParty', ['DDSI']);
    const guarded = transition('abandon', 'guard', ['DDSI', 'Directeur']);
    const { reserved, single } = groupReserved([start, suspend, deliver, guarded]);
    expect(reserved).toEqual([[start, suspend]]);
    expect(single).toEqual([deliver, guarded]);
  });

  it('groups nothing when each refusal is alone of its parties', () => {
    const only = transition('start', 'notParty', ['DDSI']);
    expect(groupReserved([only])).toEqual({ reserved: [], single: [only] });
  });

  it('joins the actions with « et »', () => {
    expect(allOf(['Lancer', 'Suspendre', 'Abandonner'], 'fr')).toBe('Lancer, Suspendre et Abandonner');
  });
});
