import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallDto, CallPageDto } from '../../../common/schemas/calls.ts';
import { auditEvents, calls } from '../../db/schema.ts';
import { DEADLINES_JOB } from '../../jobs/jobs.ts';
import { fireDueTransitions } from '../../lib/lifecycle.ts';
import { systemActor } from '../../lib/policy.ts';
import { callBody, draftCall, fireCall, publishedCall } from '../../test/call-fixtures.ts';
import { uploadFile } from '../../test/catalog-fixtures.ts';
import { type Agent, createTestContext, signUp, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let sponsor: Agent;
let otherSponsor: Agent;
let director: Agent; // CPAM du Bas-Rhin, Grand Est
let developer: Agent; // CPAM du Bas-Rhin
let farDirector: Agent; // CPAM du Rhône, Auvergne-Rhône-Alpes

beforeAll(async () => {
  t = await createTestContext();
  const as = async (roles: Parameters<typeof signUp>[1]['roles'], organisationCode: string) =>
    signUp(t, { roles, organisationCode });
  sponsor = (await as(['sponsor'], 'CNAM-DDGOS')).agent;
  otherSponsor = (await as(['sponsor'], 'CNAM-DRP')).agent;
  director = (await as(['officeDirector'], 'CPAM-67')).agent;
  developer = (await as(['developer'], 'CPAM-67')).agent;
  farDirector = (await as(['officeDirector'], 'CPAM-69')).agent;
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
const list = async (agent: Agent, query = '') =>
  (await agent.get(`/api/calls?pageSize=100${query}`)).json() as CallPageDto;

describe('drafting a call', () => {
  it('is a draft of the issuer, seen by its own office only (404 elsewhere, absent from lists)', async () => {
    const call = await draftCall(sponsor, { title: 'Appel en préparation DDGOS' });
    expect(call).toMatchObject({ state: 'draft', scope: 'national', issuer: { code: 'CNAM-DDGOS' } });
    expect((await list(sponsor)).items.map((c) => c.id)).toContain(call.id);
    expect((await list(director)).items.map((c) => c.id)).not.toContain(call.id);
    await problem(director.get(`/api/calls/${call.id}`), 404);
  });

  it('refuses a bad body in French, naming each field', async () => {
    const order = await problem(
      sponsor.post('/api/calls', callBody({ questionsUntil: '2099-01-20', selectionBy: '2099-01-01' })),
      400,
    );
    expect(order.errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['questionsUntil', 'selectionBy']),
    );
    const regional = await problem(sponsor.post('/api/calls', callBody({ scope: 'regional' })), 400);
    expect(regional.errors?.[0]).toMatchObject({
      field: 'region',
      message: 'Un appel régional nomme sa région.',
    });
    const weight = await problem(
      sponsor.post('/api/calls', callBody({ criteria: [{ label: 'Coût', weight: 0 }] })),
      400,
    );
    expect(weight.errors?.[0]?.field).toBe('criteria.0.weight');
    const domain = await problem(sponsor.post('/api/calls', callBody({ domainCode: 'inconnu' })), 422);
    expect(domain.errors?.[0]?.field).toBe('domainCode');
    await problem(sponsor.post('/api/calls', { ...callBody(), surprise: true }), 400);
  });

  it('is for directors, sponsors and administrators, in the name of their own office', async () => {
    await problem(developer.post('/api/calls', callBody()), 403);
    const other = await problem(
      director.post('/api/calls', callBody({ issuerId: (await draftCall(sponsor)).issuer.id })),
      403,
    );
    expect(other.detail).toContain('au nom de votre organisme');
  });

  it('is edited at the version read, by its issuer only; a stale version is a 409', async () => {
    const call = await draftCall(director, { scope: 'local', officeIds: [] });
    const edited = await director.patch(`/api/calls/${call.id}`, { version: 1, title: 'Appel renommé' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Appel renommé', version: 2 });
    await problem(director.patch(`/api/calls/${call.id}`, { version: 1, title: 'Encore' }), 409);
    await problem(farDirector.patch(`/api/calls/${call.id}`, { version: 2, title: 'Pas à moi' }), 404);
    const late = await problem(
      director.patch(`/api/calls/${call.id}`, { version: 2, proposalsUntil: '2099-03-01' }),
      422,
    );
    expect(late.errors?.[0]?.field).toBe('selectionBy');
  });
});

describe('the lifecycle of a call', () => {
  it('publishes only with criteria weighing 100, a named audience and a deadline ahead', async () => {
    const weights = await draftCall(sponsor, { criteria: [{ label: 'Valeur', weight: 70 }] });
    const refused = await problem(fireCall(sponsor, weights.id, 'publish'), 422);
    expect(refused.refusal?.code).toBe('weightsNot100');
    expect(refused.detail).toContain('totalisent 70');

    const local = await draftCall(director, { scope: 'local' });
    expect((await problem(fireCall(director, local.id, 'publish'), 422)).refusal?.code).toBe(
      'scopeIncomplete',
    );

    const past = await draftCall(sponsor, {
      questionsUntil: '2020-01-01',
      proposalsUntil: '2020-01-02',
      selectionBy: '2020-02-01',
    });
    expect((await problem(fireCall(sponsor, past.id, 'publish'), 422)).refusal?.code).toBe('deadlinePassed');
  });

  it('is moved by the issuer only: another directorate or a developer gets 403 naming who may', async () => {
    const call = await draftCall(sponsor);
    const other = await problem(
      otherSponsor.post(`/api/calls/${call.id}/transitions`, { action: 'publish', version: 1 }),
      403,
    );
    expect(other.refusal?.code).toBe('notParty');
    expect(other.detail).toContain("de l'émetteur de l'appel");
    // The developer does not see the draft at all.
    await problem(
      developer.post(`/api/calls/${call.id}/transitions`, { action: 'publish', version: 1 }),
      403,
    );
  });

  it('goes published → closed (by the platform only) → under evaluation → decided (by the selection) → archived', async () => {
    const call = await publishedCall(sponsor);
    expect(call.state).toBe('published');
    expect((await problem(fireCall(sponsor, call.id, 'close'), 403)).refusal?.code).toBe('notParty');
    await t.db.update(calls).set({ state: 'closed' }).where(eq(calls.id, call.id));
    expect((await fireCall(sponsor, call.id, 'startEvaluation')).json().state).toBe('underEvaluation');
    // Only the selection decides a call (proposals/selection.test.ts): never the transition on its own.
    const direct = await problem(fireCall(sponsor, call.id, 'decide', { rationale: 'Sans sélection.' }), 403);
    expect(direct.refusal?.code).toBe('notParty');
    await t.db.update(calls).set({ state: 'decided' }).where(eq(calls.id, call.id));
    await problem(fireCall(sponsor, call.id, 'cancel', { reason: 'Trop tard' }), 409);
    const archived = (await fireCall(sponsor, call.id, 'archive')).json() as CallDto;
    expect(archived.state).toBe('archived');
    expect(archived.lifecycles[0]?.reached.map((r) => r.state)).toEqual(
      expect.arrayContaining(['draft', 'published', 'underEvaluation', 'archived']),
    );
  });

  it('is cancelled with a reason, which its history shows', async () => {
    const call = await publishedCall(sponsor);
    const bare = await problem(fireCall(sponsor, call.id, 'cancel', { reason: '' }), 400);
    expect(bare.errors?.[0]?.field).toBe('input.reason');
    const cancelled = (
      await fireCall(sponsor, call.id, 'cancel', { reason: 'Le besoin est couvert.' })
    ).json() as CallDto;
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.lifecycles[0]?.reached.at(-1)?.input[0]?.value).toBe('Le besoin est couvert.');
  });

  it('closes at midnight after the "proposals until" day, Paris time, audited as the system', async () => {
    const call = await publishedCall(sponsor, { proposalsUntil: '2099-01-15' });
    const system = {
      actor: null,
      system: systemActor(DEADLINES_JOB),
      db: t.db,
      log: t.app.log,
      requestId: null,
    };
    const fire = (now: string) =>
      fireDueTransitions(system, t.app.deps.authorizer, t.app.deps.bindings, new Date(now));
    // 23:59 in Paris (UTC+1 in January): still open.
    expect((await fire('2099-01-15T22:59:00Z')).fired.filter((f) => f.id === call.id)).toEqual([]);
    expect((await sponsor.get(`/api/calls/${call.id}`)).json().state).toBe('published');
    // Midnight in Paris.
    expect((await fire('2099-01-15T23:00:00Z')).fired).toContainEqual({
      lifecycle: 'call',
      transition: 'close',
      id: call.id,
    });
    const closed = (await sponsor.get(`/api/calls/${call.id}`)).json() as CallDto;
    expect(closed.state).toBe('closed');
    expect(closed.closesAt).toBe('2099-01-15T23:00:00.000Z');
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, call.id), eq(auditEvents.action, 'call.close')));
    expect(event).toMatchObject({ actorKind: 'system', actorUserId: null, details: { job: DEADLINES_JOB } });
    // A summer deadline closes at 22:00 UTC.
    const summer = await publishedCall(sponsor, {
      questionsUntil: '2099-07-01',
      proposalsUntil: '2099-07-15',
      selectionBy: '2099-08-01',
    });
    expect((await fire('2099-07-15T21:59:59Z')).fired.map((f) => f.id)).not.toContain(summer.id);
    expect((await fire('2099-07-15T22:00:00Z')).fired.map((f) => f.id)).toContain(summer.id);
  });
});

