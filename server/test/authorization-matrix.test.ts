import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../common/roles.ts';
import { applicationAttachments, siteSettings, users } from '../db/schema.ts';
import { attachmentFiles } from '../lib/attachment-files.ts';
import { insertSession } from '../modules/auth/sessions.queries.ts';
import { acceptanceFixtures } from './authorization-matrix.acceptance.ts';
import { accessibilityFixtures } from './authorization-matrix.accessibility.ts';
import { boardFixtures } from './authorization-matrix.board.ts';
import { callFixtures } from './authorization-matrix.calls.ts';
import { clubFixtures } from './authorization-matrix.clubs.ts';
import { communityFixtures } from './authorization-matrix.community.ts';
import { compensationFixtures } from './authorization-matrix.compensation.ts';
import { evaluationFixtures } from './authorization-matrix.evaluations.ts';
import { notificationFixtures } from './authorization-matrix.notifications.ts';
import { projectFixtures } from './authorization-matrix.projects.ts';
import { referentialFixtures } from './authorization-matrix.referential.ts';
import { MATRIX_WEBHOOK_SECRET, storeFixtures } from './authorization-matrix.store.ts';
import { supportFixtures } from './authorization-matrix.support.ts';
import {
  type Cell,
  FALLBACK,
  type Fixtures,
  MATRIX,
  type Method,
  PDF,
  type RouteCase,
  type Scope,
} from './authorization-matrix.table.ts';
import { createSheet, multipartForm } from './catalog-fixtures.ts';
import { createTestContext, createUser, organisationId, signUp, type TestContext } from './harness.ts';

/**
 * Every route × every role × {own office, other office} + no session → the expected status: the table is
 * in authorization-matrix.table.ts. Here, the database it runs on and the cells.
 */
let t: TestContext;
let fixtures: Fixtures;
let webDir: string;

beforeAll(async () => {
  // A built web app of two files, so that the routes serving it exist as in production.
  webDir = mkdtempSync(path.join(tmpdir(), 'mutualis-web-'));
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Mutualis</title>');
  writeFileSync(path.join(webDir, 'assets', 'app.js'), 'export {};');
  t = await createTestContext({ webDir, amCloudWebhookSecret: MATRIX_WEBHOOK_SECRET });

  const admin = (await signUp(t, { roles: ['admin'], organisationCode: 'CNAM-DDO' })).agent;
  const ownDirector = (await signUp(t, { roles: ['officeDirector'], organisationCode: 'CPAM-67' })).agent;
  const officeId = {
    own: await organisationId(t.db, 'CPAM-67'),
    other: await organisationId(t.db, 'CPAM-13'),
  };
  const freshSheet = async (scope: Scope, name = 'Fiche de la matrice') =>
    (await createSheet(admin, officeId[scope], { name })).id;
  const freshAttachment = async (applicationId: string) => {
    const [row] = await t.db
      .insert(applicationAttachments)
      .values({
        applicationId,
        kind: 'document',
        fileName: 'note.pdf',
        mediaType: 'application/pdf',
        size: PDF.length,
        sha256: 'matrice',
        content: PDF,
      })
      .returning({ id: applicationAttachments.id });
    if (!row) throw new Error('attachment not inserted');
    return row.id;
  };
  const freshUser = async (scope: Scope, displayName?: string) =>
    (
      await createUser(t.db, {
        roles: ['agent'],
        organisationCode: scope === 'own' ? 'CPAM-67' : 'CPAM-13',
        ...(displayName ? { displayName } : {}),
      })
    ).id;
  const read = async (scope: Scope) => {
    const applicationId = await freshSheet(scope, `Application lue (${scope})`);
    return {
      applicationId,
      attachmentId: await freshAttachment(applicationId),
      userId: await freshUser(scope),
    };
  };
  const own = await read('own');
  const other = await read('other');
  fixtures = {
    officeId,
    applicationId: { own: own.applicationId, other: other.applicationId },
    attachmentId: { own: own.attachmentId, other: other.attachmentId },
    userId: { own: own.userId, other: other.userId },
    freshSheet,
    freshAttachment,
    freshUser,
    siteSettingsVersion: async () => {
      const [row] = await t.db.select({ version: siteSettings.version }).from(siteSettings);
      return row?.version ?? 1;
    },
    projects: projectFixtures(
      t.db,
      attachmentFiles(t.config.dataDir),
      officeId,
      await organisationId(t.db, 'CNAM-DDGOS'),
      await organisationId(t.db, 'CPAM-69'),
    ),
    ddgos: await organisationId(t.db, 'CNAM-DDGOS'),
    evaluations: evaluationFixtures(t.db, attachmentFiles(t.config.dataDir), officeId),
    acceptance: acceptanceFixtures(t.db, attachmentFiles(t.config.dataDir), officeId),
    notifications: notificationFixtures(t.db),
    store: storeFixtures(t.db, admin, officeId),
    community: communityFixtures(t.db, officeId),
    calls: callFixtures(t.db, attachmentFiles(t.config.dataDir), officeId),
    board: boardFixtures(t.db),
    support: supportFixtures(t.db, attachmentFiles(t.config.dataDir), officeId, {
      own: own.applicationId,
      other: other.applicationId,
    }),
    referential: referentialFixtures(t.db),
    accessibility: accessibilityFixtures(t.db),
    compensation: compensationFixtures(t.db, officeId),
    clubs: clubFixtures(t.db, officeId, freshSheet),
    declareOwnUsage: async (applicationId) => {
      const declared = await ownDirector.post(`/api/applications/${applicationId}/usages`, { userCount: 3 });
      if (declared.statusCode !== 201) throw new Error(`usage not declared: ${declared.body}`);
    },
  };
});
afterAll(async () => {
  await t.close();
  rmSync(webDir, { recursive: true, force: true });
});

