import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationDto } from '../../../common/schemas/evaluation.ts';
import { auditEvents } from '../../db/schema.ts';
import { createSheet, uploadFile } from '../../test/catalog-fixtures.ts';
import {
  answer,
  type EvaluationPeople,
  evaluatedProject,
  requirementsOf,
  review,
  startEvaluationTests,
} from '../../test/evaluation-fixtures.ts';
import type { TestContext } from '../../test/harness.ts';
import { declareProject } from '../../test/project-fixtures.ts';
import { blockingItemCount } from './evaluations.service.ts';

/** Evaluations through HTTP on a real database: answers, reviews by section, computed results. */
let t: TestContext;
let p: EvaluationPeople;
beforeAll(async () => {
  ({ t, p } = await startEvaluationTests());
}, 90_000);
afterAll(() => t.close());

const frenchProblem = (
  response: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
) => {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  return response.json() as { detail: string; errors?: { field: string; message: string }[] };
};

describe('starting an evaluation', () => {
  it('uses the published grid of the track, with only the requirements of that track', async () => {
    const { project, evaluation } = await evaluatedProject(p.developer, 'homologation');
    expect(evaluation).toMatchObject({
      track: 'homologation',
      subject: { kind: 'project', id: project.id },
      grid: { kind: 'homologation', number: 1, newerPublishedNumber: null },
    });
    const codes = requirementsOf(evaluation).map((r) => r.code);
    expect(codes).toContain('DEC-01');
    expect(requirementsOf(evaluation).every((r) => r.tracks.includes('homologation'))).toBe(true);
    expect(evaluation.progress).toMatchObject({ total: codes.length, answered: 0 });
    expect(evaluation.blockingItems.length).toBeGreaterThan(0);
    expect(evaluation.can.answer).toBe(true);
    // A second start is refused; another office's developer may not start nor answer.
    frenchProblem(await p.developer.post('/api/evaluations', { projectId: project.id }), 409);
    frenchProblem(
      await p.otherDeveloper.request('PATCH', `/api/evaluations/${evaluation.id}/answers/DEC-01`, {
        status: 'met',
      }),
      403,
    );
  });

  it('takes the transitional grid for an existing catalogue sheet, filtered by its track (§2.4)', async () => {
    const sheet = await createSheet(p.developer, p.rhone, {
      name: 'Application existante',
      track: 'labelling',
    });
    const started = await p.developer.post('/api/evaluations', { applicationId: sheet.id });
    expect(started.statusCode, started.body).toBe(201);
    const evaluation = started.json() as EvaluationDto;
    expect(evaluation.grid.kind).toBe('transitional');
    const codes = requirementsOf(evaluation).map((r) => r.code);
    expect(codes).toContain('SEC-02'); // labelling only
    expect(codes).not.toContain('SEC-03'); // homologation only
    const listed = (await p.agent.get(`/api/evaluations?applicationId=${sheet.id}`)).json();
    expect(listed.items.map((e: { id: string }) => e.id)).toEqual([evaluation.id]);
  });

  it('is refused on a track without a grid, naming the field', async () => {
    const project = await declareProject(p.developer, { track: 'nonStandard' });
    const problem = frenchProblem(await p.developer.post('/api/evaluations', { projectId: project.id }), 422);
    expect(problem.errors?.[0]?.field).toBe('projectId');
    frenchProblem(await p.developer.post('/api/evaluations', {}), 400);
  });
});

