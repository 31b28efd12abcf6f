import type { GuardRefusal } from '../../../common/lifecycle.ts';
import { refusalMessage } from '../../../common/lifecycle.ts';
import { projectLifecycle, trackRefusal } from '../../../common/lifecycles/project.ts';
import { PROJECT_PHASES } from '../../../common/projects.ts';
import type {
  CreateProjectInput,
  ProjectListQuery,
  UpdateProjectInput,
} from '../../../common/schemas/project.ts';
import { trackRules } from '../../../common/tracks.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext, type TxContext } from '../../lib/context.ts';
import { AppError, staleVersion } from '../../lib/errors.ts';
import { describeLifecycles, describeTransitions } from '../../lib/lifecycle.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { hasRole } from '../../lib/policy.ts';
import { projectUpdated } from '../notifications/emitters.ts';
import { findProjectCollaboration } from './collaboration.queries.ts';
import { projectBinding } from './projects.lifecycle.ts';
import type { ProjectAccess } from './projects.policy.ts';
import {
  findApplicationRefs,
  findDomainLabels,
  findOrganisationRefs,
  findProjectContacts,
  findProjectSubject,
  followersOf,
  insertProject,
  type ProjectSubject,
  type ProjectValues,
  replaceProjectContacts,
  replaceProjectOffices,
  setFollowing,
  updateProjectAtVersion,
} from './projects.queries.ts';
import { type ProjectSearchResult, searchProjectsKept } from './projects-search.ts';

export const projectNotFound = () => new AppError('notFound', 'Ce projet est introuvable.');

const today = () => new Date().toISOString().slice(0, 10);
const STARTED: readonly string[] = PROJECT_PHASES.slice(PROJECT_PHASES.indexOf('development'));

export const accessOf = (project: ProjectSubject): ProjectAccess => ({
  holderOrganisationId: project.holderOrganisationId,
  developerOrganisationIds: project.developerOrganisationIds,
  sponsorDirectorateIds: project.sponsorDirectorateIds,
});

const invalid = (field: string, message: string, refusal?: GuardRefusal) =>
  new AppError('unprocessable', message, {
    errors: [{ field, message }],
    ...(refusal ? { refusal: { code: refusal.code, params: refusal.params ?? {} } } : {}),
  });
/** A track rule refused outside a transition: the same coded message as the lifecycle's guard. */
const ruleRefused = (field: string, refusal: GuardRefusal) =>
  invalid(field, refusalMessage(projectLifecycle, refusal, 'fr'), refusal);

type ProjectFields = Omit<CreateProjectInput, 'holderOrganisationId' | 'developerOrganisationIds'> & {
  developerOrganisationIds: string[];
};

/** The rules between fields and the references, as the declaration and the PATCH share them. */
async function checkProject(
  ctx: ServiceContext,
  project: ProjectFields,
  developmentStartedOn: string | null,
) {
  const domains = await findDomainLabels(ctx.db);
  if (!domains.has(project.domainCode))
    throw invalid('domainCode', `Domaine métier inconnu : « ${project.domainCode} ».`);
  const rules = trackRules(project.track);
  if (project.amStore && !rules.mayUseAmCloudStore)
    throw ruleRefused('amStore', trackRefusal('amStoreNotAllowed', project.track));
  const officeIds = [
    ...project.developerOrganisationIds,
    ...project.pilotOrganisationIds,
    ...(project.owningDirectorateId ? [project.owningDirectorateId] : []),
  ];
  const offices = await findOrganisationRefs(ctx.db, officeIds);
  for (const [field, ids] of [
    ['developerOrganisationIds', project.developerOrganisationIds],
    ['pilotOrganisationIds', project.pilotOrganisationIds],
  ] as const)
    if (ids.some((id) => !offices.has(id))) throw invalid(field, 'Un organisme cité est inconnu.');
  if (project.owningDirectorateId) {
    if (!rules.ownedByNationalDirectorate)
      throw invalid(
        'owningDirectorateId',
        'Seule une participation nationale appartient à une direction nationale.',
      );
    if (offices.get(project.owningDirectorateId)?.type !== 'national')
      throw invalid(
        'owningDirectorateId',
        'La direction propriétaire est une direction nationale de la Cnam.',
      );
  }
  if (project.transitionalProcedure && !rules.transitionalProcedure)
    throw invalid(
      'transitionalProcedure',
      'La procédure transitoire (§2.4) ne concerne que la labellisation et l’homologation.',
    );
  if (project.transitionalApplicationId) {
    if (!project.transitionalProcedure)
      throw invalid(
        'transitionalApplicationId',
        'Une application existante se cite avec la procédure transitoire : cochez-la, ou retirez l’application.',
      );
    const found = await findApplicationRefs(ctx.db, [project.transitionalApplicationId]);
    if (!found.has(project.transitionalApplicationId))
      throw invalid('transitionalApplicationId', 'Application du catalogue introuvable.');
  }
  // §2.2.2: homologation is declared when development starts, not once it has started (unless §2.4).
  if (rules.declaredAtDevelopmentStart && developmentStartedOn && !project.transitionalProcedure)
    throw ruleRefused('track', {
      code: 'homologationDeclaredLate',
      params: { declaredOn: today(), startedOn: developmentStartedOn },
    });
}

