import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementDto } from '../../../common/schemas/agreements.ts';
import { compensationCast } from '../../test/compensation-fixtures.ts';
import { type Agent, createTestContext, signUp, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let ddo: Agent;
let director: Agent;
let office: string;
let applicationId: string;
beforeAll(async () => {
  t = await createTestContext();
  ({ ddo, director, office, applicationId } = await compensationCast(t));
});
afterAll(() => t.close());

const draft = (overrides: Record<string, unknown> = {}) => ({
  title: 'Maintenance de l’application de gestion des arrêts',
  organisationId: office,
  target: { kind: 'application', applicationId },
  officeSignatory: 'Directrice de la CPAM du Bas-Rhin',
  ddoSignatory: 'Directeur délégué aux opérations',
  periodStart: '2025-01',
  periodEnd: '2099-12',
  valuation: 'rateTable',
  flatAmountCents: null,
  ceilingCents: 300_000,
  commitments: ['maintenance', 'support'],
  commitmentNote: 'Support de niveau 2 aux heures ouvrées.',
  statementFrequency: 'quarterly',
  text: 'Article 1 — Objet.\nArticle 2 — Durée.',
  ...overrides,
});
const create = async (overrides: Record<string, unknown> = {}) => {
  const response = await ddo.post('/api/agreements', draft(overrides));
  if (response.statusCode !== 201) throw new Error(`agreement not created: ${response.body}`);
  return response.json() as AgreementDto;
};
const fire = (agent: Agent, a: { id: string; version: number }, action: string, input?: unknown) =>
  agent.post(`/api/agreements/${a.id}/transitions`, {
    action,
    version: a.version,
    ...(input ? { input } : {}),
  });

describe('agreements', () => {
  it('is drafted by the DDO and read by the office and the national readers only', async () => {
    const a = await create();
    expect(a).toMatchObject({ state: 'draft', office: { code: 'CPAM-67' }, amendmentNumber: 0 });
    expect(a.texts.map((x) => x.number)).toEqual([1]);
    expect((await director.get(`/api/agreements/${a.id}`)).statusCode).toBe(200);
    const stranger = (await signUp(t, { roles: ['officeDirector'], organisationCode: 'CPAM-13' })).agent;
    expect((await stranger.get(`/api/agreements/${a.id}`)).statusCode).toBe(403);
    expect(
      (await stranger.get('/api/agreements')).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(a.id);
    expect((await director.post('/api/agreements', draft())).statusCode).toBe(403);
    const flatWithoutAmount = await ddo.post('/api/agreements', draft({ valuation: 'flat' }));
    expect(flatWithoutAmount.statusCode).toBe(422);
    expect(flatWithoutAmount.json().errors[0].field).toBe('flatAmountCents');
  });

  it('goes draft → negotiation → approved by the office → by the DDO → active → terminated, each by its party', async () => {
    const bare = await create({ text: undefined });
    const noText = await fire(ddo, bare, 'openNegotiation');
    expect(noText.statusCode).toBe(422);
    expect(noText.json().refusal.code).toBe('noText');

    let a = await create();
    expect((await fire(director, a, 'openNegotiation')).statusCode).toBe(403);
    a = (await fire(ddo, a, 'openNegotiation')).json();
    expect(a.state).toBe('negotiation');
    a = (
      await director.post(`/api/agreements/${a.id}/texts`, {
        body: 'Article 1 — Objet.\nArticle 2 — Durée de trois ans.',
      })
    ).json();
    a = (
      await ddo.post(`/api/agreements/${a.id}/comments`, {
        textNumber: 2,
        body: 'Trois ans nous conviennent.',
      })
    ).json();
    expect(a.texts.map((x) => x.number)).toEqual([1, 2]);
    expect(a.comments).toEqual([
      expect.objectContaining({ textNumber: 2, body: 'Trois ans nous conviennent.' }),
    ]);
    expect(
      (await ddo.post(`/api/agreements/${a.id}/comments`, { textNumber: 9, body: 'Hein ?' })).statusCode,
    ).toBe(422);

    const notParty = await fire(ddo, a, 'approveForOffice');
    expect(notParty.statusCode).toBe(403);
    expect(notParty.json().refusal.code).toBe('notParty');
    a = (await fire(director, a, 'approveForOffice')).json();
    expect(a.state).toBe('approvedByOffice');
    const late = await director.post(`/api/agreements/${a.id}/texts`, { body: 'Une autre version.' });
    expect(late.statusCode).toBe(409);
    expect((await fire(director, a, 'approveForDdo')).statusCode).toBe(403);
    a = (await fire(ddo, a, 'approveForDdo')).json();
    a = (await fire(ddo, a, 'activate')).json();
    expect(a.state).toBe('active');
    const early = await fire(ddo, a, 'close');
    expect(early.statusCode).toBe(422);
    expect(early.json().refusal.code).toBe('periodNotOver');
    const stale = await ddo.post(`/api/agreements/${a.id}/transitions`, {
      action: 'terminate',
      version: 1,
      input: { reason: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    expect((await fire(director, a, 'terminate')).statusCode).toBe(400);
    a = (
      await fire(director, a, 'terminate', { reason: 'La caisse reprend la maintenance en propre.' })
    ).json();
    expect(a.state).toBe('terminated');
    expect(a.lifecycles[0]?.reached.map((r) => r.state)).toEqual([
      'draft',
      'negotiation',
      'approvedByOffice',
      'approvedByDdo',
      'active',
      'terminated',
    ]);
    const audit = (await t.db.execute(
      sql`SELECT action FROM audit_events WHERE target_id = ${a.id} ORDER BY occurred_at, id`,
    )) as { rows: { action: string }[] };
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'agreement.create',
        'agreement.proposeText',
        'agreement.comment',
        'agreement.terminate',
      ]),
    );
  });

  it('closes at its term only, and an amendment is a new draft linked to the first', async () => {
    let a = await create();
    for (const [agent, action] of [
      [ddo, 'openNegotiation'],
      [director, 'approveForOffice'],
      [ddo, 'approveForDdo'],
      [ddo, 'activate'],
    ] as const)
      a = (await fire(agent, a, action)).json();
    expect((await ddo.post(`/api/agreements/${a.id}/amendments`)).statusCode).toBe(201);
    const second = (await ddo.post(`/api/agreements/${a.id}/amendments`)).json() as AgreementDto;
    expect(second).toMatchObject({
      state: 'draft',
      amendsId: a.id,
      amendmentNumber: 2,
      ceilingCents: a.ceilingCents,
    });
    expect(second.texts.map((x) => x.body)).toEqual([a.texts.at(-1)?.body]);
    expect(second.family.map((f) => f.amendmentNumber)).toEqual([0, 1, 2]);
    expect((await ddo.post(`/api/agreements/${second.id}/amendments`)).statusCode).toBe(409);

    await t.db.execute(sql`UPDATE agreements SET period_end = '2025-02' WHERE id = ${a.id}`);
    a = (await ddo.get(`/api/agreements/${a.id}`)).json();
    a = (await fire(ddo, a, 'close')).json();
    expect(a.state).toBe('closed');
  });

  it('generates its PDF with the figures', async () => {
    const a = await create();
    const pdf = await director.get(`/api/agreements/${a.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(2000);
  });
});
