import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDto, RequestPageDto } from '../../../common/schemas/deployment-request.ts';
import type { NotificationDto } from '../../../common/schemas/notifications.ts';
import { createSheet, signedInAs } from '../../test/catalog-fixtures.ts';
import { type Agent, createTestContext, organisationId, type TestContext } from '../../test/harness.ts';
import { fire, requestBody, requestParties, requestUpTo, storeSheet } from '../../test/store-fixtures.ts';

let t: TestContext;
// The simulator takes an hour: a validated request stays in provisioning for these tests.
beforeAll(async () => {
  t = await createTestContext({ amCloudSimulatorDelayMs: 3_600_000 });
});
afterAll(() => t.close());

/** What a person was told about one request. */
async function toldAbout(agent: Agent, requestId: string) {
  const page = (await agent.get('/api/notifications?pageSize=100')).json() as { items: NotificationDto[] };
  return page.items.filter((n) => n.target.id === requestId);
}

describe('a deployment request, step by step', () => {
  it('goes from draft to provisioning through its parties, each step telling the next one', async () => {
    const app = await storeSheet(t, 'Parcours');
    const { request: draft, people } = await requestUpTo(t, app.id, 'draft');
    expect(draft).toMatchObject({ state: 'draft', organisation: { code: 'CPAM-69' }, expectedUsers: 40 });
    expect(draft.reference).toMatch(/^DMD-\d{4}-\d{4}$/);

    // Someone of another office may neither submit it nor approve it.
    const outsider = await signedInAs(t, ['agent'], 'CPAM-13');
    expect((await fire(outsider, draft, 'submit')).statusCode).toBe(403);
    const submitted = await fire(people.agent, draft, 'submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    let request = submitted.json() as RequestDto;
    expect(request.state).toBe('submitted');
    expect((await toldAbout(people.director, request.id)).map((n) => n.text.fr)).toEqual([
      expect.stringContaining('Soumise'),
    ]);

    const otherDirector = await signedInAs(t, ['officeDirector'], 'CPAM-13');
    const refused = await fire(otherDirector, request, 'approve', {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().refusal.code).toBe('notParty');
    expect(refused.json().detail).toMatch(/organisme demandeur/);
    // Nor may the DDSI validate before the director approved.
    expect((await fire(people.ddsi, request, 'validate', {})).statusCode).toBe(409);

    const approved = await fire(people.director, request, 'approve', { comment: 'Accord du CODIR' });
    expect(approved.statusCode, approved.body).toBe(200);
    request = approved.json() as RequestDto;
    expect((await toldAbout(people.ddsi, request.id)).map((n) => n.text.fr)).toEqual([
      expect.stringContaining('Approuvée par le directeur'),
    ]);

    const validated = await fire(people.ddsi, request, 'validate', { comment: 'Capacité disponible' });
    expect(validated.statusCode, validated.body).toBe(200);
    request = validated.json() as RequestDto;
    // The provisioning job took it at once: the simulator is making the tenant.
    expect(request.state).toBe('provisioning');
    expect(request.tenant).toMatchObject({ status: 'provisioning', organisation: { code: 'CPAM-69' } });
    expect(request.tenant?.externalId).toMatch(/^sim-tenant-/);

    // The requester follows it on a timeline, with who did what.
    const timeline = request.lifecycles[0]?.reached ?? [];
    expect(timeline.map((r) => r.state)).toEqual([
      'draft',
      'submitted',
      'approved',
      'validated',
      'provisioning',
    ]);
    expect(timeline[2]?.input.map((i) => i.value)).toEqual(['Accord du CODIR']);
    expect(timeline[4]?.by).toEqual({ kind: 'system', name: null });
    const told = (await toldAbout(people.agent, request.id)).map((n) => n.text.fr);
    expect(told.some((text) => text.includes('Validée par la DDSI'))).toBe(true);
    // Too late to cancel once the platform is at work.
    const late = await fire(people.agent, request, 'cancel', {});
    expect(late.statusCode).toBe(409);
    expect(late.json().refusal.code).toBe('wrongState');
  });

  it('goes back for changes, is completed and submitted again; the DDSI may refuse with a reason', async () => {
    const app = await storeSheet(t, 'Retour');
    const { request: submitted, people } = await requestUpTo(t, app.id, 'submitted');
    const noReason = await fire(people.director, submitted, 'returnByDirector', {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('input.reason');
    const returned = (
      await fire(people.director, submitted, 'returnByDirector', {
        reason: 'Précisez le nombre d’utilisateurs.',
      })
    ).json() as RequestDto;
    expect(returned.state).toBe('returned');
    expect(returned.can.update).toBe(false);
    expect(
      ((await people.agent.get(`/api/deployment-requests/${returned.id}`)).json() as RequestDto).can.update,
    ).toBe(true);

    const stale = await people.agent.patch(`/api/deployment-requests/${returned.id}`, {
      expectedUsers: 55,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const patched = await people.agent.patch(`/api/deployment-requests/${returned.id}`, {
      expectedUsers: 55,
      version: returned.version,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const again = (await fire(people.agent, patched.json(), 'submit')).json() as RequestDto;
    expect(again).toMatchObject({ state: 'submitted', expectedUsers: 55, can: { update: false } });
    const approved = (await fire(people.director, again, 'approve', {})).json() as RequestDto;
    const refused = await fire(people.ddsi, approved, 'refuseByDdsi', {
      reason: 'Capacité AM Cloud épuisée.',
    });
    expect(refused.json()).toMatchObject({ state: 'refused' });
    expect((await toldAbout(people.agent, approved.id)).some((n) => n.text.fr.includes('Refusée'))).toBe(
      true,
    );
  });

  it('is cancelled by its requester before provisioning', async () => {
    const app = await storeSheet(t, 'Annulable');
    const { request, people } = await requestUpTo(t, app.id, 'approved');
    expect((await fire(people.director, request, 'cancel', {})).statusCode).toBe(403);
    expect((await fire(people.agent, request, 'cancel', { comment: 'Plus utile' })).json().state).toBe(
      'cancelled',
    );
  });
});

describe('guards', () => {
  it('never takes a request for an application outside the Store (non-standard, not on AM Cloud)', async () => {
    const { agent } = await requestParties(t);
    const developer = await signedInAs(t, ['developer'], 'CPAM-67');
    const nonStandard = await createSheet(developer, await organisationId(t.db, 'CPAM-67'), {
      name: 'Outil hors standard',
      track: 'nonStandard',
      hosting: 'officeServer',
    });
    const response = await agent.post('/api/deployment-requests', requestBody(nonStandard.id));
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors[0].field).toBe('applicationId');
    expect(response.json().detail).toMatch(/n'est pas au Store/);
  });

  it('refuses to go on once the certification is withdrawn, and says why', async () => {
    const app = await storeSheet(t, 'Retiree');
    const { request, people } = await requestUpTo(t, app.id, 'submitted');
    const sheet = (await people.ddsi.get(`/api/applications/${app.id}`)).json();
    await people.ddsi.post(`/api/applications/${app.id}/transitions`, {
      action: 'withdrawCertification',
      version: sheet.version,
      input: { reason: 'Procès-verbal annulé' },
    });
    const approve = await fire(people.director, request, 'approve', {});
    expect(approve.statusCode).toBe(422);
    expect(approve.json().refusal.code).toBe('notInStore');
  });

  it('needs the data protection answers for an application with personal data, and one request per office', async () => {
    const app = await storeSheet(t, 'Donnees');
    const { agent } = await requestParties(t);
    const incomplete = (
      await agent.post(
        '/api/deployment-requests',
        requestBody(app.id, {
          dataProtection: { dpoInformed: true, processingRegisterUpdated: false, cnilFormalitiesDone: false },
        }),
      )
    ).json() as RequestDto;
    const refused = await fire(agent, incomplete, 'submit');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().refusal.code).toBe('dataProtectionIncomplete');
    expect(refused.json().detail).toMatch(/DPO/);
    const second = (await agent.post('/api/deployment-requests', requestBody(app.id))).json() as RequestDto;
    const twice = await fire(agent, second, 'submit');
    expect(twice.statusCode).toBe(422);
    expect(twice.json().refusal.code).toBe('alreadyRequested');
  });
});

describe('bad input and who sees what', () => {
  it('answers every bad field in French, naming it', async () => {
    const app = await storeSheet(t, 'Saisie');
    const { agent } = await requestParties(t);
    const cases: [Record<string, unknown>, string][] = [
      [{ wantedOn: '2027-02-30' }, 'wantedOn'],
      [{ environments: ['training'] }, 'environments'],
      [{ expectedUsers: 0 }, 'expectedUsers'],
      [{ dataProtection: { dpoInformed: 'oui' } }, 'dataProtection.dpoInformed'],
      [{ colour: 'bleu' }, 'colour'],
    ];
    for (const [override, field] of cases) {
      const response = await agent.post('/api/deployment-requests', requestBody(app.id, override));
      expect(response.statusCode, field).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const director = await signedInAs(t, ['officeDirector'], 'CPAM-69');
    expect((await director.post('/api/deployment-requests', requestBody(app.id))).statusCode).toBe(403);
  });

  it('lists the director’s and the DDSI’s queues, and keeps a request to its office and the national level', async () => {
    const app = await storeSheet(t, 'Files');
    const people = await requestParties(t);
    const { request: submitted } = await requestUpTo(t, app.id, 'submitted', people);
    const other = await storeSheet(t, 'Files');
    const { request: approved } = await requestUpTo(t, other.id, 'approved', people);

    const directorQueue = (
      await people.director.get('/api/deployment-requests?queue=director')
    ).json() as RequestPageDto;
    expect(directorQueue.items.map((r) => r.id)).toContain(submitted.id);
    expect(
      directorQueue.items.every((r) => r.state === 'submitted' && r.organisation.code === 'CPAM-69'),
    ).toBe(true);
    const ddsiQueue = (
      await people.ddsi.get('/api/deployment-requests?queue=ddsi&pageSize=100')
    ).json() as RequestPageDto;
    expect(ddsiQueue.items.map((r) => r.id)).toContain(approved.id);
    expect(ddsiQueue.items.map((r) => r.id)).not.toContain(submitted.id);
    expect((await people.agent.get('/api/deployment-requests?queue=ddsi')).statusCode).toBe(403);

    const outsider = await signedInAs(t, ['agent'], 'CPAM-13');
    expect((await outsider.get(`/api/deployment-requests/${submitted.id}`)).statusCode).toBe(403);
    const theirs = (await outsider.get('/api/deployment-requests')).json() as RequestPageDto;
    expect(theirs.items.map((r) => r.id)).not.toContain(submitted.id);
    const governance = await signedInAs(t, ['governanceBoard'], 'CNAM-DDO');
    expect((await governance.get(`/api/deployment-requests/${submitted.id}`)).statusCode).toBe(200);
  });
});