describe('answers and reviews', () => {
  it('a developer answers, each section’s reviewer validates; the blocking items fall to none', async () => {
    const { project, evaluation: started } = await evaluatedProject(p.developer, 'labelling');
    expect(await blockingItemCount(t.db, { projectId: project.id })).toBe(started.blockingItems.length);
    let evaluation = started;
    for (const requirement of requirementsOf(started))
      evaluation = await answer(p.developer, evaluation, requirement.code);
    expect(evaluation.progress).toMatchObject({
      answered: evaluation.progress.total,
      awaitingReview: evaluation.progress.total,
    });
    expect(evaluation.blockingItems.every((b) => b.reason === 'awaitingReview')).toBe(true);

    // The DDSI reviews technical items, not CNIL's (the DDO's) nor acceptance's (the DDFC/DC2R's).
    const reviewerOf = {
      itDirectorate: p.ddsi,
      operationsDirectorate: p.ddo,
      nationalAccountant: p.accountant,
    } as const;
    const cnil = requirementsOf(evaluation).find((r) => r.section.reviewer === 'operationsDirectorate');
    if (!cnil) throw new Error('no CNIL requirement');
    frenchProblem(await review(p.ddsi, evaluation, cnil.code, 'validate'), 403);
    frenchProblem(await review(p.developer, evaluation, cnil.code, 'validate'), 403);
    const ddsiView = (await p.ddsi.get(`/api/evaluations/${evaluation.id}`)).json() as EvaluationDto;
    expect(ddsiView.sections.map((s) => [s.code, s.canReview])).toContainEqual(['CNIL', false]);
    expect(ddsiView.sections.map((s) => [s.code, s.canReview])).toContainEqual(['SEC', true]);
    expect(ddsiView.can.answer).toBe(true); // the DDSI runs every project

    for (const requirement of requirementsOf(evaluation)) {
      const response = await review(
        reviewerOf[requirement.section.reviewer],
        evaluation,
        requirement.code,
        'validate',
      );
      expect(response.statusCode, response.body).toBe(200);
      evaluation = response.json();
    }
    expect(evaluation.blockingItems).toEqual([]);
    expect(evaluation.progress.validated).toBe(evaluation.progress.total);
    expect(evaluation.maturity).toEqual({ level: 5, mandatoryMet: 100, recommendedMet: 100 });
    expect(await blockingItemCount(t.db, { projectId: project.id })).toBe(0);
    expect(await blockingItemCount(t.db, { applicationId: p.rhone })).toBeNull();
  });

  it('a reviewer returns an answer with a comment; answered again, it is back in review — all audited', async () => {
    const { evaluation: started } = await evaluatedProject(p.developer, 'homologation');
    let evaluation = await answer(p.developer, started, 'DEC-02', {
      status: 'partlyMet',
      reason: 'Jenkins en cours.',
      links: [],
    });
    const noComment = frenchProblem(await review(p.ddsi, evaluation, 'DEC-02', 'return'), 400);
    expect(noComment.errors?.[0]?.field).toBe('comment');
    const returned = await review(
      p.ddsi,
      evaluation,
      'DEC-02',
      'return',
      'Le job Jenkins manque : joignez son lien.',
    );
    expect(returned.statusCode, returned.body).toBe(200);
    evaluation = returned.json();
    const dec02 = () => requirementsOf(evaluation).find((r) => r.code === 'DEC-02')?.answer;
    expect(dec02()).toMatchObject({
      review: 'returned',
      reviewComment: 'Le job Jenkins manque : joignez son lien.',
      reviewedBy: expect.any(String),
    });
    expect(evaluation.blockingItems).toContainEqual({ code: 'DEC-02', reason: 'returned' });
    expect(evaluation.progress.returned).toBe(1);

    // A stale version is refused; the developer answers again at the version read.
    frenchProblem(
      await p.developer.request('PATCH', `/api/evaluations/${evaluation.id}/answers/DEC-02`, {
        version: 1,
        status: 'met',
      }),
      409,
    );
    evaluation = await answer(p.developer, evaluation, 'DEC-02', {
      status: 'met',
      links: ['https://jenkins.example/job/projet'],
    });
    expect(dec02()).toMatchObject({
      status: 'met',
      review: 'pending',
      links: ['https://jenkins.example/job/projet'],
    });
    evaluation = (await review(p.ddsi, evaluation, 'DEC-02', 'validate')).json();
    expect(dec02()?.review).toBe('validated');

    const events = await t.db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetType, 'evaluation'), eq(auditEvents.targetId, evaluation.id)));
    expect(events.map((e) => e.action)).toEqual([
      'evaluation.start',
      'evaluation.answer',
      'evaluation.return',
      'evaluation.answer',
      'evaluation.validate',
    ]);
    expect(events[2]?.after).toMatchObject({ requirement: 'DEC-02', review: 'returned' });
  });

  it('refuses a not-applicable answer without a reason, an unknown requirement and a bad link, in French', async () => {
    const { evaluation } = await evaluatedProject(p.developer, 'homologation');
    const url = (code: string) => `/api/evaluations/${evaluation.id}/answers/${code}`;
    expect(
      frenchProblem(await p.developer.request('PATCH', url('MAT-03'), { status: 'notApplicable' }), 400)
        .errors?.[0]?.field,
    ).toBe('reason');
    frenchProblem(await p.developer.request('PATCH', url('PAT-01'), { status: 'met' }), 404); // a labelling requirement
    const link = frenchProblem(
      await p.developer.request('PATCH', url('MAT-01'), { status: 'met', links: ['javascript:alert(1)'] }),
      400,
    );
    expect(link.errors?.[0]?.field).toBe('links.0');
    const ok = await answer(p.developer, evaluation, 'MAT-03', {
      status: 'notApplicable',
      reason: 'Application sans utilisateur final.',
    });
    expect(ok.maturity.recommendedMet).toBe(0);
  });
});

