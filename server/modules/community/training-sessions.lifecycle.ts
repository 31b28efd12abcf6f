import type { SessionState } from '../../../common/community/training.ts';
import {
  type TrainingSessionFacts,
  type TrainingSessionTransition,
  trainingSessionLifecycle,
} from '../../../common/lifecycles/training-session.ts';
import type { LifecycleBinding } from '../../lib/lifecycle.ts';
import { sessionTransitioned } from './community.events.ts';
import { markTrained } from './developers.queries.ts';
import {
  registrationsInStatus,
  type SessionRow,
  sessionStore,
  setSessionRegistrations,
} from './training.queries.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Training sessions: completing one (once its last day has come and every attendance is marked) marks
 * each developer who attended as trained on the last day — which opens level-1 support to them — and
 * closes the waiting list; cancelling one cancels its registrations. Both in the transition's transaction.
 */
export const trainingSessionBinding: LifecycleBinding<
  SessionState,
  TrainingSessionTransition,
  TrainingSessionFacts,
  SessionRow
> = {
  definition: trainingSessionLifecycle,
  notFoundLabel: 'Session de formation',
  staleSubject: 'trainingSession',
  store: sessionStore,
  idOf: (row) => row.id,
  parties: (row) => ({ trainerOffice: [row.trainerOrganisationId] }),
  async facts(ctx, rows) {
    return Promise.all(
      rows.map(async (row) => ({
        unmarked: (await registrationsInStatus(ctx.db, row.id, 'registered')).length,
        held: row.endsOn <= today(),
      })),
    );
  },
  snapshot: (row) => ({
    state: row.state,
    startsOn: row.startsOn,
    capacity: row.capacity,
    version: row.version,
  }),
  async effects(ctx, change) {
    // Everyone in the session hears of its end: read before the waiting list is closed.
    const heard = await Promise.all(
      (['registered', 'waitlisted', 'attended', 'absent'] as const).map((status) =>
        registrationsInStatus(ctx.db, change.after.id, status),
      ),
    );
    await sessionTransitioned(
      ctx,
      change.after,
      heard.flat().map((r) => r.developerUserId),
    );
    if (change.transition === 'complete') {
      const attended = await registrationsInStatus(ctx.db, change.after.id, 'attended');
      for (const registration of attended)
        await markTrained(ctx.db, registration.developerUserId, change.after.endsOn);
      await setSessionRegistrations(ctx.db, change.after.id, ['waitlisted'], 'cancelled');
    }
    if (change.transition === 'cancel')
      await setSessionRegistrations(ctx.db, change.after.id, ['registered', 'waitlisted'], 'cancelled');
  },
};
