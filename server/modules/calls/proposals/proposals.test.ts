import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalDto, ProposalListDto } from '../../../../common/schemas/proposals.ts';
import { calls, organisations } from '../../../db/schema.ts';
import { publishedCall } from '../../../test/call-fixtures.ts';
import { type Agent, createTestContext, signUp, type TestContext } from '../../../test/harness.ts';
import { draftProposal, fireProposal, proposalBody } from '../../../test/proposal-fixtures.ts';

let t: TestContext;
let sponsor: Agent; // CNAM-DDGOS, issues national calls
let director: Agent; // CPAM du Bas-Rhin (Grand Est)
let developer: Agent; // CPAM du Bas-Rhin
let farDirector: Agent; // CPAM du Rhône (Auvergne-Rhône-Alpes)
let farDeveloper: Agent; // CPAM du Rhône
let partnerDirector: Agent; // CPAM de la Marne (Grand Est)
let partnerDeveloper: Agent; // CPAM de la Marne
const office = async (code: string) =>
  (await t.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.code, code)))[0]
    ?.id as string;

beforeAll(async () => {
  t = await createTestContext();
  const as = async (roles: Parameters<typeof signUp>[1]['roles'], organisationCode: string) =>
    (await signUp(t, { roles, organisationCode })).agent;
  sponsor = await as(['sponsor'], 'CNAM-DDGOS');
  director = await as(['officeDirector'], 'CPAM-67');
  developer = await as(['developer'], 'CPAM-67');
  farDirector = await as(['officeDirector'], 'CPAM-69');
  farDeveloper = await as(['developer'], 'CPAM-69');
  partnerDirector = await as(['officeDirector'], 'CPAM-51');
  partnerDeveloper = await as(['developer'], 'CPAM-51');
}, 120_000);
afterAll(() => t.close());

const problem = async (
  response: Promise<{ statusCode: number; body: string; headers: Record<string, unknown>; json(): unknown }>,
  status: number,
) => {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  expect(r.headers['content-type']).toContain('application/problem+json');
  return r.json() as {
    detail: string;
    errors?: { field: string; message: string }[];
    refusal?: { code: string };
  };
};
const listed = async (agent: Agent, callId: string) =>
  ((await agent.get(`/api/calls/${callId}/proposals`)).json() as ProposalListDto).items.map((p) => p.id);

