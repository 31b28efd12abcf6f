import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, removeDataDir, startServer } from './support/server.ts';

let dataDir: string | undefined;
afterAll(() => {
  if (dataDir) removeDataDir(dataDir);
});

async function signIn(server: RunningServer, email: string, password: string) {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie =
    response.headers
      .getSetCookie()
      .find((c) => c.startsWith('mutualis_session='))
      ?.split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken?: string };
  return { status: response.status, cookie, csrfToken: body.csrfToken ?? '' };
}

describe('the embedded database under ./data', () => {
  it('keeps every change across a stop (Ctrl-C) and a restart, and the server stops cleanly', async () => {
    const first = await startServer({ fresh: true });
    dataDir = first.dataDir;
    const admin = await signIn(first, 'admin@mutualis.demo', 'mutualis-demo');
    expect(admin.status).toBe(200);
    const me = (await (await fetch(`${first.url}/api/me`, { headers: { cookie: admin.cookie } })).json()) as {
      organisation: { id: string };
    };
    const created = await fetch(`${first.url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      body: JSON.stringify({
        email: 'persistante@test.mutualis',
        displayName: 'Persistante',
        organisationId: me.organisation.id,
        roles: ['agent'],
        password: 'une phrase de passe longue',
      }),
    });
    expect(created.status).toBe(201);
    const accounts = async (server: { url: string }) =>
      (
        (await (
          await fetch(`${server.url}/api/users?pageSize=200`, { headers: { cookie: admin.cookie } })
        ).json()) as { total: number }
      ).total;
    const before = await accounts(first);
    expect(before).toBeGreaterThan(10);
    expect(await first.stop('SIGINT')).toBe(0);

    const second = await startServer({ dataDir: first.dataDir });
    try {
      const again = await signIn(second, 'persistante@test.mutualis', 'une phrase de passe longue');
      expect(again.status).toBe(200);
      // The session of before the restart is still valid: sessions live in the database too.
      const stillIn = await fetch(`${second.url}/api/me`, { headers: { cookie: admin.cookie } });
      expect(stillIn.status).toBe(200);
      // Demo data is not seeded twice: the same accounts as before the stop, the new one among them.
      expect(await accounts(second)).toBe(before);
    } finally {
      expect(await second.stop('SIGTERM')).toBe(0);
    }
  });

  it('MUTUALIS_DEMO=false creates no demo account', async () => {
    const server = await startServer({ env: { MUTUALIS_DEMO: 'false' } });
    try {
      expect((await signIn(server, 'admin@mutualis.demo', 'mutualis-demo')).status).toBe(401);
      const config = (await (await fetch(`${server.url}/api/config`)).json()) as {
        demo: boolean;
        demoAccounts: [];
      };
      expect(config).toMatchObject({ demo: false, demoAccounts: [] });
    } finally {
      await server.stop();
      removeDataDir(server.dataDir);
    }
  });
});
