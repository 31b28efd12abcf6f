import type { Role } from '../../common/roles.ts';

/** The expected status of a cell: the same for every role, or for the roles allowed (403 for the others). */
export const everyone = (status: number) => () => status;
export const only =
  (allowed: Role[], status: number) =>
  (role: Role): number =>
    allowed.includes(role) ? status : 403;
