import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS } from '../../../common/audit-actions.ts';
import { auditEvents, users } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import {
  type Agent,
  createTestContext,
  createUser,
  login,
  signUp,
  type TestContext,
} from '../../test/harness.ts';
import { declareProject } from '../../test/project-fixtures.ts';
import { eraseUser, purgeDeactivatedAccounts } from './privacy.service.ts';

let t: TestContext;
let admin: Agent;
let adminId: string;
beforeAll(async () => {
  t = await createTestContext();
  const row = await createUser(t.db, { roles: ['admin'], organisationCode: 'CNAM-DDO' });
  adminId = row.id;
  admin = await login(t.app, row.email);
});
afterAll(() => t.close());

const today = () => new Date().toISOString().slice(0, 10);
const eventsOf = (action: string, targetId: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)));

async function erase(agent: Agent, id: string, confirmation?: string) {
  const user = (await admin.get(`/api/users/${id}`)).json();
  return agent.post(`/api/users/${id}/erasure`, {
    version: user.version,
    confirmation: confirmation ?? user.displayName,
  });
}

describe('a person downloads what the portal holds about them', () => {
  it('as a dated JSON attachment: account, office, roles, sessions, sign-ins, records — never a secret', async () => {
    const { user, agent } = await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-69' });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'pas le bon mot de passe' },
    });
    const project = await declareProject(agent, { title: 'Registre des congés partagé' });
    await agent.post(`/api/projects/${project.id}/comments`, { body: 'Premier commentaire.' });

    const response = await agent.get('/api/me/export');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toContain(
      `donnees-personnelles-${user.id.slice(0, 8)}-${today()}.json`,
    );
    const doc = response.json();
    expect(doc.account).toMatchObject({ id: user.id, email: user.email, displayName: user.displayName });
    expect(doc.office).toMatchObject({ code: 'CPAM-69' });
    expect(doc.account.roles).toEqual([
      { code: 'developer', label: expect.objectContaining({ fr: expect.any(String) }) },
    ]);
    expect(doc.signInAttempts.map((a: { succeeded: boolean }) => a.succeeded).sort()).toEqual([false, true]);
    const section = (table: string) => doc.sections.find((s: { table: string }) => s.table === table);
    expect(section('projects').items).toEqual([
      expect.objectContaining({
        id: project.id,
        title: 'Registre des congés partagé',
        as: expect.anything(),
      }),
    ]);
    expect(section('project_comments').items).toHaveLength(1);
    const [session] = section('sessions').items;
    expect(session).toHaveProperty('expires_at');
    expect(session).not.toHaveProperty('id');
    expect(session).not.toHaveProperty('csrf_token');
    const actions = section('audit_events').items.map((e: { title?: string; action: string }) => e.action);
    expect(actions).toContain('project.create');
    const text = response.body;
    expect(text).not.toContain('argon2');
    expect(text).not.toContain(agent.csrfToken);
    expect(text).not.toContain(agent.cookie.split('=')[1]);
    expect(text).not.toContain('password_hash');
  });

  it('as a readable HTML page, with French headings, or English ones on request', async () => {
    const { user, agent } = await signUp(t, { roles: ['agent'], organisationCode: 'CPAM-13' });
    const french = await agent.get('/api/me/export?format=html');
    expect(french.statusCode).toBe(200);
    expect(french.headers['content-type']).toMatch(/^text\/html/);
    expect(french.headers['content-disposition']).toContain(`-${today()}.html`);
    expect(french.body).toContain('<h1>Mes données personnelles</h1>');
    expect(french.body).toContain('Tentatives de connexion');
    expect(french.body).toContain(user.email);
    const english = await agent.get('/api/me/export?format=html&lang=en');
    expect(english.body).toContain('<h1>My personal data</h1>');
    expect(english.body).toContain('<html lang="en">');
    const bad = await agent.get('/api/me/export?format=pdf');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('json ou html');
  });

  it('escapes what people wrote in the HTML page', async () => {
    const { agent } = await signUp(t, {
      roles: ['developer'],
      organisationCode: 'CPAM-69',
      displayName: 'Zoé <script>alert(1)</script>',
    });
    const page = await agent.get('/api/me/export?format=html');
    expect(page.body).not.toContain('<script>');
    expect(page.body).toContain('Zoé &lt;script&gt;');
  });
});

