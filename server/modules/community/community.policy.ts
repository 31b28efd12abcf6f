import { DIRECTORY_ROLES } from '../../../common/community/vocabulary.ts';
import { REFERENT_DECIDERS } from '../../../common/lifecycles/referent-application.ts';
import { type Actor, hasRole, type ListScope, type PolicyTable } from '../../lib/policy.ts';

/** The DDSI (and administrators) name the regional referents and decide on applications. */
export const decidesReferents = (actor: Actor) => hasRole(actor, ...REFERENT_DECIDERS);

/**
 * The developer community is visible to the whole network: the directory, the referents and their
 * coverage. A developer (or referent) edits their own profile only; an office's director applies for
 * the office; the DDSI names referents. Applications are read by the DDSI and by the applicant office.
 */
export const communityPolicy: PolicyTable = {
  'developer.read': () => true,
  'developer.editProfile': (actor, ownerId?: string) =>
    hasRole(actor, ...DIRECTORY_ROLES) && (ownerId === undefined || ownerId === actor.userId),
  'referent.read': () => true,
  'referent.name': decidesReferents,
  'referentApplication.read': (actor, application?: { organisationId: string }) =>
    !application || decidesReferents(actor) || application.organisationId === actor.organisationId,
  'referentApplication.submit': (actor) => hasRole(actor, 'officeDirector'),
  'training.read': () => true,
  'training.createSession': (actor) => hasRole(actor, 'referent'),
  'training.request': (actor) => hasRole(actor, 'officeDirector', 'developer'),
  // The trainer office's referents, and the DDSI; without a session: anyone who may on some session.
  'training.manage': (actor, session?: { trainerOrganisationId: string }) =>
    decidesReferents(actor) ||
    (hasRole(actor, 'referent') && (!session || session.trainerOrganisationId === actor.organisationId)),
  'training.readDemand': (actor) => decidesReferents(actor) || hasRole(actor, 'referent'),
};

/** Which applications a list shows: all to the DDSI, the own office's to others. */
export function referentApplicationScope(actor: Actor): ListScope {
  return decidesReferents(actor)
    ? { kind: 'all' }
    : { kind: 'organisation', organisationId: actor.organisationId };
}
