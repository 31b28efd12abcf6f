import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkTransition,
  defineLifecycle,
  describeParty,
  developerOf,
  directorOf,
  partyMatches,
  refusalMessage,
  role,
  sponsorOf,
  system,
} from './lifecycle.ts';
import { applicationCertificationLifecycle } from './lifecycles/application.ts';
import { userAccountLifecycle } from './lifecycles/user-account.ts';

const facts = { isSelf: false, subjectIsAdmin: false, otherActiveAdmins: 1, erased: false };
const rhone = 'office-rhone';
const basRhin = 'office-bas-rhin';

describe('parties', () => {
  const subject = { holderOffice: [rhone], developerOffices: [rhone, basRhin], sponsorship: ['ddgos'] };
  const person = (roles: string[], organisationId: string) =>
    ({ kind: 'user', roles, organisationId }) as Parameters<typeof partyMatches>[1];

  it('match the director, developers and sponsor of the offices the subject names, and no one else', () => {
    expect(partyMatches(directorOf('holderOffice'), person(['officeDirector'], rhone), subject)).toBe(true);
    expect(partyMatches(directorOf('holderOffice'), person(['officeDirector'], basRhin), subject)).toBe(
      false,
    );
    expect(partyMatches(directorOf('holderOffice'), person(['developer'], rhone), subject)).toBe(false);
    expect(partyMatches(developerOf('developerOffices'), person(['developer'], basRhin), subject)).toBe(true);
    expect(partyMatches(sponsorOf('sponsorship'), person(['sponsor'], 'ddgos'), subject)).toBe(true);
    expect(partyMatches(sponsorOf('sponsorship'), person(['sponsor'], 'ddfc'), subject)).toBe(false);
    expect(partyMatches(role('itDirectorate'), person(['itDirectorate'], 'ddsi'), subject)).toBe(true);
  });

  it('keep the system apart: only `system` matches it, and it matches no person', () => {
    expect(partyMatches(system, { kind: 'system' }, subject)).toBe(true);
    expect(partyMatches(system, person(['admin'], rhone), subject)).toBe(false);
    expect(partyMatches(role('admin'), { kind: 'system' }, subject)).toBe(false);
  });

  it('without a subject, answer whether the actor could fill the party somewhere (route guard)', () => {
    expect(partyMatches(directorOf('holderOffice'), person(['officeDirector'], basRhin))).toBe(true);
    expect(partyMatches(directorOf('holderOffice'), person(['agent'], basRhin))).toBe(false);
  });

  it('are described in French and English with role and office labels, never codes', () => {
    const definition = {
      fields: { holderOffice: { fr: "de l'organisme porteur", en: 'of the holder office' } },
    };
    expect(describeParty(definition, directorOf('holderOffice'), 'fr', ['CPAM du Rhône'])).toBe(
      "Directeur d'organisme de l'organisme porteur (CPAM du Rhône)",
    );
    expect(describeParty(definition, directorOf('holderOffice'), 'en', ['CPAM du Rhône'])).toBe(
      'Office director of the holder office (CPAM du Rhône)',
    );
    expect(describeParty(definition, role('nationalAccountant', 'itDirectorate'), 'fr')).toBe(
      'Agent comptable national (DDFC/DC2R) ou DDSI',
    );
  });
});

