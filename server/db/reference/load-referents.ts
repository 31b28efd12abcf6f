import { inArray, sql } from 'drizzle-orm';
import { LETTER_REFERENT_OFFICES } from '../../../common/community/vocabulary.ts';
import { selectRows } from '../../lib/rows.ts';
import type { Executor } from '../client.ts';
import { auditEvents, organisations, regionalReferents } from '../schema.ts';

/**
 * The nine regional starter-kit referents the letter names (§3.2.1.1), loaded once: only while no
 * referent was ever named or withdrawn. From then on the list belongs to the DDSI, which names and
 * withdraws referents through the portal.
 */
export async function loadLetterReferents(db: Executor) {
  const [state] = await selectRows<{ referents: number; changes: number }>(
    db,
    sql`
    SELECT (SELECT count(*)::int FROM ${regionalReferents}) AS referents,
           (SELECT count(*)::int FROM ${auditEvents} WHERE target_type = 'regionalReferent') AS changes`,
  );
  if (!state || state.referents > 0 || state.changes > 0) return 0;
  const offices = await db
    .select({ id: organisations.id, code: organisations.code })
    .from(organisations)
    .where(
      inArray(
        organisations.code,
        LETTER_REFERENT_OFFICES.map((o) => o.code),
      ),
    );
  const idOf = new Map(offices.map((o) => [o.code, o.id]));
  const rows = LETTER_REFERENT_OFFICES.flatMap(({ code, region }) => {
    const organisationId = idOf.get(code);
    return organisationId ? [{ organisationId, region }] : [];
  });
  if (rows.length > 0) await db.insert(regionalReferents).values(rows).onConflictDoNothing();
  return rows.length;
}
