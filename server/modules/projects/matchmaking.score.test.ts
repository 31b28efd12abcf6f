import { describe, expect, it } from 'vitest';
import {
  ENOUGH_PERSON_DAYS,
  type NeedToMatch,
  type OfficeCapacity,
  scoreMatch,
  skillsMentioned,
  suggestMatches,
} from './matchmaking.score.ts';

/** The suggestions of "besoins et forces", without a database. */
const need = (overrides: Partial<NeedToMatch> = {}): NeedToMatch => ({
  id: 'need-1',
  title: 'Tableau de bord des délais de remboursement',
  text: 'Tableau de bord des délais. Les statistiques de remboursement sont extraites à la main chaque mois.',
  technologies: [],
  domainCode: 'pilotage-statistiques',
  domainLabel: 'Pilotage et statistiques',
  holderOrganisationId: 'holder',
  region: 'grand-est',
  ...overrides,
});
const office = (overrides: Partial<OfficeCapacity> = {}): OfficeCapacity => ({
  organisationId: 'office-1',
  name: 'CPAM du Rhône',
  region: 'auvergne-rhone-alpes',
  domainCodes: [],
  skills: [],
  personDays: 5,
  ...overrides,
});
const codes = (match: ReturnType<typeof scoreMatch>) => match?.reasons.map((r) => r.code);

describe('skills a need mentions', () => {
  it('finds a skill in the text, in another form of its words, and in the technologies', () => {
    expect(skillsMentioned(need(), ['Statistique', 'Tableaux de bord', 'Java'])).toEqual([
      'Statistique',
      'Tableaux de bord',
    ]);
    expect(skillsMentioned(need({ technologies: ['postgresql', 'java'] }), ['PostgreSQL'])).toEqual([
      'PostgreSQL',
    ]);
  });

  it('wants every word of a skill, and a short name as a whole word', () => {
    expect(skillsMentioned(need(), ['Gestion de bord', 'Relation client'])).toEqual([]);
    expect(skillsMentioned(need({ text: 'Une réaction rapide des équipes' }), ['React'])).toEqual([]);
    expect(skillsMentioned(need({ text: 'Une interface en React' }), ['react'])).toEqual(['react']);
  });
});

describe('a match and its reasons', () => {
  it('gives the skills the need mentions', () => {
    const match = scoreMatch(need(), office({ skills: ['Statistiques', 'COBOL'] }));
    expect(match?.reasons).toEqual([{ code: 'skills', params: { skills: ['Statistiques'] } }]);
  });

  it('gives the domain the office already works in', () => {
    const match = scoreMatch(need(), office({ domainCodes: ['relation-client', 'pilotage-statistiques'] }));
    expect(match?.reasons).toEqual([
      {
        code: 'sameDomain',
        params: { domain: 'Pilotage et statistiques', domainCode: 'pilotage-statistiques' },
      },
    ]);
  });

  it('adds the region and enough person-days to a skill or a domain', () => {
    const match = scoreMatch(
      need(),
      office({ domainCodes: ['pilotage-statistiques'], region: 'grand-est', personDays: 40 }),
    );
    expect(match?.reasons).toEqual([
      {
        code: 'sameDomain',
        params: { domain: 'Pilotage et statistiques', domainCode: 'pilotage-statistiques' },
      },
      { code: 'sameRegion', params: { region: 'grand-est' } },
      { code: 'enoughPersonDays', params: { personDays: 40, minimum: ENOUGH_PERSON_DAYS } },
    ]);
    const small = scoreMatch(need(), office({ domainCodes: ['pilotage-statistiques'], personDays: 19 }));
    expect(codes(small)).toEqual(['sameDomain']);
  });

  it('suggests nothing when nothing of substance is shared', () => {
    expect(scoreMatch(need(), office({ skills: ['COBOL'], domainCodes: ['juridique-contentieux'] }))).toBe(
      null,
    );
    // The same region and plenty of days are not a reason on their own.
    expect(scoreMatch(need(), office({ region: 'grand-est', personDays: 500 }))).toBe(null);
  });

  it('never suggests the holder to itself, nor an office with no day left', () => {
    const fitting = { skills: ['Statistiques'], domainCodes: ['pilotage-statistiques'] };
    expect(scoreMatch(need(), office({ ...fitting, organisationId: 'holder' }))).toBe(null);
    expect(scoreMatch(need(), office({ ...fitting, personDays: 0 }))).toBe(null);
  });
});

describe('the order of the suggestions', () => {
  it('puts the most reasons first, then the office with more days, then by title and name', () => {
    const second = need({ id: 'need-2', title: 'Autre besoin statistique' });
    const skilled = office({ organisationId: 'skilled', name: 'CPAM A', skills: ['Statistiques'] });
    const complete = office({
      organisationId: 'complete',
      name: 'CPAM B',
      skills: ['Statistiques', 'Tableau de bord'],
      domainCodes: ['pilotage-statistiques'],
      region: 'grand-est',
      personDays: 60,
    });
    const richer = office({
      organisationId: 'richer',
      name: 'CPAM C',
      skills: ['Statistiques'],
      personDays: 15,
    });
    const matches = suggestMatches([need(), second], [skilled, complete, richer]);
    expect(matches.map((m) => `${m.needId}/${m.organisationId}`)).toEqual([
      'need-2/complete',
      'need-1/complete',
      'need-2/richer',
      'need-1/richer',
      'need-2/skilled',
      'need-1/skilled',
    ]);
    expect(matches[0]?.score).toBeGreaterThan(matches[2]?.score ?? 100);
    expect(matches[0]?.score).toBeLessThanOrEqual(100);
  });

  it('is empty when no office fits any need', () => {
    expect(suggestMatches([need()], [office({ skills: ['COBOL'] })])).toEqual([]);
  });
});
