import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { ProposalDto } from '../../common/schemas/proposals.ts';
import { calls } from '../db/schema.ts';
import { fireCall } from './call-fixtures.ts';
import type { Agent, TestContext } from './harness.ts';

/** A valid proposal for POST /api/calls/:id/proposals; override what the test is about. */
export function proposalBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Rendez-vous en ligne mutualisé',
    approach: '## Approche\n\nReprendre le module de rendez-vous existant et l’ouvrir aux caisses.',
    team: 'Deux développeurs, un chef de projet à mi-temps.',
    effortDays: 180,
    plannedStart: '2099-03-01',
    plannedEnd: '2099-09-30',
    ...overrides,
  };
}

export async function draftProposal(agent: Agent, callId: string, overrides: Record<string, unknown> = {}) {
  const response = await agent.post(`/api/calls/${callId}/proposals`, proposalBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as ProposalDto;
}

/** Fires a transition of a proposal at its current version (read as `agent`). */
export async function fireProposal(
  agent: Agent,
  id: string,
  action: string,
  input?: Record<string, unknown>,
) {
  const current = (await agent.get(`/api/proposals/${id}`)).json() as ProposalDto;
  return agent.post(`/api/proposals/${id}/transitions`, {
    action,
    version: current.version,
    ...(input ? { input } : {}),
  });
}

/** A proposal drafted by `developer` and submitted by `director` (same office). */
export async function submittedProposal(
  developer: Agent,
  director: Agent,
  callId: string,
  overrides: Record<string, unknown> = {},
) {
  const proposal = await draftProposal(developer, callId, overrides);
  const submitted = await fireProposal(director, proposal.id, 'submit');
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json() as ProposalDto;
}

/** The call closed for proposals (as the platform does at the deadline) and put under evaluation by its issuer. */
export async function callUnderEvaluation(t: TestContext, issuer: Agent, callId: string) {
  await t.db.update(calls).set({ state: 'closed' }).where(eq(calls.id, callId));
  const started = await fireCall(issuer, callId, 'startEvaluation');
  expect(started.statusCode, started.body).toBe(200);
}
