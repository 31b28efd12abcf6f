import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent, TestContext } from '../../test/harness.ts';
import { createTestContext } from '../../test/harness.ts';
import { declareProject, projectPeople } from '../../test/project-fixtures.ts';

/**
 * The live stream over a real socket (Server-Sent Events): each person's stream receives their own
 * news and never another's. The server listens on a free port of this machine.
 */
let t: TestContext;
let base: string;
beforeAll(async () => {
  t = await createTestContext();
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
  return { next, close: () => controller.abort() };
}

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
    developer.close();
    other.close();
  });

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
