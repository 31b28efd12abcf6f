import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementDto } from '../../../common/schemas/agreements.ts';
import type { BoardItemDto } from '../../../common/schemas/board.ts';
import { compensationCast } from '../../test/compensation-fixtures.ts';
import { type Agent, createTestContext, signUp, type TestContext } from '../../test/harness.ts';

/** An agreement approved by its office's director waits for the DDO: the governance board sees it on its agenda. */
let t: TestContext;
let ddo: Agent;
let director: Agent;
let board: Agent;
let office: string;
let applicationId: string;
beforeAll(async () => {
  t = await createTestContext();
  ({ ddo, director, office, applicationId } = await compensationCast(t));
  board = (await signUp(t, { roles: ['governanceBoard'], organisationCode: 'CNAM-DDO' })).agent;
});
afterAll(() => t.close());

async function agreementUnderNegotiation(title: string) {
  const created = await ddo.post('/api/agreements', {
    title,
    organisationId: office,
    target: { kind: 'application', applicationId },
    officeSignatory: 'Directrice de la CPAM du Bas-Rhin',
    ddoSignatory: 'Directeur délégué aux opérations',
    periodStart: '2025-01',
    periodEnd: '2099-12',
    valuation: 'flat',
    flatAmountCents: 1_200_000,
    ceilingCents: 1_500_000,
    commitments: ['maintenance'],
    commitmentNote: '',
    statementFrequency: 'annual',
    text: 'Article 1 — Objet.',
  });
  expect(created.statusCode, created.body).toBe(201);
  return fire(ddo, created.json(), 'openNegotiation');
}
async function fire(agent: Agent, a: AgreementDto, action: string, input?: unknown) {
  const response = await agent.post(`/api/agreements/${a.id}/transitions`, {
    action,
    version: a.version,
    ...(input ? { input } : {}),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as AgreementDto;
}
const agendaOf = async (agreementId: string) =>
  ((await board.get('/api/board/items')).json().items as BoardItemDto[]).filter(
    (i) => i.agreement?.id === agreementId,
  );

describe('pending agreements on the board’s agenda', () => {
  it('appear when the office’s director approves, once, naming the agreement', async () => {
    const negotiated = await agreementUnderNegotiation('Maintenance des arrêts de travail');
    expect(await agendaOf(negotiated.id)).toEqual([]);
    const approved = await fire(director, negotiated, 'approveForOffice');
    const items = await agendaOf(approved.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'agreement',
      state: 'waiting',
      title: 'Convention « Maintenance des arrêts de travail »',
      agreement: { id: approved.id, title: 'Maintenance des arrêts de travail' },
      office: 'CPAM du Bas-Rhin',
    });
    expect(items[0]?.reason).toMatch(/attend l'approbation de la DDO.*plafond 15\s000 €/);
    // The DDO's approval is the agreement's own: the item stays until the board decides on it.
    await fire(ddo, approved, 'approveForDdo');
    expect(await agendaOf(approved.id)).toHaveLength(1);
    const item = (await board.get(`/api/board/items/${items[0]?.id}`)).json() as BoardItemDto;
    expect(item.agreement?.id).toBe(approved.id);
  });

  it('are not drawn for an agreement still under negotiation, nor terminated before approval', async () => {
    const negotiated = await agreementUnderNegotiation('Animation du club des développeurs');
    await fire(ddo, negotiated, 'terminate', { reason: 'Le club est repris par la DDSI.' });
    expect(await agendaOf(negotiated.id)).toEqual([]);
  });
});
