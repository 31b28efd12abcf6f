import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { DIRECTORY_ROLES } from '../../../common/community/vocabulary.ts';
import type { Region } from '../../../common/organisations.ts';
import type { Executor } from '../../db/client.ts';
import { applications, developerProfiles, projects } from '../../db/schema.ts';
import { selectRows, toNumber } from '../../lib/rows.ts';

export type DeveloperProfileRow = typeof developerProfiles.$inferSelect;

/** One person of the directory: the account, its office and its profile (absent until written). */
export interface DirectoryRow {
  id: string;
  display_name: string;
  email: string;
  roles: string[];
  office_id: string;
  office_code: string;
  office_name: string;
  office_type: string;
  office_region: Region;
  headline: string | null;
  skills: string[] | null;
  technologies: string[] | null;
  application_ids: string[] | null;
  project_ids: string[] | null;
  available_for_collaboration: boolean | null;
  availability_note: string | null;
  trained_at: string | null;
  version: number | null;
  updated_at: Date | string | null;
}

export interface DirectoryFilters {
  q?: string | undefined;
  region?: Region | undefined;
  organisationId?: string | undefined;
  technology?: string | undefined;
  skill?: string | undefined;
  trained?: boolean | undefined;
  available?: boolean | undefined;
}

const like = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** Tags match whatever the case and accents (« accessibilite » finds « Accessibilité »). */
const hasTag = (column: SQL, value: string) =>
  sql`EXISTS (SELECT 1 FROM unnest(${column}) AS tag WHERE f_unaccent(lower(tag)) = f_unaccent(lower(${value})))`;

/** Active accounts holding a directory role, narrowed by the filters (the network sees them all). */
function directoryConditions(filters: DirectoryFilters): SQL {
  const conditions: SQL[] = [
    sql`u.status = 'active'`,
    sql`u.roles && ${sql.param([...DIRECTORY_ROLES])}::text[]`,
  ];
  if (filters.region) conditions.push(sql`o.region = ${filters.region}`);
  if (filters.organisationId) conditions.push(sql`o.id = ${filters.organisationId}`);
  if (filters.technology) conditions.push(hasTag(sql`p.technologies`, filters.technology));
  if (filters.skill) conditions.push(hasTag(sql`p.skills`, filters.skill));
  if (filters.trained !== undefined) conditions.push(sql`(p.trained_at IS NOT NULL) = ${filters.trained}`);
  if (filters.available !== undefined)
    conditions.push(sql`coalesce(p.available_for_collaboration, false) = ${filters.available}`);
  if (filters.q)
    conditions.push(sql`f_unaccent(lower(concat_ws(' ', u.display_name, o.name, p.headline,
      array_to_string(p.skills, ' '), array_to_string(p.technologies, ' ')))) LIKE f_unaccent(lower(${like(filters.q)}))`);
  return sql.join(conditions, sql` AND `);
}

const FROM = sql`FROM users u JOIN organisations o ON o.id = u.organisation_id
  LEFT JOIN developer_profiles p ON p.user_id = u.id`;
const COLUMNS = sql`u.id, u.display_name, u.email, u.roles, o.id AS office_id, o.code AS office_code,
  o.name AS office_name, o.type AS office_type, o.region AS office_region, p.headline, p.skills,
  p.technologies, p.application_ids, p.project_ids, p.available_for_collaboration, p.availability_note,
  p.trained_at::text AS trained_at, p.version, p.updated_at`;

/** A tag facet: each value (case folded) with the number of people who list it, the most listed first. */
function tagFacet(db: Executor, column: 'skills' | 'technologies', where: SQL) {
  return selectRows<{ value: string; count: number }>(
    db,
    sql`SELECT min(tag) AS value, count(DISTINCT u.id)::int AS count ${FROM}
      CROSS JOIN LATERAL unnest(p.${sql.raw(column)}) AS tag
      WHERE ${where} GROUP BY lower(tag) ORDER BY count DESC, lower(tag) LIMIT 20`,
  );
}

export interface DirectoryFacet {
  value: string;
  count: number;
}
export interface DirectoryPage {
  items: DirectoryRow[];
  total: number;
  facets: {
    regions: DirectoryFacet[];
    technologies: DirectoryFacet[];
    skills: DirectoryFacet[];
    trained: number;
    available: number;
  };
}
export interface ProfileLinks {
  applications: { id: string; name: string }[];
  projects: { id: string; name: string }[];
}

