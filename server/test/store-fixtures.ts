import type { RequestDto } from '../../common/schemas/deployment-request.ts';
import { createSheet, signedInAs } from './catalog-fixtures.ts';
import { type Agent, organisationId, type TestContext } from './harness.ts';

let counter = 0;
/**
 * A sheet of the Store: labelled (or homologated) and hosted on AM Cloud, designed by the CPAM du
 * Bas-Rhin; `word` goes into its name so that a search finds exactly the sheets of one test.
 */
export async function storeSheet(
  t: TestContext,
  word: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; code: string; version: number }> {
  counter += 1;
  const designer = await designerOf(t);
  const labelled = (overrides.certificationStatus ?? 'labelled') === 'labelled';
  return createSheet(designer, await organisationId(t.db, 'CPAM-67'), {
    name: `${word} ${counter}`,
    track: labelled ? 'labelling' : 'homologation',
    hosting: 'amCloud',
    certificationStatus: 'labelled',
    ...overrides,
  });
}

const designers = new WeakMap<TestContext, Promise<Agent>>();
function designerOf(t: TestContext) {
  let agent = designers.get(t);
  if (!agent) {
    agent = signedInAs(t, ['developer'], 'CPAM-67');
    designers.set(t, agent);
  }
  return agent;
}

/** A complete request body: the data protection answers all yes. */
export const requestBody = (applicationId: string, overrides: Record<string, unknown> = {}) => ({
  applicationId,
  expectedUsers: 40,
  wantedOn: '2027-01-15',
  environments: ['production', 'training'],
  dataProtection: { dpoInformed: true, processingRegisterUpdated: true, cnilFormalitiesDone: true },
  ...overrides,
});

/** The people of one request's journey: an agent and the director of the CPAM du Rhône, and the DDSI. */
export async function requestParties(t: TestContext) {
  return {
    agent: await signedInAs(t, ['agent'], 'CPAM-69'),
    director: await signedInAs(t, ['officeDirector'], 'CPAM-69'),
    ddsi: await signedInAs(t, ['itDirectorate'], 'CNAM-DDSI'),
  };
}

/** Fires a transition as `agent` with the request's current version; the response. */
export async function fire(
  agent: Agent,
  request: { id: string; version: number },
  action: string,
  input?: unknown,
) {
  return agent.post(`/api/deployment-requests/${request.id}/transitions`, {
    action,
    version: request.version,
    ...(input === undefined ? {} : { input }),
  });
}

/** A request of the CPAM du Rhône moved up to `until` (submitted, approved, validated), each step asserted. */
export async function requestUpTo(
  t: TestContext,
  applicationId: string,
  until: 'draft' | 'submitted' | 'approved' | 'validated',
  parties?: Awaited<ReturnType<typeof requestParties>>,
) {
  const people = parties ?? (await requestParties(t));
  const created = await people.agent.post('/api/deployment-requests', requestBody(applicationId));
  if (created.statusCode !== 201) throw new Error(`request not created: ${created.body}`);
  let request = created.json() as RequestDto;
  const steps: [Agent, string, unknown][] = [
    [people.agent, 'submit', undefined],
    [people.director, 'approve', {}],
    [people.ddsi, 'validate', {}],
  ];
  const wanted = { draft: 0, submitted: 1, approved: 2, validated: 3 }[until];
  for (const [agent, action, input] of steps.slice(0, wanted)) {
    const response = await fire(agent, request, action, input);
    if (response.statusCode !== 200)
      throw new Error(`${action} failed: ${response.statusCode} ${response.body}`);
    request = response.json() as RequestDto;
  }
  return { request, people };
}
