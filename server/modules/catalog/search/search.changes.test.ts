import { eq, inArray, sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalogue } from '../../../db/demo/seed-catalogue.ts';
import { applications, applicationUsages, businessDomains, organisations } from '../../../db/schema.ts';
import { CATALOGUE_CHANGES_PRUNE_JOB } from '../../../jobs/jobs.ts';
import { selectRows } from '../../../lib/rows.ts';
import { createTestContext, organisationId, type TestContext } from '../../../test/harness.ts';
import { findApplications } from '../applications/applications.queries.ts';
import {
  type IndexRow,
  pruneChanges,
  readChangesSince,
  readIndexRows,
  readOffices,
  readSnapshot,
} from './search.changes.ts';

/**
 * The change log on a real database. What needs two connections at once (a transaction left open while
 * another commits or reads) runs where there are two: on the PostgreSQL server (DATABASE_URL, as in CI);
 * the embedded database has one connection.
 */
const onServer = Boolean(process.env.DATABASE_URL);

let t: TestContext;
let rhone: string;
beforeAll(async () => {
  t = await createTestContext();
  await seedDemoCatalogue(t.db);
  rhone = await organisationId(t.db, 'CPAM-69');
});
afterAll(() => t.close());

let sheetCounter = 0;
/** A new sheet's columns, written straight to the table (the triggers are what is tested). */
function sheetValues() {
  sheetCounter += 1;
  return {
    code: `CHANGES-${sheetCounter}`,
    name: `Registre des changements ${sheetCounter}`,
    summary: 'Une fiche écrite par le test du journal des changements.',
    domainCode: 'ressources-humaines',
    designerOrganisationId: rhone,
    track: 'homologation' as const,
    lifecycleStage: 'inDevelopment' as const,
    hosting: 'officeServer' as const,
  };
}

async function insertSheet() {
  const [row] = await t.db.insert(applications).values(sheetValues()).returning({ id: applications.id });
  return (row as { id: string }).id;
}

const logSize = async () =>
  Number((await selectRows<{ n: string }>(t.db, sql`SELECT count(*) AS n FROM catalogue_changes`))[0]?.n);

