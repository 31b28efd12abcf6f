import type { Actor } from '../../lib/policy.ts';
import { hasRole, type PolicyTable } from '../../lib/policy.ts';

interface ApplicationResource {
  designerOrganisationId: string;
}

/** Those who may edit a sheet of the given designer office: its developers and director, the DDSI, admins. */
export function mayEditFor(actor: Actor, designerOrganisationId: string) {
  return (
    hasRole(actor, 'admin', 'itDirectorate') ||
    (hasRole(actor, 'developer', 'officeDirector') && actor.organisationId === designerOrganisationId)
  );
}

/**
 * Everyone signed in reads the catalogue and the map. Developers and directors write the sheets of
 * their own office; the DDSI and administrators write every sheet. An office declares its own use.
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
  'application.declareUsage': (actor) => hasRole(actor, 'officeDirector', 'developer', 'referent'),
};