describe('criticality profile', () => {
  it('computes the class from the answers, refuses an option the grid does not offer', async () => {
    const { evaluation } = await evaluatedProject(p.developer, 'labelling');
    expect(evaluation.criticality).toMatchObject({
      class: null,
      unanswered: ['DONNEES', 'UTILISATEURS', 'SI-NATIONAL', 'INTERRUPTION'],
    });
    const bad = frenchProblem(
      await p.developer.patch(`/api/evaluations/${evaluation.id}`, {
        version: evaluation.version,
        profile: { DONNEES: 'TOUT' },
      }),
      400,
    );
    expect(bad.errors?.[0]?.field).toBe('profile.DONNEES');
    const profile = {
      DONNEES: 'SANTE',
      UTILISATEURS: 'MOINS-50',
      'SI-NATIONAL': 'NON',
      INTERRUPTION: 'SEMAINE',
    };
    const response = await p.developer.patch(`/api/evaluations/${evaluation.id}`, {
      version: evaluation.version,
      profile,
    });
    expect(response.statusCode, response.body).toBe(200);
    // Health data: 5 points (moderate by the thresholds), raised to high by the option's floor.
    expect(response.json().criticality).toEqual({ class: 'high', points: 5, unanswered: [] });
    frenchProblem(
      await p.developer.patch(`/api/evaluations/${evaluation.id}`, { version: evaluation.version, profile }),
      409,
    );
  });
});

describe('evidence', () => {
  const PDF = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
  it('is attached to an answer by its answerers, read by anyone, removed — audited on the evaluation', async () => {
    const { evaluation } = await evaluatedProject(p.developer, 'labelling');
    const url = `/api/evaluations/${evaluation.id}/answers/CNIL-01/evidence`;
    const file = { name: 'registre.pdf', type: 'application/pdf', content: PDF };
    frenchProblem(await uploadFile(t.app, p.developer, url, file), 409); // no answer yet
    await answer(p.developer, evaluation, 'CNIL-01');
    frenchProblem(await uploadFile(t.app, p.otherDeveloper, url, file), 403);
    const added = await uploadFile(t.app, p.developer, url, file);
    expect(added.statusCode, added.body).toBe(201);
    const evidence = added.json() as { id: string; fileName: string };
    expect(evidence.fileName).toBe('registre.pdf');

    const read = (await p.agent.get(`/api/evaluations/${evaluation.id}`)).json() as EvaluationDto;
    expect(
      requirementsOf(read)
        .find((r) => r.code === 'CNIL-01')
        ?.answer?.evidence.map((e) => e.id),
    ).toEqual([evidence.id]);
    const downloaded = await p.agent.get(`${url}/${evidence.id}`);
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.rawPayload.equals(PDF)).toBe(true);
    expect(downloaded.headers['content-disposition']).toContain('attachment');

    frenchProblem(await p.otherDeveloper.request('DELETE', `${url}/${evidence.id}`), 403);
    expect((await p.developer.request('DELETE', `${url}/${evidence.id}`)).statusCode).toBe(204);
    frenchProblem(await p.agent.get(`${url}/${evidence.id}`), 404);
    const actions = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, evaluation.id), eq(auditEvents.targetType, 'evaluation')));
    expect(actions.map((a) => a.action)).toEqual([
      'evaluation.start',
      'evaluation.answer',
      'evaluation.attach',
      'evaluation.detach',
    ]);
  });
});
