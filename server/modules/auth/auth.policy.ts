import type { PolicyTable } from '../../lib/policy.ts';

/** Any signed-in, active user may use their own session (read "me", sign out, change password). */
export const sessionPolicy: PolicyTable = {
  'session.use': () => true,
};
