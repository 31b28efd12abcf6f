import type { Actor, Authorizer } from '../../lib/policy.ts';
import { hasRole, type ListScope, type PolicyTable } from '../../lib/policy.ts';

/** What the rules of a project read: the offices that hold, develop and sponsor it. */
export interface ProjectAccess {
  holderOrganisationId: string;
  developerOrganisationIds: readonly string[];
  /** Directorates with an accepted sponsorship, and the owning directorate of a national participation. */
  sponsorDirectorateIds: readonly string[];
}

/**
 * Those who run a project — the same people as the parties of its lifecycle (common/lifecycles/project.ts):
 * the developers of its developer offices, the director of its holder office, its sponsoring directorate,
 * the DDSI and administrators. A director of another office is not one of them.
 */
export function runsProject(actor: Actor, project: ProjectAccess) {
  if (hasRole(actor, 'admin', 'itDirectorate')) return true;
  const office = actor.organisationId;
  return (
    (hasRole(actor, 'developer') && project.developerOrganisationIds.includes(office)) ||
    (hasRole(actor, 'officeDirector') && project.holderOrganisationId === office) ||
    (hasRole(actor, 'sponsor') && project.sponsorDirectorateIds.includes(office))
  );
}

/** The holder's side of a project: its director and developers of the holder office, and administrators. */
export function holdsProject(actor: Actor, project: ProjectAccess) {
  if (hasRole(actor, 'admin')) return true;
  const office = actor.organisationId;
  return (
    (hasRole(actor, 'officeDirector') && project.holderOrganisationId === office) ||
    (hasRole(actor, 'developer') &&
      (project.holderOrganisationId === office || project.developerOrganisationIds.includes(office)))
  );
}

const DECLARERS = ['admin', 'itDirectorate', 'developer', 'officeDirector', 'sponsor'] as const;
const RUNNERS = ['admin', 'itDirectorate', 'developer', 'officeDirector', 'sponsor'] as const;

/** A sponsorship request as its rules see it: the directorate asked, and the project it is for. */
export interface SponsorshipAccess {
  directorateId: string;
  project: ProjectAccess;
}

/**
 * Everyone signed in reads projects, comments, follows and sees the available capacity. Declaring is
 * for developers, directors, sponsors (a national need), the DDSI and administrators, for their own
 * office. Sponsorships are decided by the sponsors of the directorate asked; offers are made by an
 * office's developers and director for their office, and decided by the project's holder.
 */
export const projectPolicy: PolicyTable = {
  'project.read': () => true,
  'project.comment': () => true,
  'project.follow': () => true,
  'capacity.read': () => true,
  'project.moderateComments': (actor) => hasRole(actor, 'admin'),
  'project.create': (actor, project?: { holderOrganisationId: string }) =>
    hasRole(actor, ...DECLARERS) &&
    (!project ||
      hasRole(actor, 'admin', 'itDirectorate') ||
      project.holderOrganisationId === actor.organisationId),
  'project.update': (actor, project?: ProjectAccess) =>
    project ? runsProject(actor, project) : hasRole(actor, ...RUNNERS),
  'project.recordContributions': (actor, project?: ProjectAccess) =>
    project ? runsProject(actor, project) : hasRole(actor, ...RUNNERS),
  'project.requestSponsorship': (actor, project?: ProjectAccess) =>
    project ? holdsProject(actor, project) : hasRole(actor, 'admin', 'developer', 'officeDirector'),
  'project.decideOffers': (actor, project?: ProjectAccess) =>
    project ? holdsProject(actor, project) : hasRole(actor, 'admin', 'developer', 'officeDirector'),
  'project.offer': (actor, offer?: { organisationId: string }) =>
    hasRole(actor, 'developer', 'officeDirector') &&
    (!offer || offer.organisationId === actor.organisationId),
  'sponsorship.queue': (actor) => hasRole(actor, 'sponsor', 'admin'),
  'sponsorship.decide': (actor, request?: SponsorshipAccess) =>
    hasRole(actor, 'sponsor') && (!request || request.directorateId === actor.organisationId),
  // The holder withdraws its request, or the directorate its sponsorship.
  'sponsorship.withdraw': (actor, request?: SponsorshipAccess) =>
    request
      ? holdsProject(actor, request.project) ||
        (hasRole(actor, 'sponsor') && request.directorateId === actor.organisationId)
      : hasRole(actor, 'admin', 'developer', 'officeDirector', 'sponsor'),
  'capacity.declare': (actor, capacity?: { organisationId: string }) =>
    hasRole(actor, 'developer', 'officeDirector') &&
    (!capacity || capacity.organisationId === actor.organisationId),
};

/** The sponsor's queue: the requests to its own directorate; every one for an administrator. */
export function sponsorshipQueueScope(actor: Actor): ListScope {
  if (hasRole(actor, 'admin')) return { kind: 'all' };
  if (hasRole(actor, 'sponsor')) return { kind: 'organisation', organisationId: actor.organisationId };
  return { kind: 'none' };
}

/**
 * "Besoins et forces": the needs without developers and the capacity offices declared, for whoever may
 * read projects and capacities — every signed-in member, as the projects list (§2.1.1); nobody else.
 */
export function matchmakingScope(actor: Actor, authorizer: Pick<Authorizer, 'can'>): ListScope {
  return authorizer.can(actor, 'project.read') && authorizer.can(actor, 'capacity.read')
    ? { kind: 'all' }
    : { kind: 'none' };
}
