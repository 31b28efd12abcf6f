import { type PartyActor, partyMatches } from '../../../common/lifecycle.ts';
import {
  applicationCertificationLifecycle,
  applicationRecordLifecycle,
} from '../../../common/lifecycles/application.ts';
import type { DecisionReason } from '../../../common/schemas/home.ts';
import type { Executor } from '../../db/client.ts';
import type { Actor, AnyLifecycle, Authorizer, ListScope } from '../../lib/policy.ts';
import { listSheetsAwaiting } from './home.queries.ts';

/**
 * Transitions that wait on someone: the subject's state calls for them, and only their parties may fire
 * them. A retired application still published waits for its writers to archive it; a certification in
 * progress waits for the national accountant or the DDSI to decide. Both are on sheets, whose relation
 * `designerOffice` is the designer office (applications.lifecycle.ts).
 */
interface AwaitedTransition {
  lifecycle: AnyLifecycle;
  transition: string;
  reason: DecisionReason;
}
const AWAITED: AwaitedTransition[] = [
  { lifecycle: applicationRecordLifecycle, transition: 'archive', reason: 'retiredStillPublished' },
  { lifecycle: applicationCertificationLifecycle, transition: 'certify', reason: 'certificationInProgress' },
];

/** The subjects a transition's parties let the actor act on, as a list scope for SQL. */
function scopeOf(actor: Actor, { lifecycle, transition }: AwaitedTransition): ListScope {
  const parties = lifecycle.transitions[transition]?.parties ?? [];
  const who: PartyActor = { kind: 'user', roles: actor.roles, organisationId: actor.organisationId };
  if (parties.some((party) => party.kind === 'role' && partyMatches(party, who))) return { kind: 'all' };
  const ofOwnOffice = { designerOffice: [actor.organisationId] };
  if (parties.some((party) => party.kind !== 'role' && partyMatches(party, who, ofOwnOffice)))
    return { kind: 'organisation', organisationId: actor.organisationId };
  return { kind: 'none' };
}

/** The decisions waiting on the actor, bounded; null when the actor is a party of none of them. */
export async function readPendingDecisions(
  db: Executor,
  authorizer: Authorizer,
  actor: Actor,
  limit: number,
) {
  const awaited = AWAITED.map((entry) => ({ entry, scope: scopeOf(actor, entry) })).filter(
    ({ scope }) => scope.kind !== 'none',
  );
  if (awaited.length === 0) return null;
  const found = await Promise.all(
    awaited.map(async ({ entry, scope }) => {
      const { rows, total } = await listSheetsAwaiting(db, entry.reason, scope, limit);
      // The scope narrows the query; each subject is still checked against the lifecycle's parties.
      const items = rows
        .filter((row) =>
          authorizer.mayFire(actor, entry.lifecycle, entry.transition, {
            parties: { designerOffice: [row.designer_organisation_id] },
          }),
        )
        .map((row) => ({ row, entry }));
      return { items, total };
    }),
  );
  return {
    total: found.reduce((sum, f) => sum + f.total, 0),
    items: found.flatMap((f) => f.items).slice(0, limit),
  };
}
