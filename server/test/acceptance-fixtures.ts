import { expect } from 'vitest';
import type { CampaignDto } from '../../common/schemas/acceptance.ts';
import type { EvaluationDto } from '../../common/schemas/evaluation.ts';
import {
  answer,
  type EvaluationPeople,
  evaluatedProject,
  requirementsOf,
  review,
} from './evaluation-fixtures.ts';
import type { Agent } from './harness.ts';

/**
 * A project of the developer's office whose evaluation has no blocking item left: every requirement
 * answered by the developer and validated by its section's reviewer, through the API.
 */
export async function evaluatedWithoutBlockingItem(
  p: EvaluationPeople,
  track: 'labelling' | 'homologation' = 'labelling',
  overrides: Record<string, unknown> = {},
) {
  const { project, evaluation: started } = await evaluatedProject(p.developer, track, overrides);
  return { project, evaluation: await clearBlockingItems(p, started) };
}

/** A catalogue sheet of the developer's office, evaluated under the transitional procedure without blocking item. */
export async function evaluatedSheetWithoutBlockingItem(p: EvaluationPeople, sheetId: string) {
  const started = await p.developer.post('/api/evaluations', { applicationId: sheetId });
  expect(started.statusCode, started.body).toBe(201);
  return clearBlockingItems(p, started.json() as EvaluationDto);
}

async function clearBlockingItems(p: EvaluationPeople, started: EvaluationDto) {
  let evaluation: EvaluationDto = started;
  for (const requirement of requirementsOf(started))
    evaluation = await answer(p.developer, evaluation, requirement.code);
  const reviewerOf = {
    itDirectorate: p.ddsi,
    operationsDirectorate: p.ddo,
    nationalAccountant: p.accountant,
  } as const;
  for (const requirement of requirementsOf(evaluation)) {
    const response = await review(
      reviewerOf[requirement.section.reviewer],
      evaluation,
      requirement.code,
      'validate',
    );
    expect(response.statusCode, response.body).toBe(200);
    evaluation = response.json();
  }
  expect(evaluation.blockingItems).toEqual([]);
  return evaluation;
}

/** Sends a request and expects `status`; returns the campaign answered. */
export async function expectCampaign(
  response: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status = 200,
) {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as CampaignDto;
}

/** Fires a campaign transition at the campaign's current version. */
export async function fireCampaign(
  agent: Agent,
  campaignId: string,
  action: string,
  input?: Record<string, unknown>,
) {
  const current = (await agent.get(`/api/acceptance-campaigns/${campaignId}`)).json() as CampaignDto;
  return agent.post(`/api/acceptance-campaigns/${campaignId}/transitions`, {
    action,
    version: current.version,
    ...(input ? { input } : {}),
  });
}

/** Expects a problem+json in French with `status`; returns it. */
export async function problem(
  response: Promise<{ statusCode: number; body: string; headers: Record<string, unknown>; json(): unknown }>,
  status: number,
) {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  expect(String(r.headers['content-type'])).toContain('application/problem+json');
  const body = r.json() as { detail: string; errors?: { field: string }[]; refusal?: { code: string } };
  expect(body.detail).toMatch(/[a-zàéèêç]/i);
  return body;
}

/** A campaign body for the national acceptance centre with `testerIds`. */
export const campaignBody = (
  subject: { projectId?: string; applicationId?: string },
  testerIds: string[],
) => ({
  title: 'Recette nationale de la version 2.1',
  ...subject,
  versionLabel: '2.1.0',
  runnerKind: 'nationalCentre',
  testerIds,
  plannedStart: '2026-09-01',
  plannedEnd: '2026-09-30',
});
