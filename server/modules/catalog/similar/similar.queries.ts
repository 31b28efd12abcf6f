import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { selectRows } from '../../../lib/rows.ts';
import {
  APPLICATION_COLUMNS,
  APPLICATION_JOINS,
  type MapApplicationRow,
} from '../usages/usage-map.queries.ts';

/** A live application with what the similarity reads: its name and summary. */
export type ApplicationTextRow = MapApplicationRow & { summary: string };

/** The live applications, by code. */
export async function readLiveApplicationTexts(db: Executor) {
  return selectRows<ApplicationTextRow>(
    db,
    sql`SELECT ${APPLICATION_COLUMNS}, a.summary ${APPLICATION_JOINS} WHERE a.archived_at IS NULL ORDER BY a.code`,
  );
}
