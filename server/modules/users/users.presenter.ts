import { availableTransitions } from '../../../common/lifecycle.ts';
import { userAccountLifecycle } from '../../../common/lifecycles/user-account.ts';
import type { Role } from '../../../common/roles.ts';
import type { UserDto } from '../../../common/schemas/user.ts';
import type { Actor } from '../../lib/policy.ts';
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

export function presentUser(user: UserWithOrganisation, actor: Actor | null): UserDto {
  const status = user.status;
  const isSelf = actor?.userId === user.id;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    organisationId: user.organisationId,
    organisation: user.organisation,
    roles: user.roles,
    status,
    version: user.version,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    // The "last admin" guard needs a count; the executor enforces it, the list only hides self-deactivation.
    transitions: actor ? userTransitionsFor(status, actor.roles, isSelf, user.roles) : [],
  };
}

function userTransitionsFor(
  status: UserDto['status'],
  roles: readonly Role[],
  isSelf: boolean,
  subjectRoles: readonly Role[],
) {
  return availableTransitions(userAccountLifecycle, status, roles, {
    isSelf,
    subjectIsAdmin: subjectRoles.includes('admin'),
    otherActiveAdmins: Number.POSITIVE_INFINITY,
  });
}
