import {
  type RegistrationStatus,
  type SessionState,
  TRAINING_DAYS,
} from '../../../common/community/training.ts';
import { DIRECTORY_ROLES } from '../../../common/community/vocabulary.ts';
import type {
  CreateSessionInput,
  RegistrationActionInput,
  RequestTrainingInput,
} from '../../../common/schemas/training.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext, type TxContext } from '../../lib/context.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { describeLifecycles, describeTransitions } from '../../lib/lifecycle.ts';
import { type Actor, type Authorizer, hasRole } from '../../lib/policy.ts';
import { registrationChanged } from './community.events.ts';
import { decidesReferents } from './community.policy.ts';
import { findProfile } from './developers.queries.ts';
import {
  demandRows,
  developerAccount,
  findRegistration,
  findSession,
  firstWaitlisted,
  insertRegistration,
  insertSession,
  isReferentOffice,
  listSessions,
  officeSummary,
  type RegistrationRow,
  registrationsOf,
  registrationWithPeople,
  type SessionRow,
  seatsTaken,
  setRegistration,
} from './training.queries.ts';
import { trainingSessionBinding } from './training-sessions.lifecycle.ts';

/**
 * Starter-kit training (letter §3.2.1.1): a referent publishes sessions for its region; an office asks for a
 * place for one of its developers, declaring the prerequisites; a place is given in order of arrival while
 * the session has room, then the waiting list, promoted in order when a place frees; the referent checks
 * the prerequisites (and may refuse), marks attendance; completing the session marks the attendees trained
 * (training-sessions.lifecycle.ts). A request for a region without a session is demand the referents see.
 * Every decision on places runs with the session's row locked, so two requests for the last place are
 * served one after the other: exactly one gets it.
 */

const unprocessable = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] });
const conflict = (message: string) => new AppError('conflict', message);

const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const today = () => new Date().toISOString().slice(0, 10);

export async function createSession(ctx: ServiceContext, authorizer: Authorizer, input: CreateSessionInput) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'training.createSession');
  return inTransaction(ctx, async (tx) => {
    if (!(await isReferentOffice(tx.db, actor.organisationId, input.region)))
      throw unprocessable(
        'region',
        "Votre organisme n'est pas référent de cette région : seul un référent de la région y publie des sessions.",
      );
    const row = await insertSession(tx.db, {
      ...input,
      place: input.place ?? null,
      endsOn: addDays(input.startsOn, TRAINING_DAYS - 1),
      trainerOrganisationId: actor.organisationId,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      action: 'training.createSession',
      targetType: 'trainingSession',
      targetId: row.id,
      after: row,
    });
    return row;
  });
}

/** May the actor manage this session (its trainer office's referents, the DDSI)? */
const managesSession = (authorizer: Authorizer, actor: Actor, session: SessionRow) =>
  authorizer.can(actor, 'training.manage', { trainerOrganisationId: session.trainerOrganisationId });

/** The person the request is for: a developer of the network, of the actor's office (or the actor). */
async function checkDeveloper(tx: TxContext, actor: Actor, developerId: string) {
  const developer = await developerAccount(tx.db, developerId);
  const notADeveloper = unprocessable(
    'developerId',
    "Cette personne n'est pas un développeur actif du réseau.",
  );
  if (!developer) throw notADeveloper;
  if (
    developer.status !== 'active' ||
    !developer.roles.some((r) => (DIRECTORY_ROLES as readonly string[]).includes(r))
  )
    throw notADeveloper;
  const forSelf = developer.id === actor.userId;
  const forOwnOffice = hasRole(actor, 'officeDirector') && developer.organisationId === actor.organisationId;
  if (!forSelf && !forOwnOffice)
    throw forbidden(
      'Un organisme demande une place pour ses propres développeurs (son directeur, ou le développeur lui-même).',
    );
  if ((await findProfile(tx.db, developer.id))?.trainedAt)
    throw unprocessable('developerId', 'Ce développeur est déjà formé au starter kit.');
  return developer;
}

export async function requestTraining(
  ctx: ServiceContext,
  authorizer: Authorizer,
  input: RequestTrainingInput,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'training.request');
  return inTransaction(ctx, async (tx) => {
    const developer = await checkDeveloper(tx, actor, input.developerId);
    let status: RegistrationStatus = 'demand';
    if (input.sessionId) {
      const session = await findSession(tx.db, input.sessionId, { lock: true });
      if (!session) throw unprocessable('sessionId', "Cette session de formation n'existe pas.");
      if (session.state !== 'published')
        throw conflict('Cette session n’accepte plus de demandes : elle est close ou annulée.');
      if (session.region !== developer.region)
        throw unprocessable(
          'sessionId',
          "Cette session est celle d'une autre région : demandez une place dans la région du développeur.",
        );
      status = (await seatsTaken(tx.db, session.id)) < session.capacity ? 'registered' : 'waitlisted';
    }
    const row = await insertRegistration(tx.db, {
      sessionId: input.sessionId ?? null,
      region: developer.region,
      developerUserId: developer.id,
      requestedBy: actor.userId,
      status,
      prerequisites: input.prerequisites,
      note: input.note ?? null,
    });
    await recordAudit(tx, {
      action: 'training.request',
      targetType: 'trainingRegistration',
      targetId: row.id,
      after: row,
    });
    await registrationChanged(tx, row, { toTrainers: true });
    return row;
  });
}

