import { hasRole, type PolicyTable } from '../../lib/policy.ts';
import type { ProjectAccess } from '../projects/projects.policy.ts';

/**
 * The forge: the developers of a project's holder or developer offices create its GitLab project from
 * the starter kit (the DDSI and administrators for any project); the DDSI and administrators see the
 * state of the integrations. Activity is read by whoever reads the sheet or the project.
 */
export const forgePolicy: PolicyTable = {
  'project.createForgeProject': (actor, project?: ProjectAccess) => {
    if (hasRole(actor, 'admin', 'itDirectorate')) return true;
    if (!hasRole(actor, 'developer')) return false;
    return (
      !project ||
      project.holderOrganisationId === actor.organisationId ||
      project.developerOrganisationIds.includes(actor.organisationId)
    );
  },
  'integration.read': (actor) => hasRole(actor, 'admin', 'itDirectorate'),
};
