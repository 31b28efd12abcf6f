import type { Role } from '../../common/roles.ts';
import type { Agent, TestContext } from './harness.ts';
import { createTestContext, createUser, login, organisationId } from './harness.ts';

/** A valid declaration for POST /api/projects; override what the test is about. */
export function projectBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Gestion des congés des agents',
    need: "Les managers valident les demandes de congé sur papier : il faut un circuit en ligne pour l'accueil.",
    description: '## Objectif\n\nDématérialiser les demandes.',
    domainCode: 'ressources-humaines',
    track: 'nonStandard',
    ...overrides,
  };
}

/** The people of most project tests: the holder office (CPAM-69), another office (CPAM-13), a sponsoring directorate (DDGOS). */
export async function projectPeople(t: TestContext) {
  const as = async (roles: Role[], code: string) =>
    login(t.app, (await createUser(t.db, { roles, organisationCode: code })).email);
  return {
    rhone: await organisationId(t.db, 'CPAM-69'),
    marseille: await organisationId(t.db, 'CPAM-13'),
    ddgos: await organisationId(t.db, 'CNAM-DDGOS'),
    drp: await organisationId(t.db, 'CNAM-DRP'),
    developer: await as(['developer'], 'CPAM-69'),
    director: await as(['officeDirector'], 'CPAM-69'),
    otherDirector: await as(['officeDirector'], 'CPAM-13'),
    otherDeveloper: await as(['developer'], 'CPAM-13'),
    sponsor: await as(['sponsor'], 'CNAM-DDGOS'),
    otherSponsor: await as(['sponsor'], 'CNAM-DRP'),
    admin: await as(['admin'], 'CNAM-DDO'),
    ddsi: await as(['itDirectorate'], 'CNAM-DDSI'),
    agent: await as(['agent'], 'CPAM-69'),
  };
}
export type ProjectPeople = Awaited<ReturnType<typeof projectPeople>>;

type ProjectJson = { id: string; version: number; phase: string; [key: string]: unknown };

/** Declares a project as `agent`; fails the test on anything but 201. */
export async function declareProject(
  agent: Agent,
  overrides: Record<string, unknown> = {},
): Promise<ProjectJson> {
  const response = await agent.post('/api/projects', projectBody(overrides));
  if (response.statusCode !== 201)
    throw new Error(`project not declared: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** Fires a transition at the project's current version. */
export async function fire(
  agent: Agent,
  project: { id: string },
  action: string,
  input?: Record<string, unknown>,
) {
  const current = (await agent.get(`/api/projects/${project.id}`)).json() as ProjectJson;
  return agent.post(`/api/projects/${project.id}/transitions`, {
    action,
    version: current.version,
    ...(input ? { input } : {}),
  });
}

/** Asks `directorateId` for sponsorship as `holder`, and has `sponsor` accept it. */
export async function sponsor(holder: Agent, sponsorAgent: Agent, projectId: string, directorateId: string) {
  const asked = await holder.post(`/api/projects/${projectId}/sponsorship-requests`, {
    directorateId,
    pitch: 'Un besoin national partagé par toutes les caisses du réseau.',
  });
  if (asked.statusCode !== 201) throw new Error(`sponsorship not asked: ${asked.body}`);
  const request = asked.json() as { id: string; version: number };
  const decided = await sponsorAgent.post(`/api/sponsorship-requests/${request.id}/decision`, {
    decision: 'accepted',
    rationale: 'Priorité nationale.',
    version: request.version,
  });
  if (decided.statusCode !== 200) throw new Error(`sponsorship not accepted: ${decided.body}`);
  return decided.json() as { id: string; version: number; state: string };
}

/** A test database and app with the people of most project tests. */
export async function startProjectTests(...options: Parameters<typeof createTestContext>) {
  const t = await createTestContext(...options);
  return { t, p: await projectPeople(t) };
}
