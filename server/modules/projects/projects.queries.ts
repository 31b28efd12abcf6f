import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { ProjectOfficeRole, ProjectPhase } from '../../../common/projects.ts';
import type { Executor, Transaction } from '../../db/client.ts';
import {
  applications,
  businessDomains,
  follows,
  organisations,
  projectContacts,
  projectOffices,
  projects,
  sponsorshipRequests,
} from '../../db/schema.ts';
import type { SubjectStore } from '../../lib/lifecycle.ts';
import { versionedRowStore } from '../../lib/versioned-row.queries.ts';

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectValues = Omit<typeof projects.$inferInsert, 'id' | 'searchVector'>;

/** A project with the offices its rules and parties read: developers, pilots, sponsoring directorates. */
export interface ProjectSubject extends ProjectRow {
  developerOrganisationIds: string[];
  pilotOrganisationIds: string[];
  /** Directorates whose sponsorship is accepted (the guard of development reads it). */
  acceptedSponsorIds: string[];
  /** Those, and the owning directorate of a national participation: the sponsoring party. */
  sponsorDirectorateIds: string[];
}

/** The offices of each project by role, and its accepted sponsors. */
async function relationsOf(db: Executor, rows: readonly ProjectRow[]): Promise<ProjectSubject[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const offices = await db
    .select({
      projectId: projectOffices.projectId,
      id: projectOffices.organisationId,
      role: projectOffices.role,
    })
    .from(projectOffices)
    .where(inArray(projectOffices.projectId, ids));
  const sponsors = await db
    .select({ projectId: sponsorshipRequests.projectId, id: sponsorshipRequests.directorateId })
    .from(sponsorshipRequests)
    .where(and(inArray(sponsorshipRequests.projectId, ids), eq(sponsorshipRequests.state, 'accepted')));
  return rows.map((row) => {
    const of = (role: ProjectOfficeRole) =>
      offices.filter((o) => o.projectId === row.id && o.role === role).map((o) => o.id);
    const accepted = sponsors.filter((s) => s.projectId === row.id).map((s) => s.id);
    return {
      ...row,
      developerOrganisationIds: of('developer'),
      pilotOrganisationIds: of('pilot'),
      acceptedSponsorIds: accepted,
      sponsorDirectorateIds: [
        ...new Set([...accepted, ...(row.owningDirectorateId ? [row.owningDirectorateId] : [])]),
      ],
    };
  });
}

const phaseStore = versionedRowStore<typeof projects, ProjectPhase>(projects, { column: 'phase' });

/** The lifecycle's store: the row locked and moved by the shared adapter, with its offices read alongside. */
export const projectStore: SubjectStore<ProjectPhase, ProjectSubject> = {
  async load(db, id, options) {
    const row = await phaseStore.load(db, id, options);
    return row ? ((await relationsOf(db, [row]))[0] ?? null) : null;
  },
  stateOf: (row) => row.phase,
  versionOf: (row) => row.version,
  async apply(db, row, to) {
    const after = await phaseStore.apply(db, row, to);
    return after
      ? {
          ...after,
          developerOrganisationIds: row.developerOrganisationIds,
          pilotOrganisationIds: row.pilotOrganisationIds,
          acceptedSponsorIds: row.acceptedSponsorIds,
          sponsorDirectorateIds: row.sponsorDirectorateIds,
        }
      : null;
  },
};

export async function findProjectSubject(db: Executor, id: string, options: { lock?: boolean } = {}) {
  return projectStore.load(db, id, { lock: options.lock ?? false });
}

export async function findProjectSubjects(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return relationsOf(db, await db.select().from(projects).where(inArray(projects.id, ids)));
}

export async function insertProject(db: Executor, values: ProjectValues) {
  const [row] = await db.insert(projects).values(values).returning();
  return row as ProjectRow;
}

/** Writes the fields at `version + 1` if the row still has `version`; null when someone wrote in between. */
export async function updateProjectAtVersion(
  db: Transaction,
  id: string,
  version: number,
  values: Partial<ProjectValues>,
) {
  const [row] = await db
    .update(projects)
    .set({ ...values, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(projects.id, id), eq(projects.version, version)))
    .returning();
  return row ?? null;
}

