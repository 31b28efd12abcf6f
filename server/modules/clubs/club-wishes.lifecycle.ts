import type { WishState } from '../../../common/clubs/vocabulary.ts';
import {
  type ClubWishFacts,
  type ClubWishTransition,
  clubWishLifecycle,
} from '../../../common/lifecycles/club-wish.ts';
import type { LifecycleBinding } from '../../lib/lifecycle.ts';
import { clubWishAnswered } from './clubs.events.ts';
import { setWishAnswer, type WishSubject, wishStore } from './clubs.queries.ts';

/**
 * A wish of a club: the designer office plans it for a version or declines it with a reason, kept on the
 * wish in the transaction of the transition; the member offices' contacts and its author hear of it.
 */
export const clubWishBinding: LifecycleBinding<WishState, ClubWishTransition, ClubWishFacts, WishSubject> = {
  definition: clubWishLifecycle,
  notFoundLabel: 'Évolution souhaitée',
  staleSubject: 'clubWish',
  store: wishStore,
  idOf: (row) => row.id,
  parties: (row) => ({ designerOffice: [row.designerOrganisationId] }),
  facts: async (_ctx, rows) => rows.map(() => ({})),
  snapshot: (row) => ({
    state: row.state,
    plannedVersion: row.plannedVersion,
    declineReason: row.declineReason,
    version: row.version,
  }),
  async effects(ctx, change) {
    const answer =
      change.transition === 'plan'
        ? { plannedVersion: (change.input as { plannedVersion: string }).plannedVersion }
        : { declineReason: (change.input as { reason: string }).reason };
    await setWishAnswer(ctx.db, change.after.id, answer);
    await clubWishAnswered(ctx, { ...change.after, ...answer });
  },
};
