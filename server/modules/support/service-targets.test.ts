import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDto, TicketSummaryDto } from '../../../common/schemas/support.ts';
import { supportTickets } from '../../db/schema.ts';
import type { Agent, TestContext } from '../../test/harness.ts';
import { fireTicket, openTicket, supportTestContext, trainedDeveloper } from '../../test/support-fixtures.ts';

let t: TestContext;
let referent: Agent;
let ddsi: Agent;
beforeAll(async () => {
  ({ t, referent, ddsi } = await supportTestContext());
});
afterAll(() => t.close());

const days = (n: number) => new Date(Date.now() + n * 86_400_000);
const queue = async (agent: Agent, query: string) => {
  const response = await agent.get(`/api/support-tickets?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: TicketSummaryDto[] }>().items;
};

describe('service targets of support', () => {
  it('times each level’s first answer: a referent’s message, the escalation, the national team’s resolution', async () => {
    const developer = await trainedDeveloper(t);
    let ticket = await openTicket(developer.agent, { flow: 'starterKit' });
    expect(ticket.serviceTargets).toEqual([
      { level: 1, dueAt: expect.any(String), answeredAt: null, breached: false },
    ]);
    expect(ticket.answerDueAt).toBe(ticket.serviceTargets[0]?.dueAt);
    expect(new Date(ticket.answerDueAt ?? 0).getTime()).toBeGreaterThan(Date.now() + 86_400_000);
    expect(ticket.waitingWorkingDays).toBe(0);

    // The requester writing again is no answer.
    await developer.agent.post(`/api/support-tickets/${ticket.id}/messages`, { body: 'Une précision.' });
    const answered = await referent.post(`/api/support-tickets/${ticket.id}/messages`, {
      body: 'Regardons.',
    });
    ticket = answered.json<TicketDto>();
    expect(ticket.serviceTargets[0]?.answeredAt).toBe(ticket.firstAnsweredAt);
    expect(ticket.answerDueAt).toBeNull();
    expect(ticket.minutesToFirstAnswer).toBe(0);

    ticket = (await fireTicket(referent, ticket, 'escalate', { note: 'Pour l’équipe nationale.' })).json();
    expect(ticket.serviceTargets.map((s) => [s.level, s.answeredAt === null])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(ticket.answerDueAt).toBe(ticket.serviceTargets[1]?.dueAt);
    ticket = (await fireTicket(ddsi, ticket, 'resolveEscalated', { resolution: 'Corrigé en 3.2.1.' })).json();
    expect(ticket.serviceTargets[1]?.answeredAt).toBe(ticket.resolvedAt);
    expect(ticket).toMatchObject({ breached: false, answerDueAt: null, waitingWorkingDays: null });
    expect(ticket.minutesToResolution).toBe(0);
  });

  it('flags a late level in the queue, filters and sorts on it in the database', async () => {
    const developer = await trainedDeveloper(t);
    const late = await openTicket(developer.agent, { flow: 'starterKit', subject: 'En retard' });
    const soon = await openTicket(developer.agent, { flow: 'starterKit', subject: 'Bientôt dû' });
    const answeredLate = await openTicket(developer.agent, { flow: 'starterKit', subject: 'Répondu tard' });
    await t.db
      .update(supportTickets)
      .set({ createdAt: days(-6), level1DueAt: days(-2) })
      .where(eq(supportTickets.id, late.id));
    await t.db
      .update(supportTickets)
      .set({ level1DueAt: days(1) })
      .where(eq(supportTickets.id, soon.id));
    await t.db
      .update(supportTickets)
      .set({ level1DueAt: days(-3), level1AnsweredAt: days(-1) })
      .where(eq(supportTickets.id, answeredLate.id));

    const breached = (await queue(referent, 'level=1&breached=true')).map((i) => i.id);
    expect(breached).toEqual(expect.arrayContaining([late.id, answeredLate.id]));
    expect(breached).not.toContain(soon.id);
    expect((await queue(referent, 'breached=false')).map((i) => i.id)).toContain(soon.id);

    const byDue = (await queue(referent, 'level=1&sort=due')).map((i) => i.id);
    expect(byDue.indexOf(late.id)).toBeLessThan(byDue.indexOf(soon.id));
    // Answered: nothing more is due, it comes after the tickets still owed an answer.
    expect(byDue.indexOf(soon.id)).toBeLessThan(byDue.indexOf(answeredLate.id));
    const waiting = (await queue(referent, 'level=1')).map((i) => i.id);
    expect(waiting.indexOf(late.id)).toBeLessThan(waiting.indexOf(soon.id));

    const [row] = (await queue(referent, 'breached=true')).filter((i) => i.id === late.id);
    expect(row).toMatchObject({ breached: true, waitingWorkingDays: expect.any(Number) });
    expect(row?.waitingWorkingDays).toBeGreaterThanOrEqual(3);
    expect(row?.serviceTargets).toEqual([expect.objectContaining({ level: 1, breached: true })]);
  });

  it('answers a bad filter in French', async () => {
    const response = await referent.get('/api/support-tickets?breached=maybe&sort=age');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.body).toMatch(/breached vaut true ou false/);
    expect(response.body).toMatch(/Le tri vaut waiting ou due/);
  });
});

describe('a resolved starter-kit ticket becomes a referential page', () => {
  it('is proposed once by its referent, with its question and answer, and links both ways', async () => {
    const developer = await trainedDeveloper(t);
    let ticket = await openTicket(developer.agent, { flow: 'starterKit', subject: 'Jeton CSRF et Turbo' });
    expect(ticket.canProposeToReferential).toBe(false);
    const early = await referent.post(`/api/support-tickets/${ticket.id}/referential-proposal`);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/Seul un ticket résolu/);

    ticket = (
      await fireTicket(referent, ticket, 'resolve', { resolution: 'Activez csrf_protection.' })
    ).json();
    expect(ticket.canProposeToReferential).toBe(true);
    const asRequester = await developer.agent.get(`/api/support-tickets/${ticket.id}`);
    expect(asRequester.json<TicketDto>().canProposeToReferential).toBe(false);
    expect(
      (await developer.agent.post(`/api/support-tickets/${ticket.id}/referential-proposal`)).statusCode,
    ).toBe(403);

    const made = await referent.post(`/api/support-tickets/${ticket.id}/referential-proposal`);
    expect(made.statusCode, made.body).toBe(201);
    ticket = made.json<TicketDto>();
    expect(ticket).toMatchObject({
      referentialProposalId: expect.any(String),
      canProposeToReferential: false,
    });
    const proposal = (
      await referent.get(`/api/referential/proposals/${ticket.referentialProposalId}`)
    ).json();
    expect(proposal).toMatchObject({ title: 'Jeton CSRF et Turbo', category: 'starterKit', state: 'open' });
    expect(proposal.body).toContain('la connexion échoue');
    expect(proposal.body).toContain('Activez csrf_protection.');
    expect(proposal.rationale).toContain(`/support/${ticket.id}`);

    const again = await ddsi.post(`/api/support-tickets/${ticket.id}/referential-proposal`);
    expect(again.statusCode).toBe(409);
  });
});