describe('who may answer, and the list', () => {
  it('filters the calls open to the office: national to every office, regional to its region, local to those named', async () => {
    const regional = await publishedCall(sponsor, {
      title: 'Appel Grand Est',
      scope: 'regional',
      region: 'grand-est',
    });
    const national = await publishedCall(sponsor, { title: 'Appel national' });
    const near = (await list(director, '&forMyOffice=true')).items.map((c) => c.id);
    expect(near).toEqual(expect.arrayContaining([regional.id, national.id]));
    const far = await list(farDirector, '&forMyOffice=true');
    expect(far.items.map((c) => c.id)).toContain(national.id);
    expect(far.items.map((c) => c.id)).not.toContain(regional.id);
    expect((await farDirector.get(`/api/calls/${regional.id}`)).json().openToMyOffice).toBe(false);
    // Open calls first; the facets count the states under the other filters.
    const page = await list(director, '&scope=regional');
    expect(page.items.every((c) => c.scope === 'regional')).toBe(true);
    expect(page.facets.states.find((s) => s.value === 'published')?.count).toBeGreaterThan(0);
    await problem(director.get('/api/calls?state=ouvert'), 400);
  });
});

describe('public questions', () => {
  it('are asked by any office while open, answered by the issuer, visible to all', async () => {
    const call = await publishedCall(sponsor);
    const asked = await developer.post(`/api/calls/${call.id}/questions`, {
      question: 'Les CGSS peuvent-elles répondre ?',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const question = (asked.json() as CallDto).questions[0];
    expect(question).toMatchObject({
      question: 'Les CGSS peuvent-elles répondre ?',
      answer: null,
      office: 'CPAM du Bas-Rhin',
    });
    const url = `/api/calls/${call.id}/questions/${question?.id}/answer`;
    await problem(director.request('PUT', url, { version: 1, answer: 'Oui.' }), 403);
    const answered = await sponsor.request('PUT', url, { version: 1, answer: 'Oui, toutes les caisses.' });
    expect(answered.statusCode, answered.body).toBe(200);
    await problem(sponsor.request('PUT', url, { version: 1, answer: 'Encore' }), 409);
    const seen = (await farDirector.get(`/api/calls/${call.id}`)).json() as CallDto;
    expect(seen.questions[0]?.answer).toBe('Oui, toutes les caisses.');
    expect(seen.questionCount).toBe(1);
    await problem(developer.post(`/api/calls/${call.id}/questions`, { question: '' }), 400);
  });

  it('are closed after the "questions until" day and on a call not published', async () => {
    const call = await publishedCall(sponsor);
    await t.db.update(calls).set({ questionsUntil: '2020-01-01' }).where(eq(calls.id, call.id));
    const closed = await problem(
      developer.post(`/api/calls/${call.id}/questions`, { question: 'Encore une ?' }),
      422,
    );
    expect(closed.detail).toContain("jusqu'au 2020-01-01");
    const draft = await draftCall(sponsor);
    await problem(developer.post(`/api/calls/${draft.id}/questions`, { question: 'Et celui-ci ?' }), 404);
  });

  it('let the asker follow the call, and anyone follow it by hand', async () => {
    const call = await publishedCall(sponsor);
    await developer.post(`/api/calls/${call.id}/questions`, { question: 'Quel hébergement ?' });
    const follows = (await developer.get('/api/me/follows')).json().items as {
      targetType: string;
      targetId: string;
      label: string;
    }[];
    expect(follows).toContainEqual(
      expect.objectContaining({ targetType: 'call', targetId: call.id, label: call.title }),
    );
    const far = await farDirector.post('/api/follows', { targetType: 'call', targetId: call.id });
    expect(far.statusCode, far.body).toBe(204);
  });
});

describe('notifications of a call', () => {
  type Note = { kind: string; link: string; text: { fr: string } };
  const heard = async (agent: Agent, id: string) =>
    ((await agent.get('/api/notifications?pageSize=100')).json().items as Note[]).filter((n) =>
      n.link.endsWith(id),
    );

  it('publishing tells the directors of the offices in scope; a question the issuer; the answer the asker', async () => {
    const call = await publishedCall(sponsor, { scope: 'regional', region: 'grand-est' });
    const told = await heard(director, call.id);
    expect(told.map((n) => n.kind)).toEqual(['call.transitioned']);
    expect(told[0]?.link).toBe(`/appels/${call.id}`);
    expect(told[0]?.text.fr).toContain('à l’état « Publié »');
    expect(await heard(farDirector, call.id)).toEqual([]);

    const asked = await developer.post(`/api/calls/${call.id}/questions`, { question: 'Quel calendrier ?' });
    const questionId = (asked.json() as CallDto).questions[0]?.id;
    expect((await heard(sponsor, call.id)).map((n) => n.kind)).toEqual(['call.questionAsked']);
    await sponsor.request('PUT', `/api/calls/${call.id}/questions/${questionId}/answer`, {
      version: 1,
      answer: 'Sélection en février.',
    });
    const answered = (await heard(developer, call.id)).find((n) => n.kind === 'call.questionAnswered');
    expect(answered?.text.fr).toContain('« Sélection en février. »');
  });
});

describe('documents of a call', () => {
  const pdf = {
    name: 'cahier-des-charges.pdf',
    type: 'application/pdf',
    content: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  };

  it('are added and removed by the issuer, read by everyone who sees the call', async () => {
    const call = await publishedCall(sponsor);
    const url = `/api/calls/${call.id}/attachments`;
    const refused = await uploadFile(t.app, director, url, pdf, { kind: 'document' });
    expect(refused.statusCode).toBe(403);
    const added = await uploadFile(t.app, sponsor, url, pdf, { kind: 'document' });
    expect(added.statusCode, added.body).toBe(201);
    const listed = (await developer.get(url)).json().items as { id: string; fileName: string }[];
    expect(listed.map((f) => f.fileName)).toEqual(['cahier-des-charges.pdf']);
    const download = await developer.get(`${url}/${listed[0]?.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect((await sponsor.request('DELETE', `${url}/${listed[0]?.id}`)).statusCode).toBe(204);
    expect((await developer.get(url)).json().items).toEqual([]);
    const bad = await uploadFile(t.app, sponsor, url, pdf, { kind: 'video' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});
