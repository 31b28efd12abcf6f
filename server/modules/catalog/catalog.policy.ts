import type { Actor } from '../../lib/policy.ts';
import { hasRole, type PolicyTable } from '../../lib/policy.ts';

interface ApplicationResource {
  designerOrganisationId: string;
}

/** A usage to declare: the office that uses the application (absent: the actor's own office). */
interface UsageResource {
  usingOrganisationId?: string;
}

/** Those who may edit an application of the given designer office: its developers and director, the DDSI, admins. */
export function mayEditFor(actor: Actor, designerOrganisationId: string) {
  return (
    hasRole(actor, 'admin', 'itDirectorate') ||
    (hasRole(actor, 'developer', 'officeDirector') && actor.organisationId === designerOrganisationId)
  );
}

/**
 * Everyone signed in reads the catalogue and the map. Developers and directors write the applications
 * of their own office; the DDSI and administrators write every application. An office declares its own
 * use; an import by the DDSI or an administrator may declare the use of any office.
 */
export const catalogPolicy: PolicyTable = {
  'application.read': () => true,
  'usageMap.read': () => true,
  'application.create': (actor, app?: ApplicationResource) =>
    app
      ? mayEditFor(actor, app.designerOrganisationId)
      : hasRole(actor, 'admin', 'itDirectorate', 'developer', 'officeDirector'),
  'application.update': (actor, app?: ApplicationResource) =>
    app
      ? mayEditFor(actor, app.designerOrganisationId)
      : hasRole(actor, 'admin', 'itDirectorate', 'developer', 'officeDirector'),
  'application.import': (actor) => hasRole(actor, 'admin', 'itDirectorate', 'developer', 'officeDirector'),
  'application.declareUsage': (actor, usage?: UsageResource) => {
    const ownUse = hasRole(actor, 'officeDirector', 'developer', 'referent');
    if (!usage?.usingOrganisationId) return ownUse;
    if (hasRole(actor, 'admin', 'itDirectorate')) return true;
    return ownUse && usage.usingOrganisationId === actor.organisationId;
  },
};
