import type { UserWithOrganisation } from './users.queries.ts';

/** What the audit trail keeps of an account: never the password hash. */
export const auditSnapshot = (user: Omit<UserWithOrganisation, 'organisation'>) => ({
  email: user.email,
  displayName: user.displayName,
  organisationId: user.organisationId,
  roles: user.roles,
  status: user.status,
  version: user.version,
});
