import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { selectRows } from '../../../lib/rows.ts';

/**
 * What PostgreSQL's `french` configuration makes of each word of a query (search.terms.ts): a row of
 * its own lexemes (word null; none for a stop word), then, when it starts no known word of the lexicon
 * (4 letters or more), one row per close known word (trigram, two at most) with that word's lexemes.
 */
export async function readTokenTerms(db: Executor, tokens: string[]) {
  return selectRows<{ token: string; unknown: boolean; word: string | null; lexemes: string[] }>(
    db,
    sql`
      WITH tokens AS (
        SELECT t.token, f_unaccent(t.token) AS plain,
               char_length(t.token) >= 4 AND NOT EXISTS (
                 SELECT 1 FROM search_words x
                 WHERE x.word LIKE replace(replace(f_unaccent(t.token), '%', ''), '_', '') || '%'
               ) AS unknown
        FROM unnest(${sql.param(tokens)}::text[]) AS t(token)
      )
      SELECT t.token, t.unknown, NULL AS word,
             tsvector_to_array(to_tsvector('french', t.plain)) AS lexemes
      FROM tokens t
      UNION ALL
      SELECT t.token, t.unknown, w.word, tsvector_to_array(to_tsvector('french', f_unaccent(w.word)))
      FROM tokens t
      CROSS JOIN LATERAL (
        SELECT word FROM search_words
        WHERE t.unknown AND word % t.plain
        ORDER BY word <-> t.plain
        LIMIT 2
      ) w`,
  );
}
