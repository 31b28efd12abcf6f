import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { ApplicationSummarySource } from '../applications/applications.queries.ts';

/**
 * What the catalogue search keeps in the database besides the applications: the lexicon of the typo
 * tolerance (search.terms.ts reads it), and the shape of a row of the index (search.changes.ts reads them).
 */

/** Keeps the lexicon of the typo tolerance: the words of an application, unaccented, 3 letters or more. */
export async function rememberWords(db: Executor, text: string) {
  await db.execute(sql`
    INSERT INTO search_words (word)
    SELECT DISTINCT w FROM regexp_split_to_table(f_unaccent(lower(${text})), '[^a-z0-9]+') AS w
    WHERE length(w) BETWEEN 3 AND 40
    ON CONFLICT DO NOTHING`);
}

/** What the index keeps of each application: its card, its facet values and its sort keys. */
export interface CatalogueRow extends ApplicationSummarySource {
  /** The codes of the offices that use it: read at load, not kept on the card. */
  usedBy?: string[];
  /** The forge facet's values (application_forge_signals): read at load, not kept on the card. */
  forgeSignals?: string[];
  usageCount: number;
  /** Last update in milliseconds since the epoch (sort key). */
  updatedMs: number;
  /** Name without accents, lower case (sort key, as the database orders). */
  sortName: string;
}