/** One page of the directory, its total and the facets of the filtered set. */
export async function listDirectory(
  db: Executor,
  filters: DirectoryFilters,
  page: { page: number; pageSize: number },
): Promise<DirectoryPage> {
  const where = directoryConditions(filters);
  const items = await selectRows<DirectoryRow>(
    db,
    sql`SELECT ${COLUMNS} ${FROM} WHERE ${where}
      ORDER BY f_unaccent(lower(u.display_name)), u.id
      LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
  );
  const [totals] = await selectRows<{ total: number; trained: number; available: number }>(
    db,
    sql`SELECT count(*)::int AS total, count(p.trained_at)::int AS trained,
      count(*) FILTER (WHERE p.available_for_collaboration)::int AS available ${FROM} WHERE ${where}`,
  );
  const regions = await selectRows<{ value: string; count: number }>(
    db,
    sql`SELECT o.region AS value, count(*)::int AS count ${FROM} WHERE ${where}
      GROUP BY o.region ORDER BY count DESC, o.region`,
  );
  const technologies = await tagFacet(db, 'technologies', where);
  const skills = await tagFacet(db, 'skills', where);
  return {
    items,
    total: toNumber(totals?.total),
    facets: {
      regions,
      technologies,
      skills,
      trained: toNumber(totals?.trained),
      available: toNumber(totals?.available),
    },
  };
}

/** One person of the directory (null when the account is not in it). */
export async function findDirectoryEntry(db: Executor, userId: string) {
  const [row] = await selectRows<DirectoryRow>(
    db,
    sql`SELECT ${COLUMNS} ${FROM} WHERE u.id = ${userId} AND ${directoryConditions({})}`,
  );
  return row ?? null;
}

/** Names of the applications and projects a profile lists, in the profile's order. */
export async function profileLinks(
  db: Executor,
  applicationIds: string[],
  projectIds: string[],
): Promise<ProfileLinks> {
  const [apps, projs] = await Promise.all([
    applicationIds.length
      ? db
          .select({ id: applications.id, name: applications.name })
          .from(applications)
          .where(inArray(applications.id, applicationIds))
      : [],
    projectIds.length
      ? db
          .select({ id: projects.id, name: projects.title })
          .from(projects)
          .where(inArray(projects.id, projectIds))
      : [],
  ]);
  const ordered = <T extends { id: string }>(ids: string[], rows: T[]) =>
    ids.flatMap((id) => rows.filter((r) => r.id === id));
  return { applications: ordered(applicationIds, apps), projects: ordered(projectIds, projs) };
}

export async function findProfile(db: Executor, userId: string) {
  const [row] = await db.select().from(developerProfiles).where(eq(developerProfiles.userId, userId));
  return row ?? null;
}

type ProfileValues = Omit<typeof developerProfiles.$inferInsert, 'version' | 'createdAt' | 'updatedAt'>;

/** The first profile of a person; null when one was written meanwhile (a 409 for the caller). */
export async function insertProfile(db: Executor, values: ProfileValues) {
  const [row] = await db.insert(developerProfiles).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Writes the profile at the version read; null when someone else changed it meanwhile. */
export async function updateProfileAtVersion(db: Executor, values: ProfileValues, version: number) {
  const [row] = await db
    .update(developerProfiles)
    .set({ ...values, version: sql`${developerProfiles.version} + 1`, updatedAt: sql`now()` })
    .where(sql`${developerProfiles.userId} = ${values.userId} AND ${developerProfiles.version} = ${version}`)
    .returning();
  return row ?? null;
}

/** Which of these ids are applications and projects of the portal. */
export async function existingLinks(db: Executor, applicationIds: string[], projectIds: string[]) {
  const links = await profileLinks(db, applicationIds, projectIds);
  return {
    applicationIds: new Set(links.applications.map((a) => a.id)),
    projectIds: new Set(links.projects.map((p) => p.id)),
  };
}

/** Marks a developer trained on a day (the starter-kit training's completion, the demo). */
export async function markTrained(db: Executor, userId: string, day: string) {
  await db
    .insert(developerProfiles)
    .values({ userId, trainedAt: day })
    .onConflictDoUpdate({
      target: developerProfiles.userId,
      set: { trainedAt: day, version: sql`${developerProfiles.version} + 1`, updatedAt: sql`now()` },
    });
}
