import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSheet, signedInAs } from '../../../test/catalog-fixtures.ts';
import { type Agent, createTestContext, organisationId, type TestContext } from '../../../test/harness.ts';
import * as changeLog from './search.changes.ts';
import { searchIndex } from './search.evaluate.ts';
import { CatalogueSearch, type ChangeSource } from './search.sync.ts';

/** How the index of one process keeps up with what every process commits. */

let t: TestContext;
let writer: Agent;
let rhone: string;

beforeAll(async () => {
  t = await createTestContext();
  rhone = await organisationId(t.db, 'CPAM-69');
  writer = await signedInAs(t, ['developer'], 'CPAM-69');
});
afterAll(() => t.close());

/** A promise resolved from outside. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const codesOf = async (search: CatalogueSearch, filters = {}) => {
  const index = await search.fresh();
  return searchIndex(index, filters, null, 'name').order.map((i) => index.cardAt(i).code);
};

describe('catalogue index freshness', () => {
  it('a search never rides on a catch-up that began before its own caller’s write committed', async () => {
    const held = gate();
    let readsStarted = 0;
    const reached = gate();
    const slow: ChangeSource = {
      ...changeLog,
      readChangesSince: async (db, since) => {
        const changes = await changeLog.readChangesSince(db, since);
        readsStarted += 1;
        // The second catch-up (the first search's) reads the log, then waits: its snapshot is already taken.
        if (readsStarted === 2) {
          reached.open();
          await held.opened;
        }
        return changes;
      },
    };
    const search = new CatalogueSearch(t.db, undefined, 1000, slow);
    await search.fresh();
    const early = search.fresh();
    await reached.opened;
    // Committed while that catch-up is under way, with a snapshot older than the write.
    const sheet = await createSheet(writer, rhone, { name: 'Axolotl en retard' });
    const late = search.fresh();
    held.open();
    await early;
    const index = await late;
    const codes = searchIndex(index, {}, null, 'name').order.map((i) => index.cardAt(i).code);
    expect(codes).toContain(sheet.code);
    expect(readsStarted).toBe(3);
  });

  it('concurrent searches share catch-ups instead of one each', async () => {
    let reads = 0;
    const counting: ChangeSource = {
      ...changeLog,
      readChangesSince: (db, since) => {
        reads += 1;
        return changeLog.readChangesSince(db, since);
      },
    };
    const search = new CatalogueSearch(t.db, undefined, 1000, counting);
    await search.fresh();
    reads = 0;
    await Promise.all(Array.from({ length: 20 }, () => search.fresh()));
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(reads).toBeLessThanOrEqual(2);
  });

  it('reads only the changed rows, and a renamed office rebuilds in the background while the old index serves', async () => {
    const sheet = await createSheet(writer, rhone, { name: 'Tardigrade' });
    const read: string[][] = [];
    const rebuildHeld = gate();
    let snapshotsTaken = 0;
    const watched: ChangeSource = {
      ...changeLog,
      readSnapshot: async (db) => {
        snapshotsTaken += 1;
        // The first rebuild goes through; the one a rename asks for waits.
        if (snapshotsTaken > 1) await rebuildHeld.opened;
        return changeLog.readSnapshot(db);
      },
      readIndexRows: (db, selection) => {
        if ('ids' in selection) read.push(selection.ids);
        return changeLog.readIndexRows(db, selection);
      },
    };
    const search = new CatalogueSearch(t.db, undefined, 1000, watched);
    const before = await search.fresh();
    const edited = await writer.patch(`/api/applications/${sheet.id}`, {
      version: sheet.version,
      name: 'Tardigrade et loutre',
    });
    expect(edited.statusCode).toBe(200);
    const after = await search.fresh();
    expect(after).toBe(before);
    expect(read).toEqual([[sheet.id]]);

    await t.db.execute(sql`UPDATE organisations SET name = 'CPAM du Rhône (Lyon)' WHERE code = 'CPAM-69'`);
    // The rename is seen: a rebuild starts, and searches go on with the index they have meanwhile.
    const serving = await search.fresh();
    expect(serving).toBe(before);
    expect(await codesOf(search)).toContain(sheet.code);
    rebuildHeld.open();
    await search.settle();
    const rebuilt = await search.fresh();
    expect(rebuilt).not.toBe(before);
    const card = rebuilt.cardAt(rebuilt.position.get(sheet.id) as number);
    expect(card.designer.name).toBe('CPAM du Rhône (Lyon)');
    expect(card.name).toBe('Tardigrade et loutre');
  });

  it('a write through the API is in the index of the process that answered it, before any search', async () => {
    const catalogue = t.app.deps.catalogue;
    await catalogue.fresh();
    const nameIn = (id: string) => {
      const index = catalogue.current;
      const slot = index?.position.get(id);
      return slot === undefined ? undefined : index?.cardAt(slot).name;
    };
    const sheet = await createSheet(writer, rhone, { name: 'Ornithorynque sitôt écrit' });
    expect(nameIn(sheet.id)).toBe('Ornithorynque sitôt écrit');
    const renamed = await writer.patch(`/api/applications/${sheet.id}`, {
      version: sheet.version,
      name: 'Ornithorynque sitôt renommé',
    });
    expect(renamed.statusCode).toBe(200);
    expect(nameIn(sheet.id)).toBe('Ornithorynque sitôt renommé');
    // The search that follows a write lists no slots but its matches (the lists of every slot are for
    // the searches without words: derived once per version, which the write moved).
    const found = await writer.get('/api/applications?q=ornithorynque');
    expect(found.json().items.map((item: { id: string }) => item.id)).toEqual([sheet.id]);
    expect(catalogue.current?.derived.has('slots')).toBe(false);
  });
});