let counter = 0;
/** A fresh account with exactly `role` in the own office, and a live session (or none). */
async function cellFor(role: Role | null, scope: Scope) {
  counter += 1;
  const actor = await createUser(t.db, { roles: [role ?? 'agent'], organisationCode: 'CPAM-67' });
  const cell: Cell = { scope, actor, unique: `${(role ?? 'anonymous').toLowerCase()}${counter}` };
  if (!role) return { cell, headers: {} };
  const session = await insertSession(t.db, {
    userId: actor.id,
    ip: '127.0.0.1',
    userAgent: 'matrix',
    timeouts: { idleMinutes: 30, absoluteHours: 1 },
  });
  return {
    cell,
    headers: { cookie: `mutualis_session=${session.token}`, 'x-csrf-token': session.csrfToken },
  };
}

/**
 * Once its request is answered, a cell's account is deactivated: the accounts of earlier cells would
 * otherwise hear of every later event sent to a whole office or to every administrator (a question on a
 * call, an accessibility report), and that fan-out grew with each cell — minutes for this file.
 */
async function retire(actor: Cell['actor']) {
  await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, actor.id));
}

async function send(method: Method, route: RouteCase, role: Role | null, scope: Scope) {
  const { cell, headers } = await cellFor(role, scope);
  const request = await route.request(cell, fixtures);
  try {
    if (request.upload) {
      const { payload, contentType } = multipartForm(request.upload.file, request.upload.fields);
      return await t.app.inject({
        method,
        url: request.url,
        headers: { ...headers, 'content-type': contentType },
        payload,
      });
    }
    return await t.app.inject({
      method,
      url: request.url,
      headers: { ...headers, ...request.headers },
      ...(request.body === undefined ? {} : { payload: request.body as object }),
    });
  } finally {
    await retire(cell.actor);
  }
}

describe('authorization matrix', () => {
  it('covers every route the application serves, and nothing else', () => {
    expect([...t.app.servedRoutes].sort()).toEqual(Object.keys(MATRIX).sort());
    // Every route with an access declaration is served, and is in the table.
    expect([...t.app.routeAccess.keys()].filter((route) => !t.app.servedRoutes.has(route))).toEqual([]);
  });

  for (const [route, spec] of Object.entries(MATRIX)) {
    const method = route.split(' ')[0] as Method;
    it(`${route}: every role, own and other office, and anonymous`, async () => {
      const failures: string[] = [];
      const check = (who: string, expected: number, response: { statusCode: number; body: string }) => {
        if (response.statusCode !== expected)
          failures.push(
            `${who}: expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 300)}`,
          );
      };
      for (const role of ROLES) {
        for (const scope of ['own', 'other'] as const) {
          check(`${role}/${scope}`, spec.expected(role, scope), await send(method, spec, role, scope));
        }
      }
      check('anonymous', spec.anonymous, await send(method, spec, null, 'own'));
      expect(failures).toEqual([]);
    }, 180_000);
  }

  it('answers what no route matches: the web app for a deep link, a problem+json 404 otherwise', async () => {
    const failures: string[] = [];
    for (const { method, url, status, type } of FALLBACK) {
      for (const role of [...ROLES, null]) {
        const { cell, headers } = await cellFor(role, 'own');
        const response = await t.app.inject({ method, url, headers });
        await retire(cell.actor);
        const contentType = String(response.headers['content-type']);
        if (response.statusCode !== status || !contentType.startsWith(type))
          failures.push(`${role ?? 'anonymous'} ${method} ${url}: got ${response.statusCode} ${contentType}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