describe('drafting a proposal', () => {
  it('is the proposing office’s own draft: the issuer neither sees nor lists it before submission', async () => {
    const call = await publishedCall(sponsor);
    const proposal = await draftProposal(developer, call.id);
    expect(proposal).toMatchObject({ state: 'draft', office: { code: 'CPAM-67' }, effortDays: 180 });
    expect(await listed(director, call.id)).toContain(proposal.id);
    expect(await listed(sponsor, call.id)).not.toContain(proposal.id);
    await problem(sponsor.get(`/api/proposals/${proposal.id}`), 404);
    await problem(farDirector.get(`/api/proposals/${proposal.id}`), 404);
  });

  it('refuses a bad body in French, naming each field', async () => {
    const call = await publishedCall(sponsor);
    const bad = await problem(
      developer.post(`/api/calls/${call.id}/proposals`, proposalBody({ title: '', effortDays: -3 })),
      400,
    );
    expect(bad.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['title', 'effortDays']));
    const dates = await problem(
      developer.post(`/api/calls/${call.id}/proposals`, proposalBody({ plannedEnd: '2099-01-01' })),
      400,
    );
    expect(dates.errors?.[0]).toMatchObject({
      field: 'plannedEnd',
      message: 'La date de fin prévue suit la date de début.',
    });
    const reuse = await problem(
      developer.post(
        `/api/calls/${call.id}/proposals`,
        proposalBody({ reusedApplicationIds: ['00000000-0000-4000-8000-000000000000'] }),
      ),
      422,
    );
    expect(reuse.errors?.[0]?.field).toBe('reusedApplicationIds');
    const self = await problem(
      developer.post(
        `/api/calls/${call.id}/proposals`,
        proposalBody({ partnerOfficeIds: [await office('CPAM-67')] }),
      ),
      422,
    );
    expect(self.errors?.[0]?.field).toBe('partnerOfficeIds');
    await problem(developer.post(`/api/calls/${call.id}/proposals`, { ...proposalBody(), surprise: 1 }), 400);
    await problem(sponsor.post(`/api/calls/${call.id}/proposals`, proposalBody()), 403);
  });

  it('is refused to an office outside a regional call (403, in French), taken from one inside', async () => {
    const call = await publishedCall(sponsor, { scope: 'regional', region: 'grand-est' });
    const outside = await problem(farDeveloper.post(`/api/calls/${call.id}/proposals`, proposalBody()), 403);
    expect(outside.detail).toContain("n'est pas dans la région de cet appel régional");
    await draftProposal(developer, call.id);
  });

  it('is refused once the deadline has passed or the call is closed (409), and submission too (422)', async () => {
    const call = await publishedCall(sponsor);
    const proposal = await draftProposal(developer, call.id);
    await t.db
      .update(calls)
      .set({ questionsUntil: '2020-01-01', proposalsUntil: '2020-01-02' })
      .where(eq(calls.id, call.id));
    const late = await problem(developer.post(`/api/calls/${call.id}/proposals`, proposalBody()), 409);
    expect(late.detail).toContain('La date limite des propositions (2020-01-02) est passée');
    expect((await problem(fireProposal(director, proposal.id, 'submit'), 422)).refusal?.code).toBe(
      'deadlinePassed',
    );
    await t.db.update(calls).set({ state: 'closed' }).where(eq(calls.id, call.id));
    const closed = await problem(developer.post(`/api/calls/${call.id}/proposals`, proposalBody()), 409);
    expect(closed.detail).toContain("n'est pas ouvert aux propositions");
    expect((await problem(fireProposal(director, proposal.id, 'submit'), 422)).refusal?.code).toBe(
      'callNotOpen',
    );
  });
});

