import type { PolicyTable } from '../../lib/policy.ts';

/** The directory of offices is open to every signed-in member of the network. */
export const organisationPolicy: PolicyTable = {
  'organisation.read': () => true,
};
