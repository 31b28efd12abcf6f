import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeJenkins, startFakeJenkins } from '../test/fake-jenkins.ts';
import { IntegrationError } from './http.ts';
import { createJenkinsClient } from './jenkins.ts';

let jenkins: FakeJenkins;
const noWait = { sleep: async () => undefined };

beforeAll(async () => {
  jenkins = await startFakeJenkins();
  jenkins.jobs.set('reseau/cpam-67/conges', {
    color: 'red_anime',
    builds: [
      { number: 11, result: 'SUCCESS', timestamp: Date.parse('2026-11-27T08:00:00Z'), duration: 93_000 },
      { number: 12, result: 'FAILURE', timestamp: Date.parse('2026-11-28T08:00:00Z'), duration: 121_000 },
      { number: 13, result: null, timestamp: Date.parse('2026-11-30T08:00:00Z'), duration: 0 },
    ],
    tests: new Map([[12, { passCount: 140, failCount: 2, skipCount: 3 }]]),
  });
  jenkins.jobs.set('reseau/cpam-67/sans-tests', {
    color: 'blue',
    builds: [{ number: 1, result: 'SUCCESS', timestamp: Date.parse('2026-11-01T08:00:00Z'), duration: 1000 }],
    tests: new Map(),
  });
});
afterAll(() => jenkins.close());

const client = (token = jenkins.token) =>
  createJenkinsClient({ url: jenkins.url, user: jenkins.user, token }, noWait);

describe('Jenkins JSON API client, against a local server answering as the Jenkins remote API documents', () => {
  it('reads the last builds through ?tree= in folders, the running one apart, and the last finished build’s test report', async () => {
    jenkins.requests.length = 0;
    const read = await client().readBuilds('reseau/cpam-67/conges');
    expect(jenkins.requests[0]?.path).toBe('/job/reseau/job/cpam-67/job/conges/api/json');
    expect(jenkins.requests[0]?.query.get('tree')).toBe(
      'url,color,builds[number,result,building,timestamp,duration,url]{0,10}',
    );
    expect(read.color).toBe('red_anime');
    expect(read.builds.map((b) => [b.number, b.result, b.building])).toEqual([
      [13, null, true],
      [12, 'FAILURE', false],
      [11, 'SUCCESS', false],
    ]);
    expect(read.builds[1]).toMatchObject({ startedAt: '2026-11-28T08:00:00.000Z', durationMs: 121_000 });
    expect(jenkins.requests[1]?.path).toBe('/job/reseau/job/cpam-67/job/conges/12/testReport/api/json');
    expect(read.tests).toEqual({ passed: 140, failed: 2, skipped: 3 });
  });

  it('has no test report for a build that archived none (404)', async () => {
    expect((await client().readBuilds('reseau/cpam-67/sans-tests')).tests).toBeNull();
  });

  it('maps 401 and an unknown job to French messages', async () => {
    const unauthorized = await client('mauvais')
      .readBuilds('reseau/cpam-67/conges')
      .catch((e: unknown) => e);
    expect(unauthorized).toBeInstanceOf(IntegrationError);
    expect((unauthorized as IntegrationError).detail).toBe(
      'Jenkins refuse le jeton du portail (401) : il est invalide ou a expiré. Un administrateur doit le renouveler.',
    );
    const missing = await client()
      .readBuilds('reseau/cpam-67/absent')
      .catch((e: unknown) => e);
    expect((missing as IntegrationError).detail).toBe(
      "Le job reseau/cpam-67/absent est introuvable sur Jenkins (404) : vérifiez l'adresse ou le nom.",
    );
  });

  it('retries a 5xx and reports it after three attempts', async () => {
    jenkins.fail('/job/reseau/job/cpam-67/job/conges/api/json', 503, 3);
    const down = await client()
      .readBuilds('reseau/cpam-67/conges')
      .catch((e: unknown) => e);
    expect((down as IntegrationError).detail).toBe(
      'Jenkins ne répond pas correctement (erreur 503) après 3 tentatives : réessayez plus tard.',
    );
  });
});
