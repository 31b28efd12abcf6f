import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatisticsDto } from '../../../common/schemas/statistics.ts';
import type { TicketDto } from '../../../common/schemas/support.ts';
import { publishedCall } from '../../test/call-fixtures.ts';
import { createSheet } from '../../test/catalog-fixtures.ts';
import {
  type Agent,
  createTestContext,
  organisationId,
  signUp,
  type TestContext,
} from '../../test/harness.ts';
import { declareProject } from '../../test/project-fixtures.ts';
import { submittedProposal } from '../../test/proposal-fixtures.ts';
import { requestUpTo, storeSheet } from '../../test/store-fixtures.ts';
import { markTrained } from '../community/developers.queries.ts';
import { readGridWorkbook } from '../evaluation/grid-xlsx.files.ts';

/**
 * The portal's statistics, figure by figure, on rows the factories make; their dates are then set in the
 * database so that each figure is exact. Each test reads a period (or, for the projects, a kind of row) of
 * its own. The clock of the app is a Wednesday, 16 March 2033, 10:00 UTC.
 */
const NOW = new Date('2033-03-16T10:00:00Z');
let t: TestContext;
let ddo: Agent;
let developer: Agent; // CPAM du Bas-Rhin
let basRhin: string;
beforeAll(async () => {
  t = await createTestContext({ amCloudSimulatorDelayMs: 0 }, { now: () => NOW });
  ddo = (await signUp(t, { roles: ['operationsDirectorate'], organisationCode: 'CNAM-DDO' })).agent;
  developer = (await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-67' })).agent;
  basRhin = await organisationId(t.db, 'CPAM-67');
}, 60_000);
afterAll(() => t.close());

const statistics = async (from: string, to: string) => {
  const response = await ddo.get(`/api/statistics?from=${from}&to=${to}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as StatisticsDto;
};
const exec = (statement: ReturnType<typeof sql>) => t.db.execute(statement);

describe('the portal’s statistics', () => {
  it('count sheets declared, usage declarations, redundancies resolved and Store deployments by month', async () => {
    const [first, second, third] = [
      await createSheet(developer, basRhin, { name: 'Gestion des astreintes' }),
      await createSheet(developer, basRhin, { name: 'Suivi des astreintes' }),
      await createSheet(developer, basRhin, { name: 'Planning des astreintes' }),
    ];
    await exec(sql`UPDATE applications SET created_at = '2033-01-10T09:00:00Z'
      WHERE id IN (${first?.id}, ${second?.id})`);
    await exec(sql`UPDATE applications SET created_at = '2033-03-02T09:00:00Z' WHERE id = ${third?.id}`);
    for (const code of ['CPAM-69', 'CPAM-13']) {
      const director = (await signUp(t, { roles: ['officeDirector'], organisationCode: code })).agent;
      const declared = await director.post(`/api/applications/${first?.id}/usages`, { userCount: 20 });
      expect(declared.statusCode, declared.body).toBe(201);
    }
    await exec(sql`UPDATE application_usages SET created_at = '2033-02-05T09:00:00Z'
      WHERE application_id = ${first?.id}`);
    // The third is retired in favour of the first (at the app's clock: March 2033).
    const retired = await developer.request('PUT', `/api/applications/${third?.id}/replacement`, {
      version: 1,
      replacedById: first?.id,
    });
    expect(retired.statusCode, retired.body).toBe(200);
    // A request of the Store made available (the simulator answers at once), dated February 2033.
    const { request } = await requestUpTo(t, (await storeSheet(t, 'Astreintes Store')).id, 'validated');
    await exec(sql`UPDATE audit_events SET occurred_at = '2033-02-20T09:00:00Z'
      WHERE target_type = 'deploymentRequest' AND target_id = ${request.id} AND details->>'to' = 'available'`);

    const s = await statistics('2033-01', '2033-03');
    expect(s.months).toEqual(['2033-01', '2033-02', '2033-03']);
    expect(s.monthly).toEqual([
      {
        month: '2033-01',
        applicationsDeclared: 2,
        usageDeclarations: 0,
        redundanciesResolved: 0,
        storeDeployments: 0,
      },
      {
        month: '2033-02',
        applicationsDeclared: 0,
        usageDeclarations: 2,
        redundanciesResolved: 0,
        storeDeployments: 1,
      },
      {
        month: '2033-03',
        applicationsDeclared: 1,
        usageDeclarations: 0,
        redundanciesResolved: 1,
        storeDeployments: 0,
      },
    ]);

    // The export: one sheet a figure, or the one asked.
    const workbook = await ddo.get('/api/statistics.xlsx?from=2033-01&to=2033-03&figure=usages');
    expect(workbook.statusCode).toBe(200);
    expect(workbook.headers['content-disposition']).toMatch(/statistiques-usages-2033-01-2033-03\.xlsx/);
    const sheets = await readGridWorkbook(workbook.rawPayload);
    expect(typeof sheets === 'string' ? sheets : Object.keys(sheets)).toEqual(["Déclarations d'utilisation"]);
    const lines = typeof sheets === 'string' ? [] : (sheets["Déclarations d'utilisation"] ?? []);
    expect(lines.map((l) => l.cells)).toEqual([
      ['Mois', "Déclarations d'utilisation"],
      ['2033-01', '0'],
      ['2033-02', '2'],
      ['2033-03', '0'],
    ]);
  });

  it('count the projects by track and phase', async () => {
    await declareProject(developer, { title: 'Projet de statistiques un' });
    await declareProject(developer, { title: 'Projet de statistiques deux' });
    await declareProject(developer, { title: 'Projet de statistiques trois', track: 'homologation' });
    const s = await statistics('2033-01', '2033-01');
    expect(s.projects).toEqual([
      { track: 'homologation', phase: 'needExpressed', count: 1 },
      { track: 'nonStandard', phase: 'needExpressed', count: 2 },
    ]);
  });

  it('give each call the offices that could answer, those that did, and the rate', async () => {
    const issuer = (await signUp(t, { roles: ['officeDirector'], organisationCode: 'CPAM-67' })).agent;
    const offices: Record<string, { developer: Agent; director: Agent; id: string }> = {};
    for (const code of ['CPAM-69', 'CPAM-51', 'CPAM-10']) {
      const director = await signUp(t, { roles: ['officeDirector'], organisationCode: code });
      offices[code] = {
        director: director.agent,
        developer: (await signUp(t, { roles: ['developer'], organisationCode: code })).agent,
        id: director.user.organisationId,
      };
    }
    const of = (code: string) => offices[code] as { developer: Agent; director: Agent; id: string };
    const call = await publishedCall(issuer, {
      title: 'Rendez-vous en ligne',
      scope: 'local',
      officeIds: [of('CPAM-69').id, of('CPAM-51').id, of('CPAM-10').id],
      questionsUntil: '2098-05-10',
      proposalsUntil: '2098-05-20',
      selectionBy: '2098-06-01',
    });
    await submittedProposal(of('CPAM-69').developer, of('CPAM-69').director, call.id);
    await submittedProposal(of('CPAM-51').developer, of('CPAM-51').director, call.id);
    const s = await statistics('2098-05', '2098-05');
    expect(s.calls).toEqual([
      {
        id: call.id,
        title: 'Rendez-vous en ligne',
        scope: 'local',
        state: 'published',
        proposalsUntil: '2098-05-20',
        eligibleOffices: 3,
        answeringOffices: 2,
        proposals: 2,
        selected: 0,
        answerRate: 66.7,
      },
    ]);
  });

  it('measure the time spent in each state from the transitions, median and 90th percentile', async () => {
    // Days after its creation at which each transition of a request happened (submit, approve, validate…).
    const timelines = [
      [1, 1.5, 2, 2.25],
      [2, 3, 4, 4.25],
      [4, 7, 8, 8.25],
    ];
    for (const offsets of timelines) {
      const { request } = await requestUpTo(t, (await storeSheet(t, 'Durées')).id, 'validated');
      const events = (await exec(sql`SELECT id FROM audit_events WHERE target_type = 'deploymentRequest'
        AND target_id = ${request.id} AND details->>'lifecycle' = 'deploymentRequest' ORDER BY id`)) as unknown as {
        rows: { id: number }[];
      };
      expect(events.rows.length).toBeGreaterThanOrEqual(offsets.length);
      const created = Date.parse('2034-05-02T08:00:00Z');
      await exec(sql`UPDATE deployment_requests SET created_at = ${new Date(created).toISOString()}
        WHERE id = ${request.id}`);
      for (const [index, event] of events.rows.entries()) {
        const days = offsets[index] ?? (offsets.at(-1) as number) + index;
        await exec(sql`UPDATE audit_events SET occurred_at = ${new Date(created + days * 86_400_000).toISOString()}
          WHERE id = ${event.id}`);
      }
    }
    const s = await statistics('2034-05', '2034-05');
    const requests = s.durations.filter((d) => d.lifecycle === 'deploymentRequest');
    // draft: 1, 2, 4 days → median 2, p90 2 + 0.8 × (4 − 2) = 3.6; submitted: 0.5, 1, 3 → 1 and 1 + 0.8 × 2 = 2.6.
    expect(
      requests
        .slice(0, 3)
        .map(({ state, stays, medianDays, p90Days }) => ({ state, stays, medianDays, p90Days })),
    ).toEqual([
      { state: 'draft', stays: 3, medianDays: 2, p90Days: 3.6 },
      { state: 'submitted', stays: 3, medianDays: 1, p90Days: 2.6 },
      { state: 'approved', stays: 3, medianDays: 1, p90Days: 1 },
    ]);
    expect(requests[0]?.stateLabel.fr).toBe('Brouillon');
    expect(s.durations.every((d) => d.lifecycle === 'deploymentRequest')).toBe(true);
  });

  it('hold support to a first answer within two working days', async () => {
    const referent = (await signUp(t, { roles: ['referent'], organisationCode: 'CPAM-67' })).agent;
    const asker = await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-68' });
    await markTrained(t.db, asker.user.id, '2026-06-12');
    const open = async () => {
      const response = await asker.agent.post('/api/support-tickets', {
        flow: 'starterKit',
        subject: 'Le bundle de sécurité refuse mon jeton',
        description: 'Après la mise à jour 3.2 du starter kit, la connexion échoue.',
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as TicketDto;
    };
    const answer = async (ticket: TicketDto) => {
      const response = await referent.post(`/api/support-tickets/${ticket.id}/messages`, {
        body: 'Pouvez-vous joindre la trace ?',
      });
      expect(response.statusCode, response.body).toBe(201);
    };
    const dated = (ticket: TicketDto, opened: string, answered: string | null) =>
      exec(sql`UPDATE support_tickets SET created_at = ${opened}, first_answered_at = ${answered}
        WHERE id = ${ticket.id}`);
    // Opened on a Friday, answered the next Tuesday: Monday and Tuesday, two working days.
    const friday = await open();
    await answer(friday);
    await dated(friday, '2033-03-04T15:00:00Z', '2033-03-08T09:00:00Z');
    // Opened on a Monday, answered on Thursday: three working days, late.
    const monday = await open();
    await answer(monday);
    await dated(monday, '2033-03-07T10:00:00Z', '2033-03-10T16:00:00Z');
    // Unanswered since Thursday 10 (four working days to Wednesday 16): late; since Tuesday 15: pending.
    await dated(await open(), '2033-03-10T10:00:00Z', null);
    await dated(await open(), '2033-03-15T10:00:00Z', null);
    // Withdrawn before any answer: opened, neither late nor pending.
    const withdrawn = await open();
    const fired = await asker.agent.post(`/api/starter-kit-tickets/${withdrawn.id}/transitions`, {
      action: 'withdraw',
      version: withdrawn.version,
    });
    expect(fired.statusCode, fired.body).toBe(200);
    await dated(withdrawn, '2033-03-01T10:00:00Z', null);

    // Opened on Wednesday 25 May 2033, answered on Monday 30: Ascension (Thursday 26) is not a working
    // day, so Friday and Monday make two — within the target.
    const ascension = await open();
    await answer(ascension);
    await dated(ascension, '2033-05-25T10:00:00Z', '2033-05-30T09:00:00Z');
    expect((await statistics('2033-05', '2033-05')).support).toEqual([
      { month: '2033-05', opened: 1, withinTarget: 1, late: 0, pending: 0, rate: 100 },
    ]);

    const s = await statistics('2033-03', '2033-03');
    expect(s.supportTargetWorkingDays).toBe(2);
    expect(s.support).toEqual([
      { month: '2033-03', opened: 5, withinTarget: 1, late: 2, pending: 1, rate: 33.3 },
    ]);
  });

  it('refuse a period upside down or too long, in French, naming the field', async () => {
    const upsideDown = await ddo.get('/api/statistics?from=2033-05&to=2033-01');
    expect(upsideDown.statusCode).toBe(400);
    expect(upsideDown.json()).toMatchObject({ errors: [{ field: 'from' }] });
    expect(upsideDown.json().detail).toMatch(/vient après le dernier/);
    expect((await ddo.get('/api/statistics?from=2020-01&to=2033-01')).statusCode).toBe(400);
    const badMonth = await ddo.get('/api/statistics?from=2033-13');
    expect(badMonth.statusCode).toBe(400);
    expect(badMonth.json().errors[0].field).toBe('from');
    const developerAsks = await developer.get('/api/statistics');
    expect(developerAsks.statusCode).toBe(403);
  });
});
