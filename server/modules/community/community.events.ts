import { REFERENT_DECIDERS } from '../../../common/lifecycles/referent-application.ts';
import { REGION_LABELS, type Region } from '../../../common/organisations.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { officeNames } from '../../lib/lifecycle.queries.ts';
import { emitEvent } from '../notifications/events.ts';
import { peopleWithRoles } from '../notifications/recipients.queries.ts';
import type { ReferentApplicationRow } from './referents.queries.ts';
import {
  findSession,
  type RegistrationRow,
  registrationWithPeople,
  type SessionRow,
} from './training.queries.ts';

/**
 * The events of the community, emitted in the transaction of each step: an application to become
 * referent reaches the DDSI, its decision the applicant office's director; each step of a request for a
 * training place reaches the developer and whoever asked for it (and, for a new request, the trainer
 * office's referents); a session completed or cancelled reaches everyone registered in it.
 */

async function applicationTarget(ctx: ServiceContext, row: ReferentApplicationRow) {
  const office = (await officeNames(ctx.db, [row.organisationId])).get(row.organisationId) ?? '';
  const region = REGION_LABELS[row.region as Region] ?? row.region;
  return {
    office,
    target: { type: 'referentApplication' as const, id: row.id, label: `${office} — ${region}` },
  };
}

export async function referentApplicationSubmitted(ctx: ServiceContext, row: ReferentApplicationRow) {
  const { office, target } = await applicationTarget(ctx, row);
  await emitEvent(ctx, {
    kind: 'referentApplication.submitted',
    target,
    params: { office, region: row.region },
    parties: { userIds: await peopleWithRoles(ctx.db, REFERENT_DECIDERS.slice(0, 1)) },
  });
}

export async function referentApplicationTransitioned(ctx: ServiceContext, row: ReferentApplicationRow) {
  const { office, target } = await applicationTarget(ctx, row);
  await emitEvent(ctx, {
    kind: 'referentApplication.transitioned',
    target,
    params: { office, region: row.region, to: row.state },
    parties: { organisationIds: [row.organisationId], roles: ['officeDirector'] },
  });
}

/** A registration's new status; a request without a session (demand) has no thread to be heard on. */
export async function registrationChanged(
  ctx: ServiceContext,
  registration: RegistrationRow,
  options: { toTrainers?: boolean } = {},
) {
  if (!registration.sessionId) return;
  const [session, people] = await Promise.all([
    findSession(ctx.db, registration.sessionId),
    registrationWithPeople(ctx.db, registration.id),
  ]);
  if (!session || !people) return;
  await emitEvent(ctx, {
    kind: 'training.registrationChanged',
    target: { type: 'trainingSession', id: session.id, label: session.title },
    params: { developer: people.developer.displayName, status: registration.status },
    parties: {
      userIds: [
        registration.developerUserId,
        ...(registration.requestedBy ? [registration.requestedBy] : []),
      ],
      ...(options.toTrainers
        ? { organisationIds: [session.trainerOrganisationId], roles: ['referent'] }
        : {}),
    },
  });
}

export async function sessionTransitioned(ctx: ServiceContext, session: SessionRow, developerIds: string[]) {
  await emitEvent(ctx, {
    kind: 'trainingSession.transitioned',
    target: { type: 'trainingSession', id: session.id, label: session.title },
    params: { to: session.state },
    parties: { userIds: developerIds },
  });
}