function rowValues(project: ProjectFields): Omit<ProjectValues, 'holderOrganisationId'> {
  return {
    title: project.title,
    need: project.need,
    description: project.description,
    domainCode: project.domainCode,
    track: project.track,
    plannedDates: project.plannedDates,
    forgeUrl: project.forgeUrl,
    transitionalProcedure: project.transitionalProcedure,
    transitionalApplicationId: project.transitionalApplicationId,
    owningDirectorateId: project.owningDirectorateId,
    amStore: project.amStore,
  };
}

const snapshot = (project: ProjectFields & { holderOrganisationId: string }) => ({ ...project });

export async function createProject(ctx: ServiceContext, authorizer: Authorizer, input: CreateProjectInput) {
  const actor = requireActor(ctx);
  const holderOrganisationId = input.holderOrganisationId ?? actor.organisationId;
  authorizer.authorize(actor, 'project.create', { holderOrganisationId });
  // A developer declaring for their own office develops it, unless they say otherwise.
  const developerOrganisationIds =
    input.developerOrganisationIds ??
    (hasRole(actor, 'developer') && holderOrganisationId === actor.organisationId
      ? [holderOrganisationId]
      : []);
  const project: ProjectFields = { ...input, developerOrganisationIds };
  const holder = await findOrganisationRefs(ctx.db, [holderOrganisationId]);
  if (!holder.has(holderOrganisationId)) throw invalid('holderOrganisationId', 'Organisme porteur inconnu.');
  await checkProject(ctx, project, null);
  const duplicateCheck = input.notDuplicateOf?.length
    ? { confirmedAt: new Date().toISOString(), items: input.notDuplicateOf }
    : null;
  return inTransaction(ctx, async (tx) => {
    const row = await insertProject(tx.db, {
      ...rowValues(project),
      holderOrganisationId,
      homologationDeclaredOn: project.track === 'homologation' ? today() : null,
      duplicateCheck,
      createdBy: actor.userId,
    });
    await writeRelations(tx, row.id, project);
    await projectUpdated(
      tx,
      { id: row.id, title: project.title, holderOrganisationId },
      null,
      project.description,
    );
    // Whoever declares a project follows it.
    await setFollowing(tx.db, row.id, actor.userId, true, { automatic: true });
    await recordAudit(tx, {
      action: 'project.create',
      targetType: 'project',
      targetId: row.id,
      before: null,
      after: { ...snapshot({ ...project, holderOrganisationId }), duplicateCheck },
    });
    return row.id;
  });
}

async function writeRelations(tx: TxContext, id: string, project: ProjectFields) {
  await replaceProjectOffices(tx.db, id, 'developer', project.developerOrganisationIds);
  await replaceProjectOffices(tx.db, id, 'pilot', project.pilotOrganisationIds);
  await replaceProjectContacts(
    tx.db,
    id,
    project.contacts.map((c) => ({ name: c.name, role: c.role, email: c.email, phone: c.phone })),
  );
}

/** PATCH: the given fields over the current project; the version guards against lost updates. */
export async function updateProject(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: UpdateProjectInput,
) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const current = await findProjectSubject(tx.db, id, { lock: true });
    if (!current) throw projectNotFound();
    authorizer.authorize(actor, 'project.update', accessOf(current));
    if (current.version !== input.version) throw staleVersion('project');
    const stored = await storedFields(tx, current);
    const { version, ...changes } = input;
    const merged: ProjectFields = {
      ...stored,
      ...(Object.fromEntries(
        Object.entries(changes).filter(([, v]) => v !== undefined),
      ) as Partial<ProjectFields>),
    };
    if (JSON.stringify(merged) === JSON.stringify(stored)) return;
    // Declaring a homologation is checked against the development's start only when the track changes to it.
    const startedOn =
      merged.track !== current.track && STARTED.includes(current.phase)
        ? (current.actualDates.development?.start ?? today())
        : null;
    await checkProject(tx, merged, startedOn);
    const homologationDeclaredOn =
      merged.track === 'homologation'
        ? (current.homologationDeclaredOn ?? today())
        : current.homologationDeclaredOn;
    const row = await updateProjectAtVersion(tx.db, id, version, {
      ...rowValues(merged),
      homologationDeclaredOn,
    });
    if (!row) throw staleVersion('project');
    await writeRelations(tx, id, merged);
    const holderOrganisationId = current.holderOrganisationId;
    await recordAudit(tx, {
      action: 'project.update',
      targetType: 'project',
      targetId: id,
      before: snapshot({ ...stored, holderOrganisationId }),
      after: snapshot({ ...merged, holderOrganisationId }),
    });
    await projectUpdated(
      tx,
      { id, title: merged.title, holderOrganisationId },
      stored.description,
      merged.description,
    );
  });
}

