import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectContacts, projectContributions } from '../../db/schema.ts';
import { selectRows } from '../../lib/rows.ts';
import { submitEvolution } from '../../test/board-fixtures.ts';
import { createSheet } from '../../test/catalog-fixtures.ts';
import {
  type Agent,
  createUser,
  login,
  signUp,
  TEST_PASSWORD,
  type TestContext,
} from '../../test/harness.ts';
import { declareProject } from '../../test/project-fixtures.ts';
import { openTicket, supportTestContext } from '../../test/support-fixtures.ts';
import { markTrained } from '../community/developers.queries.ts';
import { CONTACT_PHONES, DERIVED_TABLES, NAME_BEARING_COLUMNS, USER_REFERENCES } from './personal-data.ts';
import { pseudonymFor } from './privacy.service.ts';

/**
 * The erasure changes only what names the person. A rich set of records is built around one person
 * (Héloïse) and others; every table is read row by row before and after; apart from the personal
 * columns the register declares, every value is the same, and those changed only where they named her.
 */
type Row = Record<string, unknown>;
type Snapshot = Map<string, { keys: string[]; rows: Row[] }>;

const HELOISE = { displayName: 'Héloïse Marchand', email: 'heloise.marchand@cpam-haut-rhin.test' };
const BASTIEN = { displayName: 'Bastien Ollivier', email: 'bastien.ollivier@cpam-haut-rhin.test' };
const PHONE = '03 89 00 00 01';

let t: TestContext;
let admin: Agent;
let heloise: { id: string; agent: Agent };
let bastien: { id: string; agent: Agent };

async function snapshot(): Promise<Snapshot> {
  const tables = await selectRows<{ name: string }>(
    t.db,
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const result: Snapshot = new Map();
  for (const { name } of tables) {
    const keys = await selectRows<{ column: string }>(
      t.db,
      sql`SELECT a.attname AS column FROM pg_index i
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
          WHERE i.indrelid = ${name}::regclass AND i.indisprimary ORDER BY a.attname`,
    );
    const rows = await selectRows<{ row: Row }>(
      t.db,
      sql`SELECT to_jsonb(t) AS row FROM ${sql.identifier(name)} AS t ORDER BY t::text`,
    );
    result.set(name, { keys: keys.map((k) => k.column), rows: rows.map((r) => r.row) });
  }
  return result;
}

/** The personal columns of each table: what the erasure may rewrite. */
const personalColumns = (table: string): string[] => [
  ...(NAME_BEARING_COLUMNS[table] ?? []),
  ...CONTACT_PHONES.columns.filter((c) => c.table === table).map((c) => c.phone),
];
const keyOf = (row: Row, keys: string[]) => JSON.stringify(keys.map((k) => row[k]));
const checksum = (row: Row, excluded: string[]) =>
  createHash('md5')
    .update(JSON.stringify(Object.entries(row).filter(([k]) => !excluded.includes(k))))
    .digest('hex');

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** What the erasure should make of a value: her name and e-mail replaced, whole, whatever their case. */
function expectedValue(value: unknown, pseudonym: { displayName: string; email: string }): unknown {
  if (value === null || value === undefined) return value;
  let text = JSON.stringify(value);
  for (const [from, to] of [
    [HELOISE.email, pseudonym.email],
    [HELOISE.displayName, pseudonym.displayName],
  ] as const) {
    text = text.replace(
      new RegExp(`(?<![\\p{L}\\p{N}_.+-])${escapeRegex(from)}(?![\\p{L}\\p{N}_-])`, 'giu'),
      to,
    );
  }
  const replaced = JSON.parse(text);
  // A contact document at her address loses its phone number too (clearContactPhones).
  if (
    typeof replaced === 'object' &&
    replaced !== null &&
    !Array.isArray(replaced) &&
    typeof replaced.email === 'string' &&
    replaced.email.toLowerCase() === pseudonym.email.toLowerCase() &&
    'phone' in replaced
  )
    return { ...replaced, phone: null };
  return replaced;
}

let before: Snapshot;
let after: Snapshot;
const pseudonym = pseudonymFor(1);

beforeAll(async () => {
  const support = await supportTestContext();
  t = support.t;
  admin = (await signUp(t, { roles: ['admin'], organisationCode: 'CNAM-DDO' })).agent;
  await signUp(t, { roles: ['admin'], organisationCode: 'CNAM-DDO' });

  const people = [];
  for (const who of [HELOISE, BASTIEN]) {
    const user = await createUser(t.db, { roles: ['developer'], organisationCode: 'CPAM-68', ...who });
    await markTrained(t.db, user.id, '2026-06-12');
    people.push({ id: user.id, agent: await login(t.app, who.email) });
  }
  [heloise, bastien] = people as [typeof heloise, typeof bastien];
  // A failed sign-in with her address, a second browser of hers.
  await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: HELOISE.email, password: 'pas le bon mot de passe' },
  });
  await login(t.app, HELOISE.email, TEST_PASSWORD);

  // The administrator edits her account: the audit trail keeps her name and address in its snapshots.
  const read = (await admin.get(`/api/users/${heloise.id}`)).json();
  expect(
    (
      await admin.patch(`/api/users/${heloise.id}`, {
        version: read.version,
        roles: ['developer', 'referent'],
      })
    ).statusCode,
  ).toBe(200);

  const projects = new Map<string, string>();
  for (const [who, person] of [
    [heloise, HELOISE],
    [bastien, BASTIEN],
  ] as const) {
    const { agent } = who;
    // Titles name the work, not the person: only what names her is rewritten.
    const place = person === HELOISE ? 'Colmar' : 'Mulhouse';
    // Marked trained above, the profile exists at version 1: it is written at that version.
    const profile = await agent.request('PUT', '/api/me/developer-profile', {
      version: 1,
      headline: `Profil de ${person.displayName}`,
      skills: ['Recette'],
      technologies: ['PHP'],
      applicationIds: [],
      projectIds: [],
      availableForCollaboration: true,
    });
    expect(profile.statusCode, profile.body).toBe(200);
    const project = await declareProject(agent, { title: `Projet de ${place}` });
    projects.set(who.id, project.id);
    await agent.post('/api/follows', { targetType: 'project', targetId: project.id });
    await agent.request('PUT', '/api/me/notification-preferences', {
      items: [{ kind: 'comment.added', cadence: 'daily' }],
    });
    await agent.post(`/api/projects/${project.id}/comments`, { body: `Relu par ${person.displayName}.` });
    await t.db.insert(projectContacts).values({
      projectId: project.id,
      name: person.displayName,
      role: 'Cheffe de projet',
      email: person.email.toUpperCase(),
      phone: PHONE,
    });
    await t.db.insert(projectContributions).values({
      projectId: project.id,
      personName: person.displayName,
      organisationId: (await agent.get('/api/me')).json().organisation.id,
      sharePercent: 50,
      startsOn: '2026-01-01',
      role: 'Développement',
      createdBy: who === heloise ? bastien.id : heloise.id,
    });
    await createSheet(admin, (await agent.get('/api/me')).json().organisation.id, {
      name: `Application de ${place}`,
      maintainer: { name: person.displayName, email: person.email, phone: PHONE },
    });
    await openTicket(agent, { flow: 'starterKit', subject: `Question de ${place}` });
    await submitEvolution(agent, { title: `Évolution demandée par ${place}` });
  }
  // Bastien names her in a comment on his project; she answers on his.
  const bastienProject = projects.get(bastien.id);
  await bastien.agent.post(`/api/projects/${bastienProject}/comments`, {
    body: `Merci ${HELOISE.displayName} (${HELOISE.email}) pour la relecture.`,
  });
  await heloise.agent.post(`/api/projects/${bastienProject}/comments`, { body: 'Avec plaisir.' });

  before = await snapshot();
  const current = (await admin.get(`/api/users/${heloise.id}`)).json();
  const erased = await admin.post(`/api/users/${heloise.id}/erasure`, {
    version: current.version,
    confirmation: HELOISE.displayName,
  });
  expect(erased.statusCode, erased.body).toBe(200);
  after = await snapshot();
}, 240_000);
afterAll(() => t.close());

