import { expect } from 'vitest';
import type { CallDto } from '../../common/schemas/calls.ts';
import type { Agent } from './harness.ts';

/** A valid call for POST /api/calls, far enough ahead that it may be published; override what the test is about. */
export function callBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Prise de rendez-vous en ligne des assurés',
    context: '## Contexte\n\nLes accueils saturent : les assurés veulent prendre rendez-vous en ligne.',
    expectedOutcome: 'Une application mutualisable par toutes les caisses.',
    scope: 'national',
    domainCode: 'relation-client',
    effortDays: 400,
    criteria: [
      { label: 'Valeur pour les assurés', weight: 60 },
      { label: 'Capacité de réutilisation', weight: 40 },
    ],
    questionsUntil: '2099-01-10',
    proposalsUntil: '2099-01-15',
    selectionBy: '2099-02-01',
    ...overrides,
  };
}

/** Creates a call as `agent` and answers its JSON; fails the test on anything but 201. */
export async function draftCall(agent: Agent, overrides: Record<string, unknown> = {}): Promise<CallDto> {
  const response = await agent.post('/api/calls', callBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** Fires a transition of a call at its current version (read as `agent`). */
export async function fireCall(agent: Agent, id: string, action: string, input?: Record<string, unknown>) {
  const current = (await agent.get(`/api/calls/${id}`)).json() as CallDto;
  return agent.post(`/api/calls/${id}/transitions`, {
    action,
    version: current.version,
    ...(input ? { input } : {}),
  });
}

/** A call drafted and published by `issuer`. */
export async function publishedCall(issuer: Agent, overrides: Record<string, unknown> = {}) {
  const call = await draftCall(issuer, overrides);
  const published = await fireCall(issuer, call.id, 'publish');
  expect(published.statusCode, published.body).toBe(200);
  return published.json() as CallDto;
}