describe('the change log, read by snapshots', () => {
  it('lists an application written by a committed transaction once, then nothing until the next write', async () => {
    const before = await readSnapshot(t.db);
    const id = await t.db.transaction(async (tx) => {
      const [row] = await tx.insert(applications).values(sheetValues()).returning({ id: applications.id });
      const created = (row as { id: string }).id;
      await tx.update(applications).set({ summary: 'Résumé revu.' }).where(eq(applications.id, created));
      return created;
    });
    const changes = await readChangesSince(t.db, before);
    expect(changes).toEqual({ snapshot: expect.any(String), ids: [id], reference: false });
    expect(await readChangesSince(t.db, changes.snapshot)).toMatchObject({ ids: [], reference: false });

    await t.db.delete(applications).where(eq(applications.id, id));
    const deleted = await readChangesSince(t.db, changes.snapshot);
    expect(deleted.ids).toEqual([id]);
    // A deleted application is simply absent from its re-read.
    expect(await readIndexRows(t.db, { ids: deleted.ids })).toEqual([]);
  });

  it('logs nothing for an UPDATE that changes nothing (a usage count recounted to the same figure)', async () => {
    const id = await insertSheet();
    const since = await readSnapshot(t.db);
    const size = await logSize();
    await t.db.update(applications).set({ usageCount: sql`usage_count` }).where(eq(applications.id, id));
    expect(await logSize()).toBe(size);
    expect((await readChangesSince(t.db, since)).ids).toEqual([]);
  });

  it('lists the application whose usage is declared or withdrawn, not one whose usage figures change', async () => {
    const id = await insertSheet();
    const marseille = await organisationId(t.db, 'CPAM-13');
    const before = await readSnapshot(t.db);
    await t.db
      .insert(applicationUsages)
      .values({ applicationId: id, organisationId: marseille, userCount: 5 });
    const declared = await readChangesSince(t.db, before);
    expect(declared).toMatchObject({ ids: [id], reference: false });

    await t.db
      .update(applicationUsages)
      .set({ userCount: 12 })
      .where(eq(applicationUsages.applicationId, id));
    const figures = await readChangesSince(t.db, declared.snapshot);
    expect(figures.ids).toEqual([]);

    await t.db.delete(applicationUsages).where(eq(applicationUsages.applicationId, id));
    expect((await readChangesSince(t.db, figures.snapshot)).ids).toEqual([id]);
  });

  it('marks a renamed office or a relabelled domain as a reference change (one row per transaction)', async () => {
    const before = await readSnapshot(t.db);
    const size = await logSize();
    await t.db
      .update(organisations)
      .set({ name: sql`name || ' (renommée)'` })
      .where(inArray(organisations.code, ['CPAM-75', 'CPAM-33', 'CPAM-38']));
    expect(await logSize()).toBe(size + 1);
    const renamed = await readChangesSince(t.db, before);
    expect(renamed).toMatchObject({ ids: [], reference: true });
    expect((await readOffices(t.db)).find((o) => o.code === 'CPAM-75')?.name).toMatch(/\(renommée\)$/);

    // What the index does not copy (the office's city) is no reference change.
    await t.db.update(organisations).set({ city: 'Paris 20e' }).where(eq(organisations.code, 'CPAM-75'));
    const city = await readChangesSince(t.db, renamed.snapshot);
    expect(city).toMatchObject({ ids: [], reference: false });

    await t.db
      .update(businessDomains)
      .set({ labelFr: sql`label_fr || ' et paie'` })
      .where(eq(businessDomains.code, 'ressources-humaines'));
    expect(await readChangesSince(t.db, city.snapshot)).toMatchObject({ ids: [], reference: true });
  });

  it('prunes the rows older than the given age, and only those; the hourly job keeps a day and an hour', async () => {
    const aged = (hours: number) =>
      selectRows<{ id: string }>(
        t.db,
        sql`INSERT INTO catalogue_changes (application_id, at)
            VALUES (gen_random_uuid(), now() - make_interval(secs => ${hours * 3600})) RETURNING id`,
      ).then((rows) => String(rows[0]?.id));
    const surviving = async (ids: string[]) =>
      (
        await selectRows<{ id: string }>(
          t.db,
          sql`SELECT id FROM catalogue_changes WHERE id = ANY(${sql.param(ids)}::bigint[]) ORDER BY id`,
        )
      ).map((r) => String(r.id));

    const [dayAndHalf, twentyFive, twentyThree] = [await aged(36), await aged(25), await aged(23)];
    expect(await pruneChanges(t.db, 24 * 60 * 60 * 1000)).toBeGreaterThanOrEqual(2);
    expect(await surviving([dayAndHalf, twentyFive, twentyThree])).toEqual([twentyThree]);

    const [pastMargin, withinMargin] = [await aged(26), await aged(24.5)];
    await t.app.deps.jobs.nudge(CATALOGUE_CHANGES_PRUNE_JOB);
    expect(await surviving([pastMargin, withinMargin, twentyThree])).toEqual(
      [withinMargin, twentyThree].sort(),
    );
  });
});

describe('the rows of the index', () => {
  /** The whole catalogue in one page, in id order. */
  async function catalogueRows() {
    return readIndexRows(t.db, { after: null, limit: 100_000 });
  }

  it('reads by ids exactly what the whole read reads, with the text vector', async () => {
    const all = await catalogueRows();
    // Every third row, and one of each kind below (ids are random: which rows fall on a third is not fixed).
    const kinds = [all.find((r) => (r.usedBy?.length ?? 0) > 1), all.find((r) => r.usedBy?.length === 0)];
    const chosen = all.filter((r, i) => i % 3 === 0 || kinds.includes(r));
    expect(chosen.length).toBeGreaterThan(10);
    // Used by declared offices, by the designer in production only, and by nobody: all three are there.
    expect(chosen.some((r) => (r.usedBy?.length ?? 0) > 1)).toBe(true);
    expect(chosen.some((r) => r.usedBy?.length === 0)).toBe(true);
    const rows = await readIndexRows(t.db, { ids: chosen.map((r) => r.id) });
    expect(rows).toEqual(chosen);
    for (const row of rows) expect(row.vector).toMatch(/^'[^']+':\d/);
    // What the sheet itself says, read by the catalogue's own query.
    const sheets = new Map(
      (
        await findApplications(
          t.db,
          chosen.map((r) => r.id),
        )
      ).map((a) => [a.id, a]),
    );
    for (const row of rows) {
      const sheet = sheets.get(row.id);
      expect({
        code: row.code,
        name: row.name,
        summary: row.summary,
        domain: row.domain.code,
        designer: row.designer.id,
        track: row.track,
        stage: row.lifecycleStage,
        usageCount: Number(row.usageCount),
        archived: row.archived,
        tags: row.technologyTags,
      }).toEqual({
        code: sheet?.code,
        name: sheet?.name,
        summary: sheet?.summary,
        domain: sheet?.domain.code,
        designer: sheet?.designer.id,
        track: sheet?.track,
        stage: sheet?.lifecycleStage,
        usageCount: Number(sheet?.usageCount),
        archived: sheet?.archivedAt !== null,
        tags: sheet?.technologyTags,
      });
    }
  });

  it('reads the whole catalogue by keyset pages, in id order, exactly as the whole read', async () => {
    const all = await catalogueRows();
    const pages: IndexRow[][] = [];
    let after: string | null = null;
    for (;;) {
      const page: IndexRow[] = await readIndexRows(t.db, { after, limit: 7 });
      if (page.length === 0) break;
      pages.push(page);
      after = page.at(-1)?.id ?? null;
    }
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
    expect(pages.flat()).toEqual(all);
  });
});

