import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createTestDatabase } from './test/database.ts';
import { createTestContext, type TestContext } from './test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('health, documentation and errors', () => {
  it('reports live and ready, with the migrations applied', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).json()).toEqual({ status: 'ok' });
    const ready = (await t.app.inject({ method: 'GET', url: '/health/ready' })).json();
    expect(ready.status).toBe('ok');
    expect(ready.migrations.applied).toBe(ready.migrations.expected);
    expect(ready.migrations.expected).toBeGreaterThanOrEqual(2);
  });

  it('publishes OpenAPI 3.1 with every API route, and Swagger UI', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    const documented = Object.entries(spec.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const served = [...t.app.routeAccess.keys()].filter((r) => r !== 'GET /api/openapi.json');
    expect(documented.sort()).toEqual(served.sort());
    expect(spec.paths['/api/auth/login'].post.security).toEqual([]);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers an unknown API path with a French problem+json 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toContain('Aucune ressource');
  });

  it('rejects a body that is not JSON with a French message', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toBe("Le corps de la requête n'est pas un JSON valide.");
  });

  it('never sends a stack trace or SQL: a failing database gives a French 500 with a request id', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({
      db: database.db,
      config: loadConfig({ MUTUALIS_LOG_LEVEL: 'silent' }),
      logger: false,
    });
    await database.close();
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.fr', password: 'x' },
    });
    expect(response.statusCode).toBe(500);
    const problem = response.json();
    expect(problem.detail).toContain(problem.requestId);
    expect(response.body).not.toMatch(/select|insert|at .*\.ts|Error:/i);
    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    await app.close();
  });
});
