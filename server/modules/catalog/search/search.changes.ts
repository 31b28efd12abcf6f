/**
 * What a server process needs to keep a copy of the catalogue up to date: the change log
 * (`catalogue_changes`, written by triggers in the writing transaction: migration 0010) read by
 * PostgreSQL snapshots, and the rows of the copy read by ids or by pages.
 *
 * The protocol, for a reader that holds a copy as of a snapshot S:
 * - Full read: S = readSnapshot(), then readIndexRows page after page (and readOffices). No transaction
 *   is needed: every statement after S sees at least what S saw, so each row read is as of S or newer.
 * - Catching up: readChangesSince(S) answers, in ONE statement, a new snapshot S2 and the applications
 *   whose change is visible in S2 but was not in S: every transaction that committed between the two,
 *   whatever the order of their ids (a transaction that began early and commits late is still "not
 *   visible in S", so the first read after its commit lists it). The reader re-reads those ids with
 *   readIndexRows (an id absent from the answer was deleted) and keeps S2.
 * - Why re-reading outside the snapshot is right: a row read after S2 may already hold a change that
 *   committed after S2. That change is not visible in S2, so the next readChangesSince(S2) lists it
 *   again and the row is read again: applying a row twice is harmless, and no change is ever skipped.
 * - `reference`: an office or business domain changed (what every card copies, or the lists of
 *   readOffices and the domains): read everything again.
 * - The log keeps CHANGE_RETENTION_MS: a reader whose snapshot was taken longer ago than that does a full
 *   read instead of catching up (a reader that catches up takes a new snapshot each time, even when
 *   nothing changed).
 * - Never call these inside a transaction that writes the catalogue: its own uncommitted changes would
 *   count as seen.
 *
 * No shared row: writers only insert rows of their own, so they never wait for each other.
 *
 * The statements live in search.changes.queries.ts (SQL only in *.queries.ts); this module is the API.
 */

/** How long the change log is kept: a reader with an older snapshot reads everything again. */
export const CHANGE_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * What the prune job deletes: rows older than the retention and one hour more. A row's `at` is when its
 * transaction began, not when it committed: a writer that began before a reader's snapshot and commits
 * after it (listed by the reader's next look) keeps its rows for the reader as long as it ran less than
 * that hour (an import of 2,000 sheets takes seconds).
 */
export const CHANGE_PRUNE_AGE_MS = CHANGE_RETENTION_MS + 60 * 60 * 1000;

export {
  type IndexRow,
  pruneChanges,
  readChangesSince,
  readIndexRows,
  readOffices,
  readSnapshot,
} from './search.changes.queries.ts';