/** What a transition's effects record besides the phase (dates, the suspended phase, the override, the sheet). */
export async function setProjectColumns(db: Transaction, id: string, values: Partial<ProjectValues>) {
  await db.update(projects).set(values).where(eq(projects.id, id));
}

export async function replaceProjectOffices(
  db: Transaction,
  id: string,
  role: ProjectOfficeRole,
  ids: string[],
) {
  await db.delete(projectOffices).where(and(eq(projectOffices.projectId, id), eq(projectOffices.role, role)));
  if (ids.length > 0)
    await db
      .insert(projectOffices)
      .values(ids.map((organisationId) => ({ projectId: id, organisationId, role })));
}

export async function addProjectOffice(
  db: Transaction,
  id: string,
  organisationId: string,
  role: ProjectOfficeRole,
) {
  await db.insert(projectOffices).values({ projectId: id, organisationId, role }).onConflictDoNothing();
}

export type ContactValues = { name: string; role: string | null; email: string | null; phone: string | null };
export async function replaceProjectContacts(db: Transaction, id: string, contacts: ContactValues[]) {
  await db.delete(projectContacts).where(eq(projectContacts.projectId, id));
  if (contacts.length > 0)
    await db
      .insert(projectContacts)
      .values(contacts.map((c, position) => ({ projectId: id, ...c, role: c.role ?? '', position })));
}

export async function findProjectContacts(db: Executor, id: string) {
  return db
    .select({
      name: projectContacts.name,
      role: projectContacts.role,
      email: projectContacts.email,
      phone: projectContacts.phone,
    })
    .from(projectContacts)
    .where(eq(projectContacts.projectId, id))
    .orderBy(asc(projectContacts.position));
}

const organisationColumns = {
  id: organisations.id,
  code: organisations.code,
  name: organisations.name,
  type: organisations.type,
  region: organisations.region,
};
export type OrganisationRef = { id: string; code: string; name: string; type: string; region: string };

export async function findOrganisationRefs(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, OrganisationRef>();
  const rows = await db.select(organisationColumns).from(organisations).where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r as OrganisationRef]));
}

export async function findApplicationRefs(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; code: string; name: string }>();
  const rows = await db
    .select({ id: applications.id, code: applications.code, name: applications.name })
    .from(applications)
    .where(inArray(applications.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findDomainLabels(db: Executor) {
  const rows = await db
    .select({ code: businessDomains.code, label: businessDomains.labelFr })
    .from(businessDomains);
  return new Map(rows.map((r) => [r.code, r.label]));
}

const projectFollow = (id: string) => and(eq(follows.targetType, 'project'), eq(follows.targetId, id));

export async function followersOf(db: Executor, id: string, userId: string) {
  const [total] = await db
    .select({ n: count() })
    .from(follows)
    .where(and(projectFollow(id), eq(follows.following, true)));
  const [mine] = await db
    .select({ n: count() })
    .from(follows)
    .where(and(projectFollow(id), eq(follows.userId, userId), eq(follows.following, true)));
  return { count: total?.n ?? 0, following: (mine?.n ?? 0) > 0 };
}

/** Follows (true) or stops following (kept as not following, see db/schema-notifications.ts); says whether anything changed. */
export async function setFollowing(
  db: Executor,
  id: string,
  userId: string,
  follow: boolean,
  options: { automatic?: boolean } = {},
) {
  const rows = await db
    .insert(follows)
    .values({
      userId,
      targetType: 'project',
      targetId: id,
      following: follow,
      automatic: !!options.automatic,
    })
    .onConflictDoUpdate({
      target: [follows.userId, follows.targetType, follows.targetId],
      set: { following: follow },
      setWhere: sql`${follows.following} IS DISTINCT FROM ${follow}`,
    })
    .returning({ userId: follows.userId });
  return rows.length > 0;
}
