import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { selectRows } from '../../lib/rows.ts';

/** A project as the search for similar items reads it. */
export interface ProjectTextRow {
  id: string;
  title: string;
  need: string;
  holder_code: string;
  holder_name: string;
}

/**
 * Moves with every write to the projects: an insert or a delete changes their number, an update their
 * `version` (lost updates) and `updated_at`.
 */
export async function readProjectTextsStamp(db: Executor): Promise<string> {
  const [row] = await selectRows<{ stamp: string }>(
    db,
    sql`SELECT count(*)::text || '/' || coalesce(sum(version), 0)::text || '/' || coalesce(max(updated_at)::text, '')
          AS stamp FROM projects`,
  );
  return row?.stamp ?? '';
}

/** The projects not abandoned (a delivered one still answers the need), with their holder office. */
export function readLiveProjectTexts(db: Executor) {
  return selectRows<ProjectTextRow>(
    db,
    sql`SELECT p.id, p.title, p.need, o.code AS holder_code, o.name AS holder_name
          FROM projects p JOIN organisations o ON o.id = p.holder_organisation_id
         WHERE p.phase <> 'abandoned'
         ORDER BY p.id`,
  );
}
