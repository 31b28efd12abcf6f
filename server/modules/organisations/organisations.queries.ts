import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import type { OrganisationListQuery } from '../../../common/schemas/organisation.ts';
import type { Executor } from '../../db/client.ts';
import { organisations } from '../../db/schema.ts';

export type OrganisationRow = typeof organisations.$inferSelect;

/** The columns other resources show of an office (see presentOrganisationSummary). */
export const organisationSummaryColumns = {
  id: organisations.id,
  code: organisations.code,
  name: organisations.name,
  type: organisations.type,
  region: organisations.region,
};
export type OrganisationSummaryRow = Pick<OrganisationRow, keyof typeof organisationSummaryColumns>;

/** Accent- and case-insensitive match on name, code and city. */
function searchCondition(q: string): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`(f_unaccent(lower(${organisations.name})) LIKE f_unaccent(lower(${pattern}))
    OR lower(${organisations.code}) LIKE lower(${pattern})
    OR f_unaccent(lower(coalesce(${organisations.city}, ''))) LIKE f_unaccent(lower(${pattern})))`;
}

/** The directory of the network is public to every signed-in user: no scope to apply. */
export async function listOrganisations(db: Executor, query: OrganisationListQuery) {
  const where = and(
    query.type ? eq(organisations.type, query.type) : undefined,
    query.region ? eq(organisations.region, query.region) : undefined,
    query.q ? searchCondition(query.q) : undefined,
  );
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(organisations)
      .where(where)
      .orderBy(asc(organisations.type), asc(organisations.name))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(organisations).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

export async function findOrganisation(db: Executor, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return row ?? null;
}

export async function findOrganisationByCode(db: Executor, code: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.code, code)).limit(1);
  return row ?? null;
}

/** Offices by id, as other resources show them. */
export async function findOrganisationsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select(organisationSummaryColumns)
    .from(organisations)
    .where(sql`${organisations.id} = ANY(${sql.param(ids)}::uuid[])`);
}

/** Every office of the directory (a few hundred): imports match offices by code or name. */
export async function listOrganisationSummaries(db: Executor) {
  return db.select(organisationSummaryColumns).from(organisations);
}
