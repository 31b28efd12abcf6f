import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema.ts';
import type { Agent, TestContext } from '../../test/harness.ts';
import { createTestContext, createUser, login } from '../../test/harness.ts';
import { declareProject, projectPeople } from '../../test/project-fixtures.ts';
import { hashToken } from '../auth/sessions.queries.ts';

/**
 * The live stream over a real socket (Server-Sent Events): each person's stream receives their own
 * news and never another's. The server listens on a free port of this machine.
 */
let t: TestContext;
let base: string;
beforeAll(async () => {
  // A heartbeat every second: a session that runs out of time is found within a second.
  t = await createTestContext({ streamHeartbeatSeconds: 1 });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(() => t.close());

interface ServerEvent {
  event: string;
  data: { unread: number };
}

/** Opens an agent's stream and hands out its events one by one, as they arrive. */
async function openStream(agent: Agent) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/notifications/stream`, {
    headers: { cookie: agent.cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  expect(response.headers.get('x-accel-buffering')).toBe('no');
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (): Promise<ServerEvent> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (event && data) return { event, data: JSON.parse(data) };
        continue; // the retry line, a heartbeat
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
  /** Resolves when the server ends the stream (whatever it still sent before is skipped). */
  const ended = async () => {
    for (;;) if ((await reader.read()).done) return true;
  };
  return { next, ended, close: () => controller.abort() };
}

const sessionIdOf = (agent: Agent) => hashToken(agent.cookie.replace(/^mutualis_session=/, ''));

describe('the live stream of notifications', () => {
  it('tells each person of their own notifications, and never another person’s', async () => {
    const p = await projectPeople(t);
    const mine = await declareProject(p.developer, { title: 'Flux du développeur' });
    const theirs = await declareProject(p.otherDeveloper, { title: 'Flux de l’autre' });
    const developer = await openStream(p.developer);
    const other = await openStream(p.otherDeveloper);
    expect(await developer.next()).toEqual({ event: 'unread', data: { unread: 0 } });
    expect(await other.next()).toEqual({ event: 'unread', data: { unread: 0 } });

    // A comment on the developer's project: their stream hears of it.
    await p.agent.post(`/api/projects/${mine.id}/comments`, { body: 'Pour le développeur.' });
    expect(await developer.next()).toEqual({ event: 'notification', data: { unread: 1 } });
    // Then one for the other developer: the first thing their stream hears is their own.
    await p.agent.post(`/api/projects/${theirs.id}/comments`, { body: 'Pour l’autre.' });
    expect(await other.next()).toEqual({ event: 'notification', data: { unread: 1 } });
    // And the developer's stream heard nothing of it: its next event is its own second notification.
    await p.agent.post(`/api/projects/${mine.id}/comments`, { body: 'Encore pour le développeur.' });
    expect(await developer.next()).toEqual({ event: 'notification', data: { unread: 2 } });
    developer.close();
    other.close();
  });

  it('ends with its session: a sign-out ends that session’s stream, not the person’s other one', async () => {
    const p = await projectPeople(t);
    const project = await declareProject(p.developer, { title: 'Flux et déconnexion' });
    const email = (await p.developer.get('/api/me')).json().user.email as string;
    const otherBrowser = await login(t.app, email);
    const leaving = await openStream(p.developer);
    const staying = await openStream(otherBrowser);
    expect((await leaving.next()).event).toBe('unread');
    expect((await staying.next()).event).toBe('unread');

    expect((await p.developer.post('/api/auth/logout')).statusCode).toBe(204);
    expect(await leaving.ended()).toBe(true);
    // Its reconnection is refused; the other browser's stream still hears the news.
    const again = await fetch(`${base}/api/notifications/stream`, {
      headers: { cookie: p.developer.cookie, accept: 'text/event-stream' },
    });
    expect(again.status).toBe(401);
    await p.agent.post(`/api/projects/${project.id}/comments`, { body: 'Après la déconnexion.' });
    expect(await staying.next()).toEqual({ event: 'notification', data: { unread: 1 } });
    staying.close();
  }, 30_000);

  it('ends when its session runs out of time, or when an administrator ends every session of the account', async () => {
    const p = await projectPeople(t);
    const expiring = await openStream(p.agent);
    expect((await expiring.next()).event).toBe('unread');
    // The absolute timeout passes (nothing deletes the row: the heartbeat finds it out).
    await t.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, sessionIdOf(p.agent)));
    expect(await expiring.ended()).toBe(true);

    // An administrator gives the sponsor a new password: every session of the account ends.
    const sponsor = await createUser(t.db, { roles: ['sponsor'], organisationCode: 'CNAM-DDGOS' });
    const ended = await openStream(await login(t.app, sponsor.email));
    expect((await ended.next()).event).toBe('unread');
    const account = (await p.admin.get(`/api/users/${sponsor.id}`)).json();
    const reset = await p.admin.patch(`/api/users/${sponsor.id}`, {
      version: account.version,
      password: 'un tout nouveau mot de passe',
    });
    expect(reset.statusCode).toBe(200);
    expect(await ended.ended()).toBe(true);
  }, 30_000);

  it('refuses a caller without a session, and a request that is not for a stream', async () => {
    const anonymous = await fetch(`${base}/api/notifications/stream`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(anonymous.status).toBe(401);
    const p = await projectPeople(t);
    const plain = await p.agent.get('/api/notifications/stream');
    expect(plain.statusCode).toBe(406);
    expect(plain.json().detail).toMatch(/Accept: text\/event-stream/);
  });
});
