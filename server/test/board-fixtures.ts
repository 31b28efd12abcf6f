import type { MeetingDto } from '../../common/schemas/board.ts';
import type { Agent } from './harness.ts';

/** Helpers of the board's tests: each fails the test on an unexpected status. */

const ok = async (
  response: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status: number,
) => {
  const r = await response;
  if (r.statusCode !== status) throw new Error(`expected ${status}, got ${r.statusCode}: ${r.body}`);
  return r.json();
};

export const evolutionRequest = (overrides: Record<string, unknown> = {}) => ({
  kind: 'evolution',
  title: 'Exporter le registre des décisions en tableur',
  reason: 'Les caisses veulent reprendre les décisions dans leurs tableaux de bord locaux.',
  evolutionTarget: 'portal',
  ...overrides,
});

export async function submitEvolution(agent: Agent, overrides: Record<string, unknown> = {}) {
  return (await ok(agent.post('/api/board/requests', evolutionRequest(overrides)), 201)) as { id: string };
}

export async function planMeeting(runner: Agent, meetingOn = '2031-03-12', itemIds: string[] = []) {
  let meeting = (await ok(
    runner.post('/api/board/meetings', { title: `Séance du ${meetingOn}`, meetingOn, location: 'Paris' }),
    201,
  )) as MeetingDto;
  for (const itemId of itemIds)
    meeting = (await ok(
      runner.post(`/api/board/meetings/${meeting.id}/agenda`, { itemId }),
      200,
    )) as MeetingDto;
  return meeting;
}

export async function fireMeeting(
  runner: Agent,
  id: string,
  action: string,
  input?: Record<string, unknown>,
) {
  const current = (await runner.get(`/api/board/meetings/${id}`)).json() as MeetingDto;
  return runner.post(`/api/board/meetings/${id}/transitions`, {
    action,
    version: current.version,
    ...(input ? { input } : {}),
  });
}

export async function writeMinutes(runner: Agent, id: string) {
  const current = (await runner.get(`/api/board/meetings/${id}`)).json() as MeetingDto;
  return (await ok(
    runner.patch(`/api/board/meetings/${id}`, {
      version: current.version,
      attendance: ['Claire Martin — DDO', 'Paul Durand — DDSI', 'Inès Robert — CPAM du Rhône'],
      minutes: '## Séance\n\nLes points inscrits ont été examinés.',
    }),
    200,
  )) as MeetingDto;
}

export const decisionBody = (itemId: string, overrides: Record<string, unknown> = {}) => ({
  itemId,
  question: 'Faut-il donner suite à cette demande ?',
  options: ['Approuver', 'Rejeter'],
  outcome: 'approved',
  statement: "L'instance approuve la demande.",
  rationale: 'Le besoin est partagé par plusieurs caisses du réseau.',
  voteMode: 'consensus',
  ...overrides,
});

export async function decide(
  runner: Agent,
  meetingId: string,
  itemId: string,
  overrides: Record<string, unknown> = {},
) {
  return (await ok(
    runner.post(`/api/board/meetings/${meetingId}/decisions`, decisionBody(itemId, overrides)),
    201,
  )) as MeetingDto;
}

/** A meeting with these items, held, its decisions drafted (approved by consensus unless said) and published. */
export async function publishedMeeting(
  runner: Agent,
  meetingOn: string,
  decisions: { itemId: string; overrides?: Record<string, unknown> }[],
) {
  const meeting = await planMeeting(
    runner,
    meetingOn,
    decisions.map((d) => d.itemId),
  );
  await ok(fireMeeting(runner, meeting.id, 'hold'), 200);
  await writeMinutes(runner, meeting.id);
  for (const d of decisions) await decide(runner, meeting.id, d.itemId, d.overrides);
  return (await ok(fireMeeting(runner, meeting.id, 'publishMinutes'), 200)) as MeetingDto;
}
