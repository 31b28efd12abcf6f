import { expect } from 'vitest';
import type { TicketDto } from '../../common/schemas/support.ts';
import { markTrained } from '../modules/community/developers.queries.ts';
import { type Agent, createTestContext, signUp, type TestContext } from './harness.ts';

/** A database with the two answering sides of the Grand Est: its referent (level 1) and the DDSI (level 2). */
export async function supportTestContext() {
  const t = await createTestContext();
  // The CPAM du Bas-Rhin is the letter's referent for the Grand Est.
  const referent = (await signUp(t, { roles: ['referent'], organisationCode: 'CPAM-67' })).agent;
  const ddsi = (await signUp(t, { roles: ['itDirectorate'], organisationCode: 'CNAM-DDSI' })).agent;
  return { t, referent, ddsi };
}

/** A developer of an office (of the Grand Est by default) who followed the starter-kit training. */
export async function trainedDeveloper(t: TestContext, code = 'CPAM-68') {
  const { user, agent } = await signUp(t, { roles: ['developer'], organisationCode: code });
  await markTrained(t.db, user.id, '2026-06-12');
  return { user, agent };
}

/** Opens a ticket (a starter-kit question unless the body says otherwise); 201 expected. */
export async function openTicket(agent: Agent, body: Record<string, unknown>) {
  const response = await agent.post('/api/support-tickets', {
    subject: 'Le bundle de sécurité refuse mon jeton',
    description: 'Après la mise à jour 3.2 du starter kit, la connexion échoue avec une erreur 500.',
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TicketDto>();
}

/** Fires a transition of the ticket's flow at the version read. */
export const fireTicket = (agent: Agent, ticket: TicketDto, action: string, input?: unknown) =>
  agent.post(
    `/api/${ticket.flow === 'starterKit' ? 'starter-kit' : 'application'}-tickets/${ticket.id}/transitions`,
    { action, version: ticket.version, ...(input === undefined ? {} : { input }) },
  );
