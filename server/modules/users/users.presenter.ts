import { availableTransitions } from '../../../common/lifecycle.ts';
import { userAccountLifecycle } from '../../../common/lifecycles/user-account.ts';
import type { Role } from '../../../common/roles.ts';
import type { UserDto } from '../../../common/schemas/user.ts';
import type { Actor } from '../../lib/policy.ts';
import type { UserWithOrganisation } from './users.queries.ts';

export function presentUser(user: UserWithOrganisation, actor: Actor | null): UserDto {
  const status = user.status as UserDto['status'];
  const isSelf = actor?.userId === user.id;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    organisationId: user.organisationId,
    organisation: {
      ...user.organisation,
      type: user.organisation.type as UserDto['organisation']['type'],
      region: user.organisation.region as UserDto['organisation']['region'],
    },
    roles: user.roles as Role[],
    status,
    version: user.version,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    // The "last admin" guard needs a count; the executor enforces it, the list only hides self-deactivation.
    transitions: actor ? userTransitionsFor(status, actor.roles, isSelf, user.roles as Role[]) : [],
  };
}

function userTransitionsFor(
  status: UserDto['status'],
  roles: readonly Role[],
  isSelf: boolean,
  subjectRoles: Role[],
) {
  return availableTransitions(userAccountLifecycle, status, roles, {
    isSelf,
    subjectIsAdmin: subjectRoles.includes('admin'),
    otherActiveAdmins: Number.POSITIVE_INFINITY,
  });
}
