import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationDto, EvaluationSummaryDto } from '../../../common/schemas/evaluation.ts';
import { createTestContext, login, type TestContext } from '../../test/harness.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedDemoCatalogue } from './seed-catalogue.ts';
import { seedDemoEvaluations } from './seed-evaluations.ts';
import { seedDemoProjects } from './seed-projects.ts';

/** The demo evaluations: three in progress, each answer a requirement of its grid version and track. */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.db, 'demo demo demo demo');
  await seedDemoCatalogue(t.db);
  await seedDemoProjects(t.db);
  expect(await seedDemoEvaluations(t.db)).toEqual({ created: 3 });
}, 120_000);
afterAll(() => t.close());

describe('the demo evaluations', () => {
  it('are three in progress — two projects and an existing sheet — with answers of their grid, loaded once', async () => {
    const agent = await login(t.app, 'agent.rhone@mutualis.demo', 'demo demo demo demo');
    const page = (await agent.get('/api/evaluations')).json() as {
      items: EvaluationSummaryDto[];
      total: number;
    };
    expect(page.total).toBe(3);
    expect(page.items.map((e) => e.grid.kind).sort()).toEqual(['homologation', 'labelling', 'transitional']);
    expect(page.items.map((e) => e.subject.kind).sort()).toEqual(['application', 'project', 'project']);
    for (const summary of page.items) {
      const evaluation = (await agent.get(`/api/evaluations/${summary.id}`)).json() as EvaluationDto;
      const answered = evaluation.sections.flatMap((s) => s.requirements.filter((r) => r.answer)).length;
      expect(answered, evaluation.subject.title).toBe(evaluation.progress.answered);
      expect(evaluation.progress.answered).toBeGreaterThan(0);
      expect(evaluation.progress.answered).toBeLessThan(evaluation.progress.total);
      expect(evaluation.blockingItems.length).toBeGreaterThan(0);
      expect(evaluation.criticality.class).not.toBeNull();
    }
    expect(page.items.some((e) => e.progress.returned > 0)).toBe(true);
    expect(await seedDemoEvaluations(t.db)).toEqual({ created: 0 });
  });
});
