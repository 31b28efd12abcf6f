import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.ts';

/**
 * The log never holds what a request carried: neither a database query's parameters (an argon2 hash
 * and an e-mail address once reached it through a 500), nor a query string, nor a body.
 */
const lines: string[] = [];
const stream = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});

const SECRET_EMAIL = 'camille.secrete@exemple.fr';
const SECRET_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0$aGFzaA';

/** Routes that make the database fail with the secrets among the parameters. */
const failingRoutes: FastifyPluginAsync = async (app) => {
  app.get('/test/unmapped-database-error', { config: { access: { public: true } } }, async () => {
    await app.deps.db.execute(
      sql`select * from no_such_table where email = ${SECRET_EMAIL} and hash = ${SECRET_HASH}`,
    );
  });
  app.get('/test/refused-by-database', { config: { access: { public: true } } }, async () => {
    await app.deps.db.execute(sql`select ${SECRET_EMAIL}::uuid, ${SECRET_HASH}`);
  });
};

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({}, { logger: { level: 'info', stream }, extra: { routes: [failingRoutes] } });
});
afterAll(() => t.close());

describe('the log', () => {
  it('records a 500 from the database by its SQLSTATE, without the query or its parameters', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/test/unmapped-database-error' });
    expect(response.statusCode).toBe(500);
    const logged = lines.find((line) => line.includes('unhandled error'));
    expect(logged).toBeDefined();
    expect(JSON.parse(logged as string).err).toMatchObject({ sqlState: '42P01' });
    const all = lines.join('\n');
    expect(all).not.toContain(SECRET_EMAIL);
    expect(all).not.toContain('argon2id');
    expect(all).not.toContain('no_such_table');
  });

  it('records a refusal by the database (400) by its SQLSTATE only', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/test/refused-by-database' });
    expect(response.statusCode).toBe(400);
    expect(lines.some((line) => line.includes('"sqlState":"22P02"'))).toBe(true);
    expect(lines.join('\n')).not.toContain(SECRET_EMAIL);
  });

  it('records the path of a request, never its query string or its body', async () => {
    await t.app.inject({ method: 'GET', url: `/api/users?q=${encodeURIComponent(SECRET_EMAIL)}` });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: SECRET_EMAIL, password: 'un mot de passe secret' },
    });
    // One access line per request, by route pattern (plugins/metrics.ts).
    const requests = lines.filter((line) => line.includes('"route":"/api/users"'));
    expect(requests.length).toBeGreaterThan(0);
    const all = lines.join('\n');
    expect(all).not.toContain('camille.secrete');
    expect(all).not.toContain('mot de passe secret');
  });
});