describe('the lifecycle of a proposal', () => {
  it('goes draft → awaiting the director → sent back → submitted by the director, then frozen', async () => {
    const call = await publishedCall(sponsor);
    const draft = await draftProposal(developer, call.id);
    // The developer asks; only the director approves.
    expect((await fireProposal(developer, draft.id, 'requestApproval')).json().state).toBe(
      'awaitingApproval',
    );
    const notDirector = await problem(fireProposal(developer, draft.id, 'submit'), 403);
    expect(notDirector.refusal?.code).toBe('notParty');
    expect(notDirector.detail).toContain("de l'organisme qui propose");
    await problem(developer.patch(`/api/proposals/${draft.id}`, { version: 2, team: 'Trois' }), 409);
    const back = await fireProposal(director, draft.id, 'sendBack', {
      reason: 'Chiffrez l’effort de recette.',
    });
    expect(back.json().state).toBe('draft');
    // The office reads why on the proposal itself while it is a draft again.
    const reread = (await developer.get(`/api/proposals/${draft.id}`)).json() as ProposalDto;
    expect(reread.sentBack).toEqual({
      reason: 'Chiffrez l’effort de recette.',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      by: expect.any(String),
    });
    const edited = await developer.patch(`/api/proposals/${draft.id}`, { version: 3, effortDays: 220 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().sentBack?.reason).toBe('Chiffrez l’effort de recette.');
    const asked = (await fireProposal(developer, draft.id, 'requestApproval')).json() as ProposalDto;
    expect(asked.sentBack).toBeNull();
    const submitted = (await fireProposal(director, draft.id, 'submit')).json() as ProposalDto;
    expect(submitted).toMatchObject({ state: 'submitted', effortDays: 220 });
    // Frozen: no edit, even by the director; the issuer now reads it.
    const frozen = await problem(
      director.patch(`/api/proposals/${draft.id}`, { version: submitted.version, team: 'X' }),
      409,
    );
    expect(frozen.detail).toContain('figée');
    expect(await listed(sponsor, call.id)).toContain(draft.id);
    expect((await sponsor.get(`/api/proposals/${draft.id}`)).statusCode).toBe(200);
    // Another office neither reads nor moves it.
    await problem(farDirector.get(`/api/proposals/${draft.id}`), 404);
  });

  it('is withdrawn by its office with a reason, never selected by a person', async () => {
    const call = await publishedCall(sponsor);
    const proposal = await draftProposal(developer, call.id);
    await fireProposal(director, proposal.id, 'submit');
    // The platform selects, on the call's selection: not the office, not the issuer.
    for (const action of ['select', 'reject']) {
      const refused = await problem(
        fireProposal(director, proposal.id, action, { rationale: 'Choisie.' }),
        403,
      );
      expect(refused.refusal?.code).toBe('notParty');
      await problem(fireProposal(sponsor, proposal.id, action, { rationale: 'Choisie.' }), 403);
    }
    const bare = await problem(fireProposal(developer, proposal.id, 'withdraw'), 400);
    expect(bare.errors?.[0]?.field).toBe('input.reason');
    const withdrawn = await fireProposal(developer, proposal.id, 'withdraw', {
      reason: 'Le besoin est couvert ailleurs.',
    });
    expect(withdrawn.json().state).toBe('withdrawn');
    await problem(fireProposal(director, proposal.id, 'submit'), 409);
  });

  it('is submitted once every partner office has confirmed its participation (its director)', async () => {
    const call = await publishedCall(sponsor);
    const marne = await office('CPAM-51');
    const proposal = await draftProposal(developer, call.id, { partnerOfficeIds: [marne] });
    const waiting = await problem(fireProposal(director, proposal.id, 'submit'), 422);
    expect(waiting.refusal?.code).toBe('partnersUnconfirmed');
    // The partner office reads it; its developer may not confirm, nor another office's director.
    expect(await listed(partnerDeveloper, call.id)).toContain(proposal.id);
    const confirm = (agent: Agent) =>
      agent.post(`/api/proposals/${proposal.id}/partners/${marne}/confirmation`);
    await problem(confirm(partnerDeveloper), 403);
    await problem(confirm(director), 403);
    const confirmed = (await confirm(partnerDirector)).json() as ProposalDto;
    expect(confirmed.partners[0]).toMatchObject({ code: 'CPAM-51' });
    expect(confirmed.partners[0]?.confirmedAt).not.toBeNull();
    expect((await fireProposal(director, proposal.id, 'submit')).json().state).toBe('submitted');
  });
});

describe('the search for similar items', () => {
  it('finds published calls and submitted proposals, never a draft proposal', async () => {
    const call = await publishedCall(sponsor, { title: 'Téléconsultation des kinésithérapeutes libéraux' });
    const submitted = await draftProposal(developer, call.id, {
      title: 'Plateforme de téléconsultation kinésithérapie',
      approach: 'Une plateforme de téléconsultation pour les kinésithérapeutes libéraux et leurs patients.',
    });
    await fireProposal(director, submitted.id, 'submit');
    const draft = await draftProposal(developer, call.id, {
      title: 'Téléconsultation kinésithérapie en brouillon',
      approach:
        'Une plateforme de téléconsultation pour les kinésithérapeutes libéraux, encore en brouillon.',
    });
    const found = await farDirector.post('/api/similar', {
      title: 'Téléconsultation kinésithérapeutes',
      text: 'plateforme de téléconsultation pour kinésithérapeutes libéraux',
      kinds: ['call', 'proposal'],
      limit: 20,
    });
    expect(found.statusCode, found.body).toBe(200);
    const items = (found.json() as { items: { kind: string; id: string }[] }).items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'call', id: call.id }),
        expect.objectContaining({ kind: 'proposal', id: submitted.id }),
      ]),
    );
    expect(items.map((i) => i.id)).not.toContain(draft.id);
  });
});