describe('checks', () => {
  it('allow a transition from the right state, to a party, when the guards agree', () => {
    expect(checkTransition(userAccountLifecycle, 'deactivate', 'active', true, facts)).toEqual({
      allowed: true,
      to: 'deactivated',
    });
  });

  it('refuse from the wrong state, to a non-party and when a guard objects — each with a code', () => {
    expect(checkTransition(userAccountLifecycle, 'deactivate', 'deactivated', true, facts)).toMatchObject({
      allowed: false,
      kind: 'wrongState',
      refusal: { code: 'wrongState' },
    });
    const notParty = checkTransition(userAccountLifecycle, 'deactivate', 'active', false, facts);
    expect(notParty).toMatchObject({ allowed: false, kind: 'notParty' });
    expect(notParty.allowed === false && refusalMessage(userAccountLifecycle, notParty.refusal, 'fr')).toBe(
      "L'action « Désactiver le compte » est réservée à : Administrateur.",
    );
    const lastAdmin = checkTransition(userAccountLifecycle, 'deactivate', 'active', true, {
      ...facts,
      subjectIsAdmin: true,
      otherActiveAdmins: 0,
    });
    expect(lastAdmin).toMatchObject({ allowed: false, kind: 'guard', refusal: { code: 'lastAdmin' } });
    expect(
      lastAdmin.allowed === false && refusalMessage(userAccountLifecycle, lastAdmin.refusal, 'fr'),
    ).toContain('dernier administrateur');
    expect(
      lastAdmin.allowed === false && refusalMessage(userAccountLifecycle, lastAdmin.refusal, 'en'),
    ).toContain('last active administrator');
  });

  it('resolve a target the facts decide (certification follows the track)', () => {
    const labelled = checkTransition(applicationCertificationLifecycle, 'certify', 'inProgress', true, {
      track: 'labelling',
    });
    expect(labelled).toEqual({ allowed: true, to: 'labelled' });
    expect(
      checkTransition(applicationCertificationLifecycle, 'certify', 'inProgress', true, {
        track: 'homologation',
      }),
    ).toEqual({ allowed: true, to: 'homologated' });
    expect(
      checkTransition(applicationCertificationLifecycle, 'certify', 'inProgress', true, {
        track: 'nonStandard',
      }),
    ).toMatchObject({ allowed: false, refusal: { code: 'notCertifyingTrack' } });
  });

  it('pass the typed input to guards, with parameters in the message', () => {
    const lifecycle = defineLifecycle<'open' | 'closed', 'close', { max: number }>({
      name: 'sample',
      targetType: 'sample',
      label: { fr: 'Exemple', en: 'Sample' },
      initial: 'open',
      states: {
        open: { label: { fr: 'Ouvert', en: 'Open' } },
        closed: { label: { fr: 'Fermé', en: 'Closed' } },
      },
      transitions: {
        close: {
          from: ['open'],
          to: 'closed',
          parties: [role('admin')],
          label: { fr: 'Fermer', en: 'Close' },
          input: z.object({ days: z.number() }),
          guards: [
            (f, input: { days: number } | undefined) =>
              (input?.days ?? 0) > f.max ? { code: 'tooLong', params: { max: f.max } } : null,
          ],
        },
      },
      messages: { tooLong: { fr: 'Au plus {max} jours.', en: 'At most {max} days.' } },
    });
    const refused = checkTransition(lifecycle, 'close', 'open', true, { max: 5 }, { days: 9 });
    expect(refused.allowed === false && refusalMessage(lifecycle, refused.refusal, 'fr')).toBe(
      'Au plus 5 jours.',
    );
    expect(checkTransition(lifecycle, 'close', 'open', true, { max: 5 }, { days: 3 }).allowed).toBe(true);
  });
});

describe('definitions', () => {
  const base = {
    name: 'broken',
    targetType: 'thing',
    label: { fr: 'Chose', en: 'Thing' },
    initial: 'a' as const,
  };
  it('reject an unknown state, a transition without party and a party on an undeclared field', () => {
    expect(() =>
      defineLifecycle<'a' | 'b', 'go', null>({
        ...base,
        states: { a: { label: { fr: 'A', en: 'A' } } } as never,
        transitions: {
          go: { from: ['a'], to: 'b', parties: [role('admin')], label: { fr: 'Aller', en: 'Go' } },
        },
      }),
    ).toThrow(/unknown target state/);
    const states = { a: { label: { fr: 'A', en: 'A' } }, b: { label: { fr: 'B', en: 'B' } } };
    expect(() =>
      defineLifecycle<'a' | 'b', 'go', null>({
        ...base,
        states,
        transitions: { go: { from: ['a'], to: 'b', parties: [], label: { fr: 'Aller', en: 'Go' } } },
      }),
    ).toThrow(/no party/);
    expect(() =>
      defineLifecycle<'a' | 'b', 'go', null>({
        ...base,
        states,
        transitions: {
          go: {
            from: ['a'],
            to: 'b',
            parties: [directorOf('holderOffice')],
            label: { fr: 'Aller', en: 'Go' },
          },
        },
      }),
    ).toThrow(/unknown field holderOffice/);
  });
});
