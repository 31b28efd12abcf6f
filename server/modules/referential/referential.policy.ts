import type { PolicyTable } from '../../lib/policy.ts';

/**
 * The good-practice referential is the community's: everyone signed in reads it, proposes a change or a
 * page, and votes (once per proposal). Accepting and declining are the maintainers' — the DDSI and the
 * starter-kit referents — through the proposal's lifecycle (common/lifecycles/referential-proposal.ts).
 */
export const referentialPolicy: PolicyTable = {
  'referential.read': () => true,
  'referential.propose': () => true,
  'referential.vote': () => true,
};