describe('an administrator answers an access request', () => {
  it("downloads another person's export, audited without the data", async () => {
    const { user } = await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-69' });
    const response = await admin.get(`/api/users/${user.id}/export`);
    expect(response.statusCode).toBe(200);
    expect(response.json().account.email).toBe(user.email);
    const [event] = await eventsOf('user.export', user.id);
    expect(AUDIT_ACTION_LABELS['user.export']?.en).toBeTruthy();
    expect(AUDIT_ACTION_LABELS['user.erase']?.en).toBeTruthy();
    expect(event).toMatchObject({ actorUserId: adminId, targetType: 'user', before: null, after: null });
  });

  it("refuses it to the office's director (who reads the office's accounts) and to anyone else", async () => {
    const { user } = await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-69' });
    const director = (await signUp(t, { roles: ['officeDirector'], organisationCode: 'CPAM-69' })).agent;
    expect((await director.get(`/api/users/${user.id}`)).statusCode).toBe(200);
    expect((await director.get(`/api/users/${user.id}/export`)).statusCode).toBe(403);
    expect((await erase(director, user.id)).statusCode).toBe(403);
    const developer = (await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-69' })).agent;
    expect((await developer.get(`/api/users/${user.id}/export`)).statusCode).toBe(403);
    expect(await eventsOf('user.export', user.id)).toHaveLength(0);
  });
});

describe('an administrator answers an erasure request', () => {
  it('pseudonymises the person, closes the account for good, and audits it without the erased data', async () => {
    const { user, agent } = await signUp(t, {
      roles: ['developer'],
      organisationCode: 'CPAM-69',
      displayName: 'Capucine Vasseur',
    });
    const response = await erase(admin, user.id, '  capucine   VASSEUR ');
    expect(response.statusCode, response.body).toBe(200);
    const erased = response.json();
    expect(erased.displayName).toMatch(/^Personne effacée n° \d+$/);
    expect(erased.email).toMatch(/^personne-effacee-\d+@effacement\.invalid$/);
    expect(erased).toMatchObject({ status: 'deactivated', erasure: { number: expect.any(Number) } });
    expect((await agent.get('/api/me')).statusCode).toBe(401);
    const relogin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'correct horse battery' },
    });
    expect(relogin.statusCode).toBe(401);
    const [event] = await eventsOf('user.erase', user.id);
    expect(event?.actorUserId).toBe(adminId);
    expect(JSON.stringify(event)).not.toContain('Capucine');
    expect(JSON.stringify(event)).not.toContain(user.email);

    const reactivate = await admin.post(`/api/users/${user.id}/transitions`, {
      action: 'reactivate',
      version: erased.version,
    });
    expect(reactivate.statusCode).toBe(422);
    expect(reactivate.json().detail).toContain('a été effacée');
    const again = await erase(admin, user.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Cette personne a déjà été effacée.');
  });

  it('refuses without the name typed, on a stale version, and for oneself — in French', async () => {
    const { user } = await signUp(t, { roles: ['agent'], organisationCode: 'CPAM-13' });
    const wrong = await erase(admin, user.id, 'Quelqu’un d’autre');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.json().errors).toEqual([
      { field: 'confirmation', message: expect.stringContaining(user.displayName) },
    ]);
    const stale = await admin.post(`/api/users/${user.id}/erasure`, {
      version: 99,
      confirmation: user.displayName,
    });
    expect(stale.statusCode).toBe(409);
    const self = await erase(admin, adminId);
    expect(self.statusCode).toBe(422);
    expect(self.json().detail).toContain('votre propre compte');
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.erasedAt).toBeNull();
  });

  it('refuses to erase the last active administrator', async () => {
    const lone = await createUser(t.db, { roles: ['admin'], organisationCode: 'CNAM-DDO' });
    // The other administrators lose their role: the acting one too, in another transaction, before it acts.
    const others = await t.db.select().from(users).where(eq(users.status, 'active'));
    const demoted = others.filter((u) => u.roles.includes('admin') && u.id !== lone.id);
    for (const u of demoted)
      await t.db
        .update(users)
        .set({ roles: ['agent'] })
        .where(eq(users.id, u.id));
    try {
      const actor = {
        userId: adminId,
        organisationId: lone.organisationId,
        roles: ['admin'] as const,
        sessionId: 's',
        csrfToken: 'c',
      };
      const attempt = eraseUser(
        { actor, db: t.db, log: t.app.log, requestId: null },
        t.app.deps.authorizer,
        lone.id,
        { version: lone.version, confirmation: lone.displayName },
      );
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(attempt).rejects.toMatchObject({
        code: 'unprocessable',
        detail: expect.stringContaining('dernier administrateur actif'),
      });
    } finally {
      for (const u of demoted) await t.db.update(users).set({ roles: u.roles }).where(eq(users.id, u.id));
    }
  });
});

describe('the retention of deactivated accounts', () => {
  it('erases the accounts deactivated before the cutoff, once, and no other', async () => {
    const gone = await createUser(t.db, { roles: ['agent'], organisationCode: 'CPAM-13' });
    const active = await createUser(t.db, { roles: ['agent'], organisationCode: 'CPAM-13' });
    const deactivate = await admin.post(`/api/users/${gone.id}/transitions`, {
      action: 'deactivate',
      version: 1,
    });
    expect(deactivate.statusCode).toBe(200);
    const purge = (cutoff: Date) =>
      t.db.transaction((tx) => purgeDeactivatedAccounts(tx, cutoff, 10, t.app.log));
    const hourAgo = new Date(Date.now() - 3_600_000);
    expect(await purge(hourAgo)).toBe(0);
    const inAMinute = new Date(Date.now() + 60_000);
    expect(await purge(inAMinute)).toBe(1);
    expect(await purge(inAMinute)).toBe(0);
    const [goneRow] = await t.db.select().from(users).where(eq(users.id, gone.id));
    expect(goneRow).toMatchObject({
      status: 'deactivated',
      displayName: expect.stringMatching(/^Personne effacée/),
    });
    const [activeRow] = await t.db.select().from(users).where(eq(users.id, active.id));
    expect(activeRow).toMatchObject({ status: 'active', displayName: active.displayName, erasedAt: null });
    const [event] = await eventsOf('user.erase', gone.id);
    expect(event).toMatchObject({ actorKind: 'system', actorUserId: null, details: { job: 'retention' } });
  });
});
