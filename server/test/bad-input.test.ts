import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrorFromDatabase } from '../lib/database-errors.ts';
import { createSheet, designerAndOthers, sheetBody, signedInAs } from './catalog-fixtures.ts';
import { type Agent, createTestContext, type TestContext } from './harness.ts';

/**
 * Bad input answers 4xx problem+json in French naming the field — never 500 — whether the schemas
 * catch it or the database does (unique codes, NUL bytes, dates PostgreSQL cannot hold). Runs on the
 * embedded database, and on PostgreSQL when DATABASE_URL is set (as in CI), where the concurrent
 * creations really race.
 */
let t: TestContext;
let developer: Agent;
let rhone: string;

beforeAll(async () => {
  t = await createTestContext();
  ({ developer, rhone } = await designerAndOthers(t));
});
afterAll(() => t.close());

const problemOf = (response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) => {
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  return response.json() as { status: number; detail: string; errors?: { field: string; message: string }[] };
};

describe('unique values', () => {
  it('refuses a PATCH to the code of another sheet: 409 naming the code, nothing changed', async () => {
    const first = await createSheet(developer, rhone, { code: 'CONGES-A', name: 'Congés A' });
    const second = await createSheet(developer, rhone, { code: 'CONGES-B', name: 'Congés B' });
    const response = await developer.patch(`/api/applications/${second.id}`, {
      version: second.version,
      code: first.code,
    });
    expect(response.statusCode).toBe(409);
    const problem = problemOf(response);
    expect(problem.detail).toContain('« code »');
    expect(problem.errors).toEqual([{ field: 'code', message: expect.stringContaining('identifiant') }]);
    const unchanged = await developer.get(`/api/applications/${second.id}`);
    expect(unchanged.json()).toMatchObject({ code: 'CONGES-B', version: second.version });
  });

  it('creates one of two sheets sent at the same time with the same code; the other gets 409', async () => {
    const body = sheetBody(rhone, { code: 'DOUBLON-SIMULTANE', name: 'Doublon simultané' });
    const responses = await Promise.all([
      developer.post('/api/applications', body),
      developer.post('/api/applications', body),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const refused = responses.find((r) => r.statusCode === 409);
    expect(refused && problemOf(refused).errors?.[0]?.field).toBe('code');
  });
});

describe('text the database cannot store', () => {
  it('refuses a NUL byte in any text field, naming the field', async () => {
    const sheet = await createSheet(developer, rhone, { name: 'Fiche au caractère nul' });
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'Nom\u0000caché' }, 'name'],
      [{ description: 'Texte\u0000' }, 'description'],
      [{ maintainer: { name: 'A\u0000', email: null, phone: null } }, 'maintainer.name'],
      [{ connectors: ['SNGI\u0000'] }, 'connectors.0'],
      [{ versions: [{ number: '1.0', notes: 'a\u0000b' }] }, 'versions.0.notes'],
    ];
    for (const [fields, field] of cases) {
      const response = await developer.patch(`/api/applications/${sheet.id}`, {
        version: sheet.version,
        ...fields,
      });
      expect(response.statusCode, field).toBe(400);
      const problem = problemOf(response);
      expect(problem.errors?.map((e) => e.field)).toContain(field);
      expect(problem.detail).toContain('caractère');
    }
  });

  it('keeps line breaks in multi-line text and refuses them in a name', async () => {
    const multiLine = await developer.post(
      '/api/applications',
      sheetBody(rhone, { name: 'Fiche multiligne', description: 'Ligne 1\r\n\tLigne 2' }),
    );
    expect(multiLine.statusCode).toBe(201);
    const oneLine = await developer.post('/api/applications', sheetBody(rhone, { name: 'Nom\nsur deux' }));
    expect(oneLine.statusCode).toBe(400);
    expect(problemOf(oneLine).errors?.map((e) => e.field)).toEqual(['name']);
  });

  it('refuses a date outside 1900–2100 or that does not exist, naming the field', async () => {
    for (const releasedOn of ['0000-01-01', '1899-12-31', '2101-01-01', '2024-02-30', '99999-01-01']) {
      const response = await developer.post(
        '/api/applications',
        sheetBody(rhone, { name: `Version du ${releasedOn}`, versions: [{ number: '1.0', releasedOn }] }),
      );
      expect(response.statusCode, releasedOn).toBe(400);
      expect(problemOf(response).errors?.map((e) => e.field)).toEqual(['versions.0.releasedOn']);
    }
    const bounds = await developer.post(
      '/api/applications',
      sheetBody(rhone, {
        name: 'Versions aux bornes',
        versions: [
          { number: '1.0', releasedOn: '1900-01-01' },
          { number: '2.0', releasedOn: '2100-12-31' },
        ],
      }),
    );
    expect(bounds.statusCode).toBe(201);
  });

  it('refuses an out-of-range date in a query string', async () => {
    const admin = await signedInAs(t, ['admin'], 'CNAM-DDSI');
    const response = await admin.get('/api/audit-events?from=0000-01-01');
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors?.map((e) => e.field)).toEqual(['from']);
  });
});

