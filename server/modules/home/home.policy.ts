import { hasRole, type PolicyTable } from '../../lib/policy.ts';

/**
 * The sections of the home page, by role (deny by default): the people of an office follow its
 * applications, its developers the sheets to update, the national directorates the network. Pending
 * decisions are not a table rule: they are the transitions the caller is a party of (home.decisions.ts).
 */
export const homePolicy: PolicyTable = {
  'home.officeApplications': (actor) => hasRole(actor, 'agent', 'referent', 'officeDirector'),
  'home.maintainedSheets': (actor) => hasRole(actor, 'developer'),
  'home.networkFigures': (actor) =>
    hasRole(
      actor,
      'itDirectorate',
      'operationsDirectorate',
      'nationalAccountant',
      'governanceBoard',
      'sponsor',
      'admin',
    ),
};
