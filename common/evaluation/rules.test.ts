import { describe, expect, it } from 'vitest';
import { SEED_GRIDS } from '../../server/db/reference/load-evaluation-grids.ts';
import { type GridContent, gridContentSchema } from '../schemas/evaluation-grid.ts';
import { diffGridContent } from './diff.ts';
import {
  type AnswerFacts,
  blockingItems,
  computeCriticality,
  computeMaturity,
  evaluationProgress,
} from './rules.ts';

/** A small grid: two mandatory and two recommended requirements for labelling, one for homologation only. */
const requirement = (
  code: string,
  level: 'mandatory' | 'recommended',
  tracks: ('labelling' | 'homologation')[] = ['labelling'],
) => ({
  code,
  text: `Exigence ${code} rédigée pour le test.`,
  tracks,
  level,
  evidence: 'Une preuve.',
  verification: 'document' as const,
});
const GRID: GridContent = {
  sections: [
    {
      code: 'A',
      title: 'Section A',
      reviewer: 'itDirectorate',
      requirements: [
        requirement('M1', 'mandatory'),
        requirement('M2', 'mandatory'),
        requirement('R1', 'recommended'),
        requirement('R2', 'recommended'),
        requirement('H1', 'mandatory', ['homologation']),
      ],
    },
  ],
  profile: [
    {
      code: 'DATA',
      question: 'Données traitées ?',
      options: [
        { value: 'NONE', label: 'Aucune', points: 0, atLeast: null },
        { value: 'HEALTH', label: 'Santé', points: 1, atLeast: 'high' },
      ],
    },
    {
      code: 'USERS',
      question: "Nombre d'utilisateurs ?",
      options: [
        { value: 'FEW', label: 'Peu', points: 0, atLeast: null },
        { value: 'MANY', label: 'Beaucoup', points: 4, atLeast: null },
      ],
    },
  ],
  rules: {
    maturity: [
      { level: 1, mandatoryMet: 0, recommendedMet: 0 },
      { level: 2, mandatoryMet: 50, recommendedMet: 0 },
      { level: 3, mandatoryMet: 100, recommendedMet: 50 },
      { level: 5, mandatoryMet: 100, recommendedMet: 100 },
    ],
    criticality: [
      { class: 'low', minPoints: 0 },
      { class: 'moderate', minPoints: 3 },
      { class: 'critical', minPoints: 5 },
    ],
  },
};
const answers = (entries: Record<string, [AnswerFacts['status'], AnswerFacts['review']]>) =>
  new Map(Object.entries(entries).map(([code, [status, review]]) => [code, { status, review }] as const));

describe('maturity rule', () => {
  it('is the highest level whose two shares are reached; a partly met answer counts half', () => {
    expect(computeMaturity(GRID, 'labelling', answers({}))).toEqual({
      level: 1,
      mandatoryMet: 0,
      recommendedMet: 0,
    });
    expect(
      computeMaturity(GRID, 'labelling', answers({ M1: ['met', 'pending'], M2: ['partlyMet', 'pending'] })),
    ).toEqual({
      level: 2,
      mandatoryMet: 75,
      recommendedMet: 0,
    });
    expect(
      computeMaturity(
        GRID,
        'labelling',
        answers({ M1: ['met', 'validated'], M2: ['met', 'pending'], R1: ['met', 'pending'] }),
      ).level,
    ).toBe(3);
  });

  it('leaves not applicable requirements out, counts returned answers for nothing, ignores other tracks', () => {
    const all = answers({
      M1: ['met', 'validated'],
      M2: ['notApplicable', 'validated'],
      R1: ['met', 'pending'],
      R2: ['notApplicable', 'pending'],
    });
    expect(computeMaturity(GRID, 'labelling', all)).toEqual({
      level: 5,
      mandatoryMet: 100,
      recommendedMet: 100,
    });
    all.set('R1', { status: 'met', review: 'returned' });
    expect(computeMaturity(GRID, 'labelling', all)).toEqual({
      level: 2,
      mandatoryMet: 100,
      recommendedMet: 0,
    });
    // H1 (homologation only) is unanswered, yet weighs nothing on a labelling evaluation.
    expect(computeMaturity(GRID, 'homologation', all)).toMatchObject({ level: 1, mandatoryMet: 0 });
  });
});

