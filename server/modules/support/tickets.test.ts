import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDto, TicketSummaryDto } from '../../../common/schemas/support.ts';
import { applicationUsages, auditEvents } from '../../db/schema.ts';
import { uploadFile } from '../../test/catalog-fixtures.ts';
import { type Agent, organisationId, signUp, type TestContext } from '../../test/harness.ts';
import { tinyPng } from '../../test/images.ts';
import { storeSheet } from '../../test/store-fixtures.ts';
import {
  fireTicket,
  openTicket,
  supportTestContext,
  trainedDeveloper as trainedDevelopers,
} from '../../test/support-fixtures.ts';

let t: TestContext;
let referent: Agent;
let ddsi: Agent;
beforeAll(async () => {
  ({ t, referent, ddsi } = await supportTestContext());
});
afterAll(() => t.close());

const trainedDeveloper = (code?: string) => trainedDevelopers(t, code);
const open = openTicket;
const fire = fireTicket;

async function kindsHeard(agent: Agent, ticketId: string) {
  const response = await agent.get('/api/notifications');
  const items = response.json().items as { kind: string; target: { id: string } }[];
  return items.filter((n) => n.target.id === ticketId).map((n) => n.kind);
}

describe('starter-kit support', () => {
  it('is refused to an untrained developer, and to an agent', async () => {
    const untrained = (await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-68' })).agent;
    const refused = await untrained.post('/api/support-tickets', {
      flow: 'starterKit',
      subject: 'Question',
      description: 'Une question sur le starter kit.',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toMatch(/réservé aux développeurs formés/);
    const agent = (await signUp(t, { roles: ['agent'], organisationCode: 'CPAM-68' })).agent;
    const forbidden = await agent.post('/api/support-tickets', {
      flow: 'starterKit',
      subject: 'Question',
      description: 'Une question sur le starter kit.',
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('goes to the region’s referent, who answers, escalates with a note; the national team resolves', async () => {
    const developer = await trainedDeveloper();
    let ticket = await open(developer.agent, { flow: 'starterKit' });
    expect(ticket).toMatchObject({ state: 'open', level: 1, region: 'grand-est', firstAnsweredAt: null });
    expect(ticket.level1Offices.map((o) => o.code)).toEqual(['CPAM-67']);
    expect(await kindsHeard(referent, ticket.id)).toEqual(['supportTicket.opened']);

    // A referent of another region neither reads nor answers it.
    const elsewhere = (await signUp(t, { roles: ['referent'], organisationCode: 'CPAM-35' })).agent;
    expect((await elsewhere.get(`/api/support-tickets/${ticket.id}`)).statusCode).toBe(403);
    expect((await fire(elsewhere, ticket, 'resolve', { resolution: 'Réponse' })).statusCode).toBe(403);

    const answered = await referent.post(`/api/support-tickets/${ticket.id}/messages`, {
      body: 'Pouvez-vous joindre la trace complète ?',
    });
    expect(answered.statusCode, answered.body).toBe(201);
    ticket = answered.json<TicketDto>();
    expect(ticket.firstAnsweredAt).not.toBeNull();
    expect(ticket.messages.map((m) => m.body)).toEqual(['Pouvez-vous joindre la trace complète ?']);
    expect(await kindsHeard(developer.agent, ticket.id)).toContain('supportTicket.messageAdded');

    const noNote = await fire(referent, ticket, 'escalate', {});
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0].field).toBe('input.note');
    const escalated = await fire(referent, ticket, 'escalate', { note: 'Régression du bundle 3.2 ?' });
    expect(escalated.statusCode, escalated.body).toBe(200);
    ticket = escalated.json<TicketDto>();
    expect(ticket).toMatchObject({
      state: 'escalated',
      level: 2,
      escalationNote: 'Régression du bundle 3.2 ?',
    });
    expect(await kindsHeard(ddsi, ticket.id)).toContain('supportTicket.transitioned');

    // Level 1 no longer resolves it; the national team does.
    const byReferent = await fire(referent, ticket, 'resolveEscalated', { resolution: 'Corrigé' });
    expect(byReferent.statusCode).toBe(403);
    expect((await fire(referent, ticket, 'resolve', { resolution: 'Corrigé' })).statusCode).toBe(409);
    const resolved = await fire(ddsi, ticket, 'resolveEscalated', { resolution: 'Corrigé en 3.2.1.' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    ticket = resolved.json<TicketDto>();
    expect(ticket).toMatchObject({ state: 'resolved', resolution: 'Corrigé en 3.2.1.', canWrite: false });
    expect(ticket.resolvedAt).not.toBeNull();
    expect(await kindsHeard(developer.agent, ticket.id)).toContain('supportTicket.transitioned');

    const late = await developer.agent.post(`/api/support-tickets/${ticket.id}/messages`, {
      body: 'Merci !',
    });
    expect(late.statusCode).toBe(409);
    const audit = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, ticket.id));
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'supportTicket.open',
        'supportTicket.message',
        'starterKitTicket.escalate',
        'starterKitTicket.resolveEscalated',
      ]),
    );
  });

  it('goes straight to the national team where the region has no referent', async () => {
    const developer = await trainedDeveloper('CPAM-14');
    const ticket = await open(developer.agent, { flow: 'starterKit' });
    expect(ticket).toMatchObject({ state: 'escalated', level: 2, region: 'normandie', level1Offices: [] });
    expect(await kindsHeard(ddsi, ticket.id)).toEqual(['supportTicket.opened']);
  });

  it('is withdrawn by its requester’s office, and a lifecycle of the other flow does not find it', async () => {
    const developer = await trainedDeveloper();
    const ticket = await open(developer.agent, { flow: 'starterKit' });
    expect((await fire(developer.agent, { ...ticket, flow: 'application' }, 'withdraw')).statusCode).toBe(
      404,
    );
    const withdrawn = await fire(developer.agent, ticket, 'withdraw');
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().state).toBe('withdrawn');
  });
});

describe('application support', () => {
  async function reporterOf(applicationId: string, code = 'CPAM-69') {
    await t.db
      .insert(applicationUsages)
      .values({ applicationId, organisationId: await organisationId(t.db, code) })
      .onConflictDoNothing();
    return (await signUp(t, { roles: ['agent'], organisationCode: code })).agent;
  }

  it('is refused on an application the office does not use, or without an application', async () => {
    const sheet = await storeSheet(t, 'Inutilisée');
    const agent = (await signUp(t, { roles: ['agent'], organisationCode: 'CPAM-13' })).agent;
    const unused = await agent.post('/api/support-tickets', {
      flow: 'application',
      applicationId: sheet.id,
      subject: 'Écran blanc',
      description: 'L’écran reste blanc après la connexion.',
    });
    expect(unused.statusCode).toBe(422);
    expect(unused.json().errors[0].field).toBe('applicationId');
    const without = await agent.post('/api/support-tickets', {
      flow: 'application',
      subject: 'Écran blanc',
      description: 'L’écran reste blanc après la connexion.',
    });
    expect(without.statusCode).toBe(422);
    expect(without.json().errors[0].field).toBe('applicationId');
  });

  it('of a labelled application: the CSN answers first and escalates to the designer, who resolves', async () => {
    const sheet = await storeSheet(t, 'Labellisée');
    const reporter = await reporterOf(sheet.id);
    const csn = (await signUp(t, { roles: ['agent'], organisationCode: 'CSN' })).agent;
    const designer = (await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-67' })).agent;
    let ticket = await open(reporter, { flow: 'application', applicationId: sheet.id });
    expect(ticket.level1Offices.map((o) => o.code)).toEqual(['CSN']);
    expect(ticket.designerOffice?.code).toBe('CPAM-67');
    expect(await kindsHeard(csn, ticket.id)).toEqual(['supportTicket.opened']);
    // The designer reads it (level 2) but does not resolve it at level 1.
    expect((await designer.get(`/api/support-tickets/${ticket.id}`)).statusCode).toBe(200);
    expect((await fire(designer, ticket, 'resolve', { resolution: 'Réponse' })).statusCode).toBe(403);
    const escalated = await fire(csn, ticket, 'escalate', {
      note: 'Anomalie applicative, pas de contournement.',
    });
    expect(escalated.statusCode, escalated.body).toBe(200);
    ticket = escalated.json<TicketDto>();
    expect(ticket).toMatchObject({ state: 'escalated', level: 2 });
    expect(await kindsHeard(designer, ticket.id)).toContain('supportTicket.transitioned');
    const resolved = await fire(designer, ticket, 'resolveEscalated', { resolution: 'Corrigé en 2.4.1.' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json().state).toBe('resolved');
  });

  it('of a homologated application: the designer is level 1 and has no level above', async () => {
    const sheet = await storeSheet(t, 'Homologuée', { certificationStatus: 'homologated' });
    const reporter = await reporterOf(sheet.id);
    let ticket = await open(reporter, { flow: 'application', applicationId: sheet.id });
    expect(ticket.level1Offices.map((o) => o.code)).toEqual(['CPAM-67']);
    const designer = (await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-67' })).agent;
    const refused = await fire(designer, ticket, 'escalate', { note: 'À voir' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().refusal.code).toBe('designerIsLevel1');
    const answer = await designer.post(`/api/support-tickets/${ticket.id}/messages`, {
      body: 'Nous regardons.',
    });
    ticket = answer.json<TicketDto>();
    const resolved = await fire(designer, ticket, 'resolve', { resolution: 'Paramétrage corrigé.' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(await kindsHeard(reporter, ticket.id)).toEqual(
      expect.arrayContaining(['supportTicket.messageAdded', 'supportTicket.transitioned']),
    );
    // The reporter's queue shows it; another office's does not.
    const mine = (await reporter.get('/api/support-tickets?flow=application')).json()
      .items as TicketSummaryDto[];
    expect(mine.map((i) => i.id)).toContain(ticket.id);
    const other = (await signUp(t, { roles: ['agent'], organisationCode: 'CPAM-13' })).agent;
    const theirs = (await other.get('/api/support-tickets')).json().items as TicketSummaryDto[];
    expect(theirs.map((i) => i.id)).not.toContain(ticket.id);
  });

  it('is withdrawn by an agent of the reporting office only', async () => {
    const sheet = await storeSheet(t, 'Retirée', { certificationStatus: 'homologated' });
    const reporter = await reporterOf(sheet.id);
    const ticket = await open(reporter, { flow: 'application', applicationId: sheet.id });
    const designer = (await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-67' })).agent;
    expect((await fire(designer, ticket, 'withdraw')).statusCode).toBe(403);
    const colleague = (await signUp(t, { roles: ['agent'], organisationCode: 'CPAM-69' })).agent;
    expect((await fire(colleague, ticket, 'withdraw')).json().state).toBe('withdrawn');
  });
});

describe('shared by both flows', () => {
  it('is taken by someone of its current level; handing it to someone else of another level is refused', async () => {
    const developer = await trainedDeveloper();
    const ticket = await open(developer.agent, { flow: 'starterKit' });
    const me = (await referent.get('/api/me')).json().user.id as string;
    const byOpener = await developer.agent.request('PUT', `/api/support-tickets/${ticket.id}/assignee`, {
      assigneeId: developer.user.id,
      version: ticket.version,
    });
    expect(byOpener.statusCode).toBe(403);
    const toOutsider = await referent.request('PUT', `/api/support-tickets/${ticket.id}/assignee`, {
      assigneeId: developer.user.id,
      version: ticket.version,
    });
    expect(toOutsider.statusCode).toBe(422);
    expect(toOutsider.json().errors[0].field).toBe('assigneeId');
    const taken = await referent.request('PUT', `/api/support-tickets/${ticket.id}/assignee`, {
      assigneeId: me,
      version: ticket.version,
    });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json().assignee.id).toBe(me);
    const stale = await referent.request('PUT', `/api/support-tickets/${ticket.id}/assignee`, {
      assigneeId: null,
      version: ticket.version,
    });
    expect(stale.statusCode).toBe(409);
    // Escalating frees it: level 2 takes it.
    const escalated = await fire(referent, taken.json(), 'escalate', { note: 'Pour l’équipe nationale.' });
    expect(escalated.json().assignee).toBeNull();
  });

  it('carries screenshots, read by the ticket’s offices only', async () => {
    const developer = await trainedDeveloper();
    const ticket = await open(developer.agent, { flow: 'starterKit' });
    const url = `/api/support-tickets/${ticket.id}/attachments`;
    const uploaded = await uploadFile(
      t.app,
      developer.agent,
      url,
      { name: 'trace.png', content: tinyPng() },
      {
        kind: 'screenshot',
      },
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const file = uploaded.json();
    const seen = (await referent.get(`/api/support-tickets/${ticket.id}`)).json<TicketDto>();
    expect(seen.attachments.map((a) => a.fileName)).toEqual(['trace.png']);
    expect((await referent.get(`${url}/${file.id}`)).statusCode).toBe(200);
    const outsider = (await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-13' })).agent;
    expect((await outsider.get(`${url}/${file.id}`)).statusCode).toBe(403);
    const wrongType = await uploadFile(
      t.app,
      developer.agent,
      url,
      { name: 'x.png', content: 'pas une image' },
      {
        kind: 'screenshot',
      },
    );
    expect(wrongType.statusCode).toBe(415);
  });
});
