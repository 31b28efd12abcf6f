import type { PolicyTable } from '../../lib/policy.ts';

/**
 * Everyone signed in may ask what looks like a need: it shows only what everyone signed in already reads
 * (the catalogue; projects are visible to the whole network while in progress).
 */
export const similarPolicy: PolicyTable = {
  'similar.read': () => true,
};