describe('unknown fields', () => {
  it('refuses a misspelt field in a PATCH with 400 naming it (it used to answer 200 and change nothing)', async () => {
    const sheet = await createSheet(developer, rhone, { name: 'Fiche mal orthographiée' });
    const response = await developer.patch(`/api/applications/${sheet.id}`, {
      version: sheet.version,
      nmae: 'Nouveau nom',
      maintainer: { name: 'Camille', emial: 'camille@exemple.fr' },
    });
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    expect(problem.errors).toEqual([
      { field: 'nmae', message: expect.stringContaining("n'existe pas") },
      { field: 'maintainer.emial', message: expect.stringContaining("n'existe pas") },
    ]);
    expect(problem.detail).toContain('« nmae »');
  });

  it('refuses an unknown field in a usage declaration', async () => {
    const sheet = await createSheet(developer, rhone, { name: 'Fiche utilisée' });
    const response = await developer.post(`/api/applications/${sheet.id}/usages`, {
      userCount: 3,
      usersCount: 3,
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).errors?.map((e) => e.field)).toEqual(['usersCount']);
  });

  it('refuses an unknown field in the input of a transition, and any input of one that takes none', async () => {
    const sheet = await createSheet(developer, rhone, { name: 'Fiche à archiver' });
    const archive = await developer.post(`/api/applications/${sheet.id}/transitions`, {
      action: 'archive',
      version: sheet.version,
      input: { reason: 'Doublon', raison: 'Doublon' },
    });
    expect(archive.statusCode).toBe(400);
    expect(problemOf(archive).errors?.map((e) => e.field)).toEqual(['input.raison']);
  });
});

describe('PostgreSQL errors behind the schemas', () => {
  /** The error a real statement raises on this database (PGlite or PostgreSQL). */
  async function databaseError(statement: ReturnType<typeof sql>) {
    try {
      await t.db.execute(statement);
    } catch (error) {
      return error;
    }
    throw new Error('the statement succeeded');
  }

  it.each([
    ['22021', sql`select ${'a\u0000b'}::text`, 400],
    ['22008', sql`select ${'0000-01-01'}::date`, 400],
    ['22P02', sql`select ${'pas-un-uuid'}::uuid`, 400],
    ['22003', sql`select ${'99999999999'}::integer`, 400],
    [
      '23505',
      sql`insert into organisations (code, type, name, region, reference_version)
                  select code, type, name, region, reference_version from organisations limit 1`,
      409,
    ],
  ])(
    'answers SQLSTATE %s with a French problem that does not quote the value',
    async (_state, statement, status) => {
      const error = await databaseError(statement);
      const refusal = appErrorFromDatabase(error);
      expect(refusal).not.toBeNull();
      expect({ 400: 'badRequest', 409: 'conflict' }[status]).toBe(refusal?.code);
      expect(refusal?.detail).toMatch(/[éèàç]|valeur/);
      expect(refusal?.detail).not.toMatch(/pas-un-uuid|99999999999|0000-01-01/);
    },
  );
});
