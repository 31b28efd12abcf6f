import type { FastifyBaseLogger } from 'fastify';
import type { Executor } from '../../../db/client.ts';
import * as changeLog from './search.changes.ts';
import { CHANGE_RETENTION_MS, type IndexRow } from './search.changes.ts';
import { CatalogueIndex } from './search.index.ts';
import { SEARCH_RESULTS_KEPT } from './search.results.ts';
import { TermCache } from './search.terms.ts';

/**
 * Keeps one process's search index in step with the database (docs/architecture.md, "Catalogue search
 * index"). Every transaction that writes the catalogue leaves rows in `catalogue_changes`, tagged with its
 * transaction id; the index remembers the database snapshot it is complete for. Before a search, one
 * statement returns the current snapshot and the applications changed by the transactions committed
 * since (visible now, not visible in the remembered snapshot — whatever their commit order), and only
 * those rows are read again and moved in the index.
 *
 * A caller needs a read that starts after it arrived (its own write committed before): a caller that
 * finds a read under way waits for the next one, which starts when that one ends and serves everyone
 * who queued meanwhile. A whole rebuild (at the start; when an office or a domain was renamed; when
 * the remembered snapshot is older than the change log keeps) is read in pages while the old index
 * keeps serving, and takes its place at the start of the next catch-up, which applies what changed
 * since the rebuild's snapshot.
 */
export type ChangeSource = Pick<
  typeof changeLog,
  'readSnapshot' | 'readChangesSince' | 'readIndexRows' | 'readOffices'
>;

export class CatalogueSearch {
  private index: CatalogueIndex | null = null;
  private snapshot = '';
  private snapshotAt = 0;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private first: Promise<void> | null = null;
  private rebuilding: Promise<void> | null = null;
  private replacement: { index: CatalogueIndex; snapshot: string; at: number } | null = null;
  /** The lexemes of query words (the typo part depends on the catalogue's words: cleared on change). */
  readonly terms = new TermCache();

  constructor(
    readonly db: Executor,
    private readonly log?: FastifyBaseLogger,
    /** Rows per statement when the whole catalogue is read. */
    private readonly pageSize = 1000,
    /** Where changes and rows are read (the tests slow one read down to stage a race). */
    private readonly source: ChangeSource = changeLog,
    /** Searches whose results are kept per version of the index (search.results.ts; 0: none). */
    readonly resultsKept = SEARCH_RESULTS_KEPT,
  ) {}

  /** The index, holding every change committed before the call. */
  async fresh(): Promise<CatalogueIndex> {
    if (!this.index) {
      this.first ??= this.rebuild().then(
        (built) => {
          this.replacement = built;
        },
        (error: unknown) => {
          this.first = null;
          throw error;
        },
      );
      await this.first;
    }
    await this.catchUp();
    return this.index as CatalogueIndex;
  }

  /**
   * After a write of this process committed, before it answers: the index, once read, takes the change
   * in now, so that the next search (the writer's, looking for what it saved) finds it without reading
   * the rows itself — it only asks the change log whether anything else committed. A failure is logged:
   * the write stands, and the next search catches up as always.
   */
  async afterWrite(): Promise<void> {
    if (!this.index) return;
    await this.catchUp().catch((error: unknown) =>
      this.log?.warn({ err: error }, 'catalogue index: catch-up after a write failed'),
    );
  }

  /** Told of each read of the whole catalogue (`full`) and each catch-up that applied changes (`/metrics`). */
  onReload: ((kind: 'full' | 'incremental') => void) | null = null;

  /** The index as it stands, without catching up (null before the first read). */
  get current(): CatalogueIndex | null {
    return this.index;
  }

  /** Reads the catalogue ahead of the first search (the server calls it once it listens). */
  warm() {
    return this.fresh().then(() => undefined);
  }

  /** Waits for the reads under way (closing the server). */
  async settle() {
    await Promise.allSettled([this.first, this.running, this.queued, this.rebuilding]);
  }

  private catchUp(): Promise<void> {
    if (!this.running) return this.startSync();
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.catchUp();
      });
    return this.queued;
  }

  private startSync() {
    const run = this.sync().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async sync(): Promise<void> {
    if (this.replacement) {
      ({ index: this.index, snapshot: this.snapshot, at: this.snapshotAt } = this.replacement);
      this.replacement = null;
    }
    const index = this.index as CatalogueIndex;
    if (Date.now() - this.snapshotAt > CHANGE_RETENTION_MS / 2) {
      // The change log may have lost what happened since: read everything again, and wait for it.
      ({ index: this.index, snapshot: this.snapshot, at: this.snapshotAt } = await this.rebuild());
      return this.sync();
    }
    const changes = await this.source.readChangesSince(this.db, this.snapshot);
    const at = Date.now();
    if (changes.reference) this.rebuildInBackground();
    if (changes.ids.length > 0) {
      const rows: IndexRow[] = [];
      for (let k = 0; k < changes.ids.length; k += this.pageSize)
        rows.push(
          ...(await this.source.readIndexRows(this.db, { ids: changes.ids.slice(k, k + this.pageSize) })),
        );
      if (
        rows.some(
          (row) => !index.knowsOffice(row.designer.code) || row.usedBy?.some((c) => !index.knowsOffice(c)),
        )
      )
        index.setOffices(await this.source.readOffices(this.db));
      index.apply(changes.ids, rows);
      this.terms.invalidate();
      this.onReload?.('incremental');
    }
    this.snapshot = changes.snapshot;
    this.snapshotAt = at;
  }

  private rebuildInBackground() {
    this.rebuilding ??= this.rebuild()
      .then((built) => {
        this.replacement = built;
      })
      .catch((error: unknown) => this.log?.error({ err: error }, 'catalogue index rebuild failed'))
      .finally(() => {
        this.rebuilding = null;
      });
  }

  /**
   * The whole catalogue, page by page, each page read at a snapshot at least as recent as the one taken
   * first: what commits meanwhile is listed again by the next catch-up, which applies it once more.
   */
  private async rebuild() {
    const at = Date.now();
    const snapshot = await this.source.readSnapshot(this.db);
    const index = new CatalogueIndex(await this.source.readOffices(this.db));
    let after: string | null = null;
    for (;;) {
      const rows: IndexRow[] = await this.source.readIndexRows(this.db, { after, limit: this.pageSize });
      index.add(rows);
      if (rows.length < this.pageSize) break;
      after = (rows[rows.length - 1] as IndexRow).id;
    }
    index.seal();
    this.terms.invalidate();
    this.onReload?.('full');
    return { index, snapshot, at };
  }
}