async function storedFields(ctx: ServiceContext, current: ProjectSubject): Promise<ProjectFields> {
  const contacts = await findProjectContacts(ctx.db, current.id);
  return {
    title: current.title,
    need: current.need,
    description: current.description,
    domainCode: current.domainCode,
    track: current.track,
    developerOrganisationIds: current.developerOrganisationIds,
    pilotOrganisationIds: current.pilotOrganisationIds,
    contacts: contacts.map((c) => ({ name: c.name, role: c.role || null, email: c.email, phone: c.phone })),
    plannedDates: current.plannedDates as ProjectFields['plannedDates'],
    forgeUrl: current.forgeUrl,
    transitionalProcedure: current.transitionalProcedure,
    transitionalApplicationId: current.transitionalApplicationId,
    owningDirectorateId: current.owningDirectorateId,
    amStore: current.amStore,
  };
}

/** The offices, sheets and domain labels a list or a project page names. */
async function referencesOf(ctx: ServiceContext, subjects: readonly ProjectSubject[]) {
  const officeIds = subjects.flatMap((s) => [
    s.holderOrganisationId,
    ...s.developerOrganisationIds,
    ...s.pilotOrganisationIds,
    ...(s.owningDirectorateId ? [s.owningDirectorateId] : []),
  ]);
  const applicationIds = subjects
    .flatMap((s) => [s.applicationId, s.transitionalApplicationId])
    .filter((id): id is string => !!id);
  return {
    offices: await findOrganisationRefs(ctx.db, [...new Set(officeIds)]),
    applications: await findApplicationRefs(ctx.db, [...new Set(applicationIds)]),
    domains: await findDomainLabels(ctx.db),
  };
}
export type ProjectReferences = Awaited<ReturnType<typeof referencesOf>>;

/** One project with what the caller may do: its transitions (the engine's), its abilities, its collaboration. */
export async function getProject(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  const project = await findProjectSubject(ctx.db, id);
  if (!project) throw projectNotFound();
  authorizer.authorize(actor, 'project.read', project);
  const access = accessOf(project);
  const [transitions = []] = await describeTransitions(ctx, authorizer, [projectBinding], [project]);
  const lifecycles = await describeLifecycles(ctx, [projectBinding], project, project.createdAt);
  const contacts = await findProjectContacts(ctx.db, id);
  const followers = await followersOf(ctx.db, id, actor.userId);
  const collaboration = await findProjectCollaboration(ctx.db, id);
  const references = await referencesOf(ctx, [project]);
  const can = {
    update: authorizer.can(actor, 'project.update', access),
    requestSponsorship: authorizer.can(actor, 'project.requestSponsorship', access),
    decideOffers: authorizer.can(actor, 'project.decideOffers', access),
    offer:
      authorizer.can(actor, 'project.offer', { organisationId: actor.organisationId }) &&
      actor.organisationId !== project.holderOrganisationId,
    recordContributions:
      trackRules(project.track).ownedByNationalDirectorate &&
      authorizer.can(actor, 'project.recordContributions', access),
  };
  return { project, transitions, lifecycles, contacts, followers, collaboration, references, can };
}
export type ProjectView = Awaited<ReturnType<typeof getProject>>;

/**
 * The list, rendered by `render` (the JSON text of the page), kept with the copy of the projects it was
 * computed on (projects-search.ts): the page's cards come from the same copy as the counts.
 */
export async function listProjects<T>(
  ctx: ServiceContext,
  query: ProjectListQuery,
  render: (list: ProjectSearchResult) => T,
) {
  requireActor(ctx);
  return searchProjectsKept(ctx.db, query, render);
}
export type ProjectList = ProjectSearchResult;