describe('criticality rule', () => {
  it('waits for every profile answer, then takes the threshold the points reach', () => {
    expect(computeCriticality(GRID, { DATA: 'NONE' })).toEqual({
      class: null,
      points: 0,
      unanswered: ['USERS'],
    });
    expect(computeCriticality(GRID, { DATA: 'NONE', USERS: 'FEW' }).class).toBe('low');
    expect(computeCriticality(GRID, { DATA: 'NONE', USERS: 'MANY' }).class).toBe('moderate');
    expect(computeCriticality(GRID, { DATA: 'HEALTH', USERS: 'MANY' })).toMatchObject({
      class: 'critical',
      points: 5,
    });
  });

  it('is raised by an answer declared « at least » a class, whatever the points', () => {
    expect(computeCriticality(GRID, { DATA: 'HEALTH', USERS: 'FEW' })).toMatchObject({
      class: 'high',
      points: 1,
    });
  });

  it('treats an unknown option as unanswered', () => {
    expect(computeCriticality(GRID, { DATA: 'OTHER', USERS: 'FEW' }).class).toBeNull();
  });
});

describe('blocking items and progress', () => {
  it('are the mandatory requirements not met (or not applicable) with the reviewer’s validation', () => {
    const state = answers({ M1: ['met', 'pending'], R1: ['notMet', 'validated'] });
    expect(blockingItems(GRID, 'labelling', state)).toEqual([
      { code: 'M1', reason: 'awaitingReview' },
      { code: 'M2', reason: 'unanswered' },
    ]);
    state.set('M1', { status: 'met', review: 'returned' });
    state.set('M2', { status: 'partlyMet', review: 'validated' });
    expect(blockingItems(GRID, 'labelling', state).map((b) => b.reason)).toEqual(['returned', 'partlyMet']);
    state.set('M1', { status: 'met', review: 'validated' });
    state.set('M2', { status: 'notApplicable', review: 'validated' });
    expect(blockingItems(GRID, 'labelling', state)).toEqual([]);
    expect(evaluationProgress(GRID, 'labelling', state)).toEqual({
      total: 4,
      answered: 3,
      validated: 3,
      returned: 0,
      awaitingReview: 0,
    });
  });
});

describe('grid diff', () => {
  it('lists requirements added, removed and changed (with the fields), and sections', () => {
    const next: GridContent = structuredClone(GRID);
    const section = next.sections[0];
    if (!section) throw new Error('no section');
    section.title = 'Section A revue';
    section.requirements = section.requirements.filter((r) => r.code !== 'R2');
    section.requirements.push(requirement('N1', 'recommended'));
    const m1 = section.requirements.find((r) => r.code === 'M1');
    if (m1) m1.level = 'recommended';
    next.rules.criticality[1] = { class: 'moderate', minPoints: 2 };
    const diff = diffGridContent(GRID, next);
    expect(diff.sections).toEqual([{ code: 'A', change: 'changed', fields: ['title'] }]);
    expect(diff.requirements.map((r) => [r.code, r.change, r.fields])).toEqual([
      ['M1', 'changed', ['level']],
      ['N1', 'added', []],
      ['R2', 'removed', []],
    ]);
    expect(diff).toMatchObject({ profileChanged: false, rulesChanged: true });
  });
});

describe('seed grids', () => {
  it('are valid grids with real requirements for each track they serve', () => {
    for (const [kind, content] of Object.entries(SEED_GRIDS)) {
      expect(gridContentSchema.safeParse(content).success, kind).toBe(true);
      const tracks = content.sections.flatMap((s) => s.requirements.flatMap((r) => r.tracks));
      expect(tracks.length, kind).toBeGreaterThan(10);
      expect(content.profile.length, kind).toBeGreaterThan(2);
    }
    const transitional = SEED_GRIDS.transitional.sections.flatMap((s) => s.requirements);
    expect(
      transitional.some((r) => r.tracks.includes('labelling') && !r.tracks.includes('homologation')),
    ).toBe(true);
    expect(
      transitional.some((r) => r.tracks.includes('homologation') && !r.tracks.includes('labelling')),
    ).toBe(true);
  });
});
