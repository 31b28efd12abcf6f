import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, removeDataDir, startServer } from '../../../e2e/support/server.ts';
import { embeddedOnlyTitle, inPostgresRun } from '../../test/embedded-only.ts';
import { type SmtpServer, startSmtpServer } from '../../test/smtp.ts';

/**
 * Exactly one e-mail when the process that sends it is killed (SIGKILL, no shutdown of any kind) in the
 * middle of sending, then started again: the real server (`server/main.ts`, pg-boss, the embedded
 * database in a folder) runs as a child process; a real SMTP server in the test process holds the
 * e-mail's RCPT TO unanswered, so the sender is caught mid-transaction when it dies. The next process
 * finds the e-mail's outbox message undelivered and sends it; the SMTP server receives it once.
 */
// A developer of the test's own, created through the API: the demo's accounts receive the e-mails of
// the demo's running processes (a deployment request the provisioning job moves on, for one).
const DEVELOPER = 'reprise.apres-arret@test.mutualis';
const PASSWORD = 'une phrase de passe pour la reprise';
const DIRECTOR = 'directeur.basrhin@mutualis.demo';

let smtp: SmtpServer;
const servers: RunningServer[] = [];
beforeAll(async () => {
  if (inPostgresRun) return;
  smtp = await startSmtpServer();
}, 60_000);
afterAll(async () => {
  for (const server of servers) await server.stop('SIGKILL');
  if (servers[0]) removeDataDir(servers[0].dataDir);
  await smtp?.close();
});

/** A signed-in demo account of a running server, through HTTP as its browser would. */
async function signIn(server: RunningServer, email: string) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: email === DEVELOPER ? PASSWORD : 'mutualis-demo' }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
}

/** Waits for a condition, reading it every 200 ms, at most `timeoutMs`. */
async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const start = (dataDir?: string) =>
  startServer({
    ...(dataDir ? { dataDir } : {}),
    env: { MUTUALIS_SMTP_URL: smtp.url, MUTUALIS_LOG_LEVEL: 'error' },
  }).then((server) => {
    servers.push(server);
    return server;
  });

describe.skipIf(inPostgresRun)(embeddedOnlyTitle('e-mail across a killed worker'), () => {
  it('arrives exactly once when the sending process is killed mid-send and started again', async () => {
    const first = await start();
    const firstAdmin = await signIn(first, 'admin@mutualis.demo');
    // An office the demo data leaves quiet: no demo event of its own reaches the new developer's mailbox.
    const quiet = (await firstAdmin('GET', `/api/organisations?q=${encodeURIComponent('Finistère')}`)).json
      .items as { id: string; code: string }[];
    const created = await firstAdmin('POST', '/api/users', {
      email: DEVELOPER,
      displayName: 'Camille Reprise',
      organisationId: quiet.find((o) => o.code === 'CPAM-29')?.id,
      roles: ['developer'],
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
    const developer = await signIn(first, DEVELOPER);
    const declared = await developer('POST', '/api/projects', {
      title: 'Reprise après un arrêt brutal',
      need: 'Vérifier qu’un e-mail n’est ni perdu ni envoyé deux fois quand le serveur s’arrête.',
      description: 'Un projet de test.',
      domainCode: 'ressources-humaines',
      track: 'nonStandard',
    });
    expect(declared.status).toBe(201);
    const projectId = declared.json.id as string;

    // The developer follows the project she declared: the director's comment is e-mailed to her.
    const held = smtp.holdFor(DEVELOPER);
    const director = await signIn(first, DIRECTOR);
    const commented = await director('POST', `/api/projects/${projectId}/comments`, {
      body: 'Écrit juste avant l’arrêt brutal.',
    });
    expect(commented.status).toBe(201);
    await held; // the worker is in the middle of the SMTP transaction
    expect(await first.stop('SIGKILL')).toBe(null);
    expect(first.process.signalCode).toBe('SIGKILL');
    expect(smtp.to(DEVELOPER)).toEqual([]);

    smtp.release(DEVELOPER);
    const second = await start(first.dataDir);
    const [mail] = await until(
      () => smtp.to(DEVELOPER),
      (mails) => mails.length > 0,
    );
    expect(mail?.subject).toBe(
      '[Mutualis] Nouveau commentaire sur le projet « Reprise après un arrêt brutal »',
    );
    expect(mail?.text).toContain('« Écrit juste avant l’arrêt brutal. »');
    expect(mail?.messageId).toMatch(/^<outbox-\d+@mutualis>$/);

    // Everything is delivered (the administrators' jobs page says none waits), and nothing more is sent.
    const admin = await signIn(second, 'admin@mutualis.demo');
    await until(
      async () => (await admin('GET', '/api/admin/jobs?state=pending')).json,
      (jobs) => (jobs.counts as { pending: number }).pending === 0,
    );
    // The in-app notification was written once too.
    const notes = (await (await signIn(second, DEVELOPER))('GET', '/api/notifications?pageSize=100')).json
      .items as { link: string }[];
    expect(notes.filter((n) => n.link.endsWith(projectId))).toHaveLength(1);
    expect(await second.stop('SIGTERM')).toBe(0);
    expect(smtp.to(DEVELOPER)).toHaveLength(1);
  }, 300_000);
});
