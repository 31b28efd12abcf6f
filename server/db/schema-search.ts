import { sql } from 'drizzle-orm';
import { bigint, customType, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The tables of the catalogue search besides the applications (re-exported by schema.ts). */

/** Lexicon of the words of the catalogue (unaccented, lower case): the search widens a typo to them. */
export const searchWords = pgTable('search_words', { word: text('word').primaryKey() }, (t) => [
  index('search_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`).with({ fastupdate: false }),
  index('search_words_prefix_idx').using('btree', sql`${t.word} text_pattern_ops`),
]);

const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/**
 * The catalogue's change log: one row per application a transaction wrote (its row, its usages), in that
 * transaction, with the transaction's id. Each server process asks what committed since its last snapshot
 * (search/search.changes.ts) and re-reads only those applications. A null application means reference data
 * the index copies changed (an office's name, code, region or type, a business domain's label): everything
 * is read again. Written by triggers (migration 0010), pruned after a day (CHANGE_RETENTION_MS).
 */
export const catalogueChanges = pgTable(
  'catalogue_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
    /** No foreign key: a deleted application is a change too. */
    applicationId: uuid('application_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('catalogue_changes_xid_idx').on(t.xid)],
);