/** A freed place goes to the first of the waiting list (the session is locked). */
async function promoteNext(tx: TxContext, session: SessionRow) {
  if ((await seatsTaken(tx.db, session.id)) >= session.capacity) return;
  const next = await firstWaitlisted(tx.db, session.id);
  if (!next) return;
  const after = await setRegistration(tx.db, next.id, { status: 'registered' });
  await recordAudit(tx, {
    action: 'training.promote',
    targetType: 'trainingRegistration',
    targetId: next.id,
    before: next,
    after,
  });
  await registrationChanged(tx, after);
}

const ACTION_FROM: Record<RegistrationActionInput['action'], readonly RegistrationStatus[]> = {
  checkPrerequisites: ['registered', 'waitlisted', 'demand'],
  refuse: ['registered', 'waitlisted', 'demand'],
  cancel: ['registered', 'waitlisted', 'demand'],
  markAttended: ['registered', 'attended', 'absent'],
  markAbsent: ['registered', 'attended', 'absent'],
};

async function mayManage(
  tx: TxContext,
  authorizer: Authorizer,
  actor: Actor,
  registration: RegistrationRow,
  session: SessionRow | null,
) {
  if (session) return managesSession(authorizer, actor, session);
  return (
    decidesReferents(actor) ||
    (hasRole(actor, 'referent') && (await isReferentOffice(tx.db, actor.organisationId, registration.region)))
  );
}

export async function actOnRegistration(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: RegistrationActionInput,
) {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const found = await findRegistration(tx.db, id);
    if (!found) throw notFound('Demande de formation');
    const session = found.sessionId ? await findSession(tx.db, found.sessionId, { lock: true }) : null;
    // Read again under the session's lock: a concurrent action may have moved it.
    const registration = (await findRegistration(tx.db, id)) as RegistrationRow;
    const manager = await mayManage(tx, authorizer, actor, registration, session);
    const developer = await developerAccount(tx.db, registration.developerUserId);
    const ownSide =
      registration.developerUserId === actor.userId ||
      (hasRole(actor, 'officeDirector') && developer?.organisationId === actor.organisationId);
    if (!(manager || (input.action === 'cancel' && ownSide)))
      throw forbidden(
        input.action === 'cancel'
          ? "Seuls l'organisme demandeur et le référent de la session annulent une demande."
          : 'Seul le référent formateur de la session (ou la DDSI) vérifie les prérequis et marque les présences.',
      );
    if (!ACTION_FROM[input.action].includes(registration.status))
      throw conflict(
        `Cette demande est « ${registration.status} » : l'action « ${input.action} » ne s'y applique pas.`,
      );
    if (session && session.state !== 'published')
      throw conflict('La session est close ou annulée : ses inscriptions ne changent plus.');
    if (
      (input.action === 'markAttended' || input.action === 'markAbsent') &&
      session &&
      session.startsOn > today()
    )
      throw conflict("La session n'a pas commencé : les présences se marquent à partir de son premier jour.");
    if (input.action === 'refuse' && !input.reason)
      throw new AppError('badRequest', 'Indiquez le motif du refus.', {
        errors: [{ field: 'reason', message: 'Indiquez le motif du refus.' }],
      });
    const values =
      input.action === 'checkPrerequisites'
        ? { prerequisitesCheckedAt: new Date() }
        : input.action === 'markAttended'
          ? { status: 'attended' as const }
          : input.action === 'markAbsent'
            ? { status: 'absent' as const }
            : {
                status: (input.action === 'refuse' ? 'refused' : 'cancelled') as RegistrationStatus,
                reason: input.reason ?? null,
              };
    const after = await setRegistration(tx.db, registration.id, values);
    await recordAudit(tx, {
      action: 'training.registration',
      targetType: 'trainingRegistration',
      targetId: registration.id,
      before: registration,
      after,
      details: { action: input.action },
    });
    if (after.status !== registration.status) await registrationChanged(tx, after);
    if (
      session &&
      registration.status === 'registered' &&
      (after.status === 'cancelled' || after.status === 'refused')
    )
      await promoteNext(tx, session);
    return after;
  });
}

export async function listTrainingSessions(
  ctx: ServiceContext,
  filters: { region?: string; state?: SessionState },
) {
  requireActor(ctx);
  return listSessions(ctx.db, filters);
}

/** A session with its registrations (and their places on the waiting list) and what the caller may do. */
export async function getSession(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  const session = await findSession(ctx.db, id);
  if (!session) throw notFound('Session de formation');
  const [trainer, registrations, [transitions = []], lifecycles] = await Promise.all([
    officeSummary(ctx.db, session.trainerOrganisationId),
    registrationsOf(ctx.db, id),
    describeTransitions(ctx, authorizer, [trainingSessionBinding], [session]),
    describeLifecycles(ctx, [trainingSessionBinding], session, session.createdAt),
  ]);
  return {
    session,
    trainer: trainer as NonNullable<typeof trainer>,
    registrations,
    canManage: managesSession(authorizer, actor, session),
    transitions,
    lifecycles,
  };
}

export async function getRegistration(ctx: ServiceContext, id: string) {
  requireActor(ctx);
  const row = await registrationWithPeople(ctx.db, id);
  if (!row) throw notFound('Demande de formation');
  return row;
}

/** Requests without a session, by region: what referents see as demand. */
export async function trainingDemand(ctx: ServiceContext, authorizer: Authorizer) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'training.readDemand');
  return demandRows(ctx.db);
}
