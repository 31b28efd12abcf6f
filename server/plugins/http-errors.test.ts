import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.ts';

/**
 * What Fastify and Node refuse before a route runs leaves as problem+json in French, like every other
 * refusal: over a real socket, since some of it happens in Node's HTTP parser.
 */
let t: TestContext;
let port: number;

beforeAll(async () => {
  t = await createTestContext();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as net.AddressInfo).port;
});
afterAll(() => t.close());

/** Sends raw bytes and reads the answer until the server closes the connection. */
function exchange(request: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n');
      resolve({
        status: Number(head.split(' ')[1]),
        type: /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '',
        body,
      });
    });
  });
}

const get = (target: string, headers = '') =>
  exchange(`GET ${target} HTTP/1.1\r\nHost: localhost\r\n${headers}Connection: close\r\n\r\n`);

function expectFrenchProblem(answer: { status: number; type: string; body: string }, status: number) {
  expect(answer.status).toBe(status);
  expect(answer.type).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(answer.body) as { status: number; detail: string; title: string };
  expect(problem.status).toBe(status);
  expect(problem.detail).toMatch(/[éèàêç]|requête|adresse/);
  expect(`${problem.title} ${problem.detail}`).not.toMatch(/\b(Bad Request|Client Error|exceeding|is not)\b/);
  return problem;
}

describe('refusals before a route', () => {
  it('a URL whose %-encoding is broken: 400', async () => {
    expectFrenchProblem(await get('/api/applications/%zz'), 400);
  });

  it('a path parameter longer than the router takes: 414', async () => {
    // A POST: a GET could match the web app's wildcard route (deep links) instead, and be a 404.
    const target = `/api/applications/${'a'.repeat(300)}/transitions`;
    expectFrenchProblem(
      await exchange(
        `POST ${target} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      ),
      414,
    );
  });

  it('a URL longer than Node reads: 414', async () => {
    expectFrenchProblem(await get(`/api/applications?q=${'a'.repeat(20_000)}`), 414);
  });

  it('headers larger than Node reads: 431', async () => {
    expectFrenchProblem(await get('/api/health/live', `X-Padding: ${'a'.repeat(20_000)}\r\n`), 431);
  });

  it('bytes that are not HTTP: 400', async () => {
    expectFrenchProblem(await exchange('NOT HTTP AT ALL\r\n\r\n'), 400);
  });
});

describe('refusals of a body', () => {
  const post = (payload: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': contentType },
      payload,
    });

  it.each([
    ['malformed JSON', () => post('{"email": '), 400],
    ['a forbidden prototype key', () => post('{"__proto__": {"admin": true}, "email": "a@b.fr"}'), 400],
    ['an empty JSON body', () => post(''), 400],
    ['a content type that is not JSON', () => post('<xml/>', 'application/xml'), 415],
    ['a body over 1 MB', () => post(JSON.stringify({ email: 'a'.repeat(1_100_000) })), 413],
  ])('%s', async (_name, send, status) => {
    const response = await send();
    expectFrenchProblem(
      { status: response.statusCode, type: String(response.headers['content-type']), body: response.body },
      status,
    );
  });
});