/** Two sessions of the PostgreSQL server, each in its own transaction (released with `true`: closed, never back in the pool mid-transaction). */
async function twoSessions() {
  const pool = (t.db as unknown as { $client: pg.Pool }).$client;
  const sessions = [await pool.connect(), await pool.connect()] as const;
  for (const session of sessions) {
    await session.query('BEGIN');
    // A wait for the other session's lock fails fast instead of hanging the test.
    await session.query(`SET LOCAL lock_timeout = '3s'`);
  }
  return sessions;
}
const insertIn = async (session: pg.PoolClient) => {
  const v = sheetValues();
  const { rows } = await session.query<{ id: string }>(
    `INSERT INTO applications (code, name, summary, domain_code, designer_organisation_id, track, lifecycle_stage, hosting)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [v.code, v.name, v.summary, v.domainCode, v.designerOrganisationId, v.track, v.lifecycleStage, v.hosting],
  );
  return (rows[0] as { id: string }).id;
};
const transactionId = async (session: pg.PoolClient) =>
  BigInt(
    (await session.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid')).rows[0]?.xid ?? 0,
  );

describe.skipIf(!onServer)('concurrent transactions (PostgreSQL server)', () => {
  it('lists a change only once committed, and never one rolled back', async () => {
    const [writer, other] = await twoSessions();
    try {
      const since = await readSnapshot(t.db);
      const id = await insertIn(writer);
      const meanwhile = await readChangesSince(t.db, since);
      expect(meanwhile.ids).not.toContain(id);
      await writer.query('COMMIT');
      expect((await readChangesSince(t.db, meanwhile.snapshot)).ids).toEqual([id]);

      const rolledBack = await insertIn(other);
      const afterRollback = await readSnapshot(t.db);
      await other.query('ROLLBACK');
      expect((await readChangesSince(t.db, since)).ids).not.toContain(rolledBack);
      expect((await readChangesSince(t.db, afterRollback)).ids).toEqual([]);
    } finally {
      writer.release(true);
      other.release(true);
    }
  });

  it('does not miss a transaction that began first and commits after a later one was read', async () => {
    const [first, second] = await twoSessions();
    try {
      const since = await readSnapshot(t.db);
      const early = await insertIn(first);
      const late = await insertIn(second);
      // The early transaction has the smaller id: its change sits below the later one's in the log.
      expect(await transactionId(first)).toBeLessThan(await transactionId(second));
      await second.query('COMMIT');
      const read = await readChangesSince(t.db, since);
      expect(read.ids).toEqual([late]);
      await first.query('COMMIT');
      expect((await readChangesSince(t.db, read.snapshot)).ids).toEqual([early]);
    } finally {
      first.release(true);
      second.release(true);
    }
  });

  it('lets two transactions write different applications and offices without waiting for each other', async () => {
    const existing = await selectRows<{ id: string }>(
      t.db,
      sql`SELECT id FROM applications ORDER BY code LIMIT 2`,
    );
    const [one, two] = existing.map((r) => r.id);
    const [first, second] = await twoSessions();
    try {
      const since = await readSnapshot(t.db);
      const created = [await insertIn(first)];
      await first.query(`UPDATE applications SET summary = summary || ' (1)' WHERE id = $1`, [one]);
      await first.query(`UPDATE organisations SET name = name || ' (1)' WHERE code = 'CPAM-44'`);
      // The second transaction does the same kinds of writes while the first is still open: none waits
      // (a wait fails on lock_timeout) and it commits first.
      created.push(await insertIn(second));
      await second.query(`UPDATE applications SET summary = summary || ' (2)' WHERE id = $1`, [two]);
      await second.query(`UPDATE organisations SET name = name || ' (2)' WHERE code = 'CPAM-31'`);
      await second.query('COMMIT');
      await first.query('COMMIT');
      const changes = await readChangesSince(t.db, since);
      expect(changes.reference).toBe(true);
      expect(changes.ids.sort()).toEqual([...created, one, two].sort());
    } finally {
      first.release(true);
      second.release(true);
    }
  });
});