describe('the erasure keeps the records whole', () => {
  it('built a rich set of records around her first', () => {
    const referring = Object.entries(USER_REFERENCES).flatMap(([table, entry]) =>
      Object.keys(entry.references)
        .filter((column) => before.get(table)?.rows.some((row) => row[column] === heloise.id))
        .map((column) => `${table}.${column}`),
    );
    expect(referring.length).toBeGreaterThanOrEqual(12);
    const naming = Object.entries(NAME_BEARING_COLUMNS).filter(([table, columns]) =>
      before
        .get(table)
        ?.rows.some((row) => columns.some((c) => JSON.stringify(row[c] ?? '').includes(HELOISE.displayName))),
    );
    expect(naming.length).toBeGreaterThanOrEqual(6);
  });

  it('leaves every value that is not a declared personal column identical, table by table', () => {
    const deleted = new Set(
      Object.entries(USER_REFERENCES).flatMap(([table, entry]) =>
        Object.entries(entry.references)
          .filter(([, r]) => r.erase === 'delete')
          .map(([column]) => `${table}.${column}`),
      ),
    );
    let compared = 0;
    for (const [table, { rows }] of before) {
      if (table === 'users') continue;
      // The search vector is generated from the sheet's keywords, which name the maintainer.
      const excluded = [...personalColumns(table), ...(table === 'applications' ? ['search_vector'] : [])];
      const gone = (row: Row) =>
        [...deleted].some(
          (key) => key.startsWith(`${table}.`) && row[key.split('.')[1] as string] === heloise.id,
        ) ||
        (table === 'login_attempts' && row.email_key === HELOISE.email);
      const kept = rows
        .filter((row) => !gone(row))
        .map((row) => checksum(row, excluded))
        .sort();
      const now = (after.get(table)?.rows ?? []).map((row) => checksum(row, excluded)).sort();
      if (table === 'audit_events') {
        // One event more: the erasure itself, naming no one.
        expect(now.length, table).toBe(kept.length + 1);
        expect(
          now.filter((c) => !kept.includes(c)),
          table,
        ).toHaveLength(1);
      } else if ((DERIVED_TABLES as readonly string[]).includes(table)) {
        expect(
          kept.every((c) => now.includes(c)),
          table,
        ).toBe(true);
      } else {
        expect(now, table).toEqual(kept);
      }
      compared += rows.length;
    }
    // Every row of every table of the test database, reference data included (about 330 here).
    expect(compared).toBeGreaterThan(300);
  });

  it('removed her sessions, browsers, sign-in attempts, profile, follows and preferences', () => {
    for (const table of [
      'sessions',
      'known_devices',
      'developer_profiles',
      'follows',
      'notification_preferences',
    ]) {
      expect(
        before.get(table)?.rows.some((r) => r.user_id === heloise.id),
        table,
      ).toBe(true);
      expect(
        after.get(table)?.rows.some((r) => r.user_id === heloise.id),
        table,
      ).toBe(false);
      expect(
        after.get(table)?.rows.some((r) => r.user_id === bastien.id),
        table,
      ).toBe(true);
    }
    expect(before.get('login_attempts')?.rows.filter((r) => r.email_key === HELOISE.email).length).toBe(3);
    expect(after.get('login_attempts')?.rows.some((r) => r.email_key === HELOISE.email)).toBe(false);
  });

  it('changed the personal columns only where they named her, into the pseudonym', () => {
    let rewritten = 0;
    for (const [table, { keys, rows }] of before) {
      const columns = personalColumns(table);
      if (table === 'users' || columns.length === 0) continue;
      const afterByKey = new Map((after.get(table)?.rows ?? []).map((row) => [keyOf(row, keys), row]));
      for (const row of rows) {
        const now = afterByKey.get(keyOf(row, keys));
        if (!now) continue;
        for (const column of columns) {
          const contact = CONTACT_PHONES.columns.find((c) => c.table === table && c.phone === column);
          const expected = contact
            ? String(row[contact.email]).toLowerCase() === HELOISE.email
              ? null
              : row[column]
            : expectedValue(row[column], pseudonym);
          expect(now[column], `${table}.${column}`).toEqual(expected);
          if (JSON.stringify(now[column]) !== JSON.stringify(row[column])) rewritten += 1;
        }
        const document = CONTACT_PHONES.documents.find((d) => d.table === table);
        if (document) {
          for (const d of CONTACT_PHONES.documents.filter((x) => x.table === table)) {
            const card = row[d.column] as { email?: string; phone?: string } | null;
            const nowCard = now[d.column] as { phone?: string | null } | null;
            if (card?.email?.toLowerCase() === HELOISE.email) expect(nowCard?.phone ?? null).toBeNull();
          }
        }
      }
    }
    expect(rewritten).toBeGreaterThanOrEqual(10);
    const text = JSON.stringify([...after.entries()].filter(([table]) => table !== 'users'));
    const still = [...after.entries()]
      .filter(([table]) => table !== 'users')
      .flatMap(([table, { rows }]) =>
        rows.flatMap((row) =>
          Object.entries(row)
            .filter(([, v]) => JSON.stringify(v ?? '').includes('Héloïse'))
            .map(([c, v]) => `${table}.${c}: ${JSON.stringify(v).slice(0, 160)}`),
        ),
      );
    expect(still).toEqual([]);
    expect(text).not.toContain('Héloïse');
    expect(text.toLowerCase()).not.toContain(HELOISE.email);
    expect(text).toContain(BASTIEN.displayName);
    expect(text).toContain(pseudonym.displayName);
  });

  it('pseudonymised her account and left every other account as it was', () => {
    const byId = (snap: Snapshot) => new Map((snap.get('users')?.rows ?? []).map((r) => [r.id as string, r]));
    const [was, is] = [byId(before), byId(after)];
    for (const [id, row] of was) {
      if (id !== heloise.id) expect(is.get(id), id).toEqual(row);
    }
    const old = was.get(heloise.id) as Row;
    const now = is.get(heloise.id) as Row;
    expect(now).toMatchObject({
      display_name: pseudonym.displayName,
      email: pseudonym.email,
      status: 'deactivated',
      erasure_number: 1,
    });
    expect(now.erased_at).not.toBeNull();
    expect(now.password_hash).not.toBe(old.password_hash);
    const personal = [
      'email',
      'display_name',
      'status',
      'password_hash',
      'erased_at',
      'erasure_number',
      'version',
      'updated_at',
    ];
    expect(checksum(now, personal)).toBe(checksum(old, personal));
  });
});
