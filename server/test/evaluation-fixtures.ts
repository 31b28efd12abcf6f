import { expect } from 'vitest';
import type { EvaluationDto } from '../../common/schemas/evaluation.ts';
import type { GridVersionDto } from '../../common/schemas/evaluation-grid.ts';
import { type Agent, createTestContext, createUser, login, type TestContext } from './harness.ts';
import { declareProject, projectPeople } from './project-fixtures.ts';

/** The people of the evaluation tests: the project's side (CPAM-69) and the reviewers of each directorate. */
export async function evaluationPeople(t: TestContext) {
  const as = async (roles: Parameters<typeof createUser>[1]['roles'], code: string) =>
    login(t.app, (await createUser(t.db, { roles, organisationCode: code })).email);
  return {
    ...(await projectPeople(t)),
    ddo: await as(['operationsDirectorate'], 'CNAM-DDO'),
    accountant: await as(['nationalAccountant'], 'CNAM-DC2R'),
  };
}
export type EvaluationPeople = Awaited<ReturnType<typeof evaluationPeople>>;

export async function startEvaluationTests() {
  const t = await createTestContext();
  return { t, p: await evaluationPeople(t) };
}

/** Declares a project on `track` as `developer` and starts its evaluation; fails on anything but 201. */
export async function evaluatedProject(
  developer: Agent,
  track: 'labelling' | 'homologation',
  overrides: Record<string, unknown> = {},
) {
  const project = await declareProject(developer, { track, title: `Projet évalué (${track})`, ...overrides });
  const started = await developer.post('/api/evaluations', { projectId: project.id });
  expect(started.statusCode, started.body).toBe(201);
  return { project, evaluation: started.json() as EvaluationDto };
}

export const requirementsOf = (evaluation: EvaluationDto) =>
  evaluation.sections.flatMap((s) => s.requirements.map((r) => ({ ...r, section: s })));

/** Answers one requirement (first answer or at the answer's version) and returns the evaluation. */
export async function answer(
  agent: Agent,
  evaluation: EvaluationDto,
  code: string,
  body: Record<string, unknown> = { status: 'met', links: ['https://forge.example/projet'] },
) {
  const current = requirementsOf(evaluation).find((r) => r.code === code)?.answer;
  const response = await agent.request('PATCH', `/api/evaluations/${evaluation.id}/answers/${code}`, {
    ...(current ? { version: current.version } : {}),
    ...body,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as EvaluationDto;
}

export async function review(
  agent: Agent,
  evaluation: EvaluationDto,
  code: string,
  decision: 'validate' | 'return',
  comment?: string,
) {
  const current = requirementsOf(evaluation).find((r) => r.code === code)?.answer;
  return agent.post(`/api/evaluations/${evaluation.id}/answers/${code}/review`, {
    version: current?.version,
    decision,
    ...(comment ? { comment } : {}),
  });
}

/** The published version of a grid, read through the API as `agent`. */
export async function publishedVersion(agent: Agent, kind: string) {
  const grids = (await agent.get('/api/evaluation-grids')).json() as {
    items: { kind: string; versions: { id: string; state: string; number: number }[] }[];
  };
  const version = grids.items.find((g) => g.kind === kind)?.versions.find((v) => v.state === 'published');
  if (!version) throw new Error(`no published ${kind} grid`);
  return (await agent.get(`/api/evaluation-grid-versions/${version.id}`)).json() as GridVersionDto;
}
