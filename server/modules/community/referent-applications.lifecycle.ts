import type { ReferentApplicationState } from '../../../common/community/vocabulary.ts';
import {
  type ReferentApplicationFacts,
  type ReferentApplicationTransition,
  referentApplicationLifecycle,
} from '../../../common/lifecycles/referent-application.ts';
import { actingAs } from '../../lib/context.ts';
import type { LifecycleBinding } from '../../lib/lifecycle.ts';
import { isSystemActor } from '../../lib/policy.ts';
import { referentApplicationTransitioned } from './community.events.ts';
import {
  ensureReferent,
  type ReferentApplicationRow,
  referentApplicationStore,
  setDecisionNote,
} from './referents.queries.ts';

/**
 * An office's application to become referent: the DDSI accepts it — the office is named referent of
 * the region in the same transaction — or refuses it with a reason; the office's director withdraws it.
 */
export const referentApplicationBinding: LifecycleBinding<
  ReferentApplicationState,
  ReferentApplicationTransition,
  ReferentApplicationFacts,
  ReferentApplicationRow
> = {
  definition: referentApplicationLifecycle,
  notFoundLabel: 'Candidature de référent',
  staleSubject: 'referentApplication',
  store: referentApplicationStore,
  idOf: (row) => row.id,
  parties: (row) => ({ applicantOffice: [row.organisationId] }),
  facts: async (_ctx, rows) => rows.map(() => ({})),
  snapshot: (row) => ({ state: row.state, region: row.region, version: row.version }),
  async effects(ctx, change) {
    const note = (change.input as { note?: string } | undefined)?.note ?? null;
    if (change.transition === 'accept' || change.transition === 'refuse')
      await setDecisionNote(ctx.db, change.after.id, note);
    if (change.transition === 'accept') {
      const actor = actingAs(ctx);
      await ensureReferent(ctx.db, {
        organisationId: change.after.organisationId,
        region: change.after.region,
        namedBy: actor && !isSystemActor(actor) ? actor.userId : null,
      });
    }
    await referentApplicationTransitioned(ctx, change.after);
  },
};
