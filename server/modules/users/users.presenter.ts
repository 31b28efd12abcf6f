import type { LifecycleViewDto, TransitionDto } from '../../../common/schemas/lifecycle.ts';
import type { UserDto } from '../../../common/schemas/user.ts';
import type { UserWithOrganisation } from './users.queries.ts';

export function presentUser(view: {
  user: UserWithOrganisation;
  transitions: TransitionDto[];
  lifecycles: LifecycleViewDto[];
}): UserDto {
  const { user } = view;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    organisationId: user.organisationId,
    organisation: user.organisation,
    roles: user.roles,
    status: user.status,
    version: user.version,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    erasure:
      user.erasedAt && user.erasureNumber !== null
        ? { number: user.erasureNumber, erasedAt: user.erasedAt.toISOString() }
        : null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    transitions: view.transitions,
    lifecycles: view.lifecycles,
  };
}
