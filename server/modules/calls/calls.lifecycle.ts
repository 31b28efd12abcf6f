import { parisToday } from '../../../common/calls/vocabulary.ts';
import { type CallFacts, type CallTransition, callLifecycle } from '../../../common/lifecycles/call.ts';
import type { LifecycleBinding } from '../../lib/lifecycle.ts';
import { callTransitioned } from '../notifications/call-emitters.ts';
import { audienceOf, type CallRow, callOfficesOf, callStore, callsDueToClose } from './calls.queries.ts';

export type CallBinding = LifecycleBinding<CallRow['state'], CallTransition, CallFacts, CallRow>;

/**
 * Calls for projects: moved by the director or sponsors of the issuer (and administrators), closed for
 * proposals by the platform at the end of the "proposals until" day in Paris (the deadlines job, audited
 * as the system). Publishing tells the offices that may answer.
 */
export const callBinding: CallBinding = {
  definition: callLifecycle,
  notFoundLabel: 'Appel à projets',
  staleSubject: 'call',
  store: callStore,
  idOf: (row) => row.id,
  parties: (row) => ({ issuer: [row.issuerOrganisationId] }),
  async facts(ctx, rows) {
    const today = parisToday();
    return Promise.all(
      rows.map(async (row) => ({
        criteriaCount: row.criteria.length,
        weightTotal: row.criteria.reduce((sum, c) => sum + c.weight, 0),
        proposalsUntil: row.proposalsUntil,
        today,
        scopeIncomplete:
          (row.scope === 'regional' && !row.region) ||
          (row.scope === 'local' &&
            row.state === 'draft' &&
            (await callOfficesOf(ctx.db, row.id)).length === 0),
      })),
    );
  },
  snapshot: (row) => ({ state: row.state, proposalsUntil: row.proposalsUntil, version: row.version }),
  async effects(ctx, change) {
    const audience = change.to === 'published' ? await audienceOf(ctx.db, change.after) : [];
    await callTransitioned(ctx, change.after, change.to, audience);
  },
  deadlines: [{ transition: 'close', due: callsDueToClose }],
};
