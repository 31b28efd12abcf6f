import type { RegistrationDto, SessionDto, SessionSummaryDto } from '../../../common/schemas/training.ts';
import type { RegistrationListRow, SessionRow } from './training.queries.ts';

type Office = { id: string; code: string; name: string };

export function presentRegistration(
  row: RegistrationListRow,
  position: number | null = null,
): RegistrationDto {
  const r = row.registration;
  return {
    id: r.id,
    sessionId: r.sessionId,
    region: r.region as RegistrationDto['region'],
    developer: { id: row.developer.id, displayName: row.developer.displayName, office: row.office },
    status: r.status,
    position,
    prerequisites: r.prerequisites,
    prerequisitesCheckedAt: r.prerequisitesCheckedAt?.toISOString() ?? null,
    reason: r.reason,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  };
}

export function presentSessionSummary(
  session: SessionRow,
  trainer: Office,
  counts: { seated: number; waitlisted: number },
): SessionSummaryDto {
  return {
    id: session.id,
    region: session.region as SessionSummaryDto['region'],
    title: session.title,
    mode: session.mode,
    place: session.place,
    startsOn: session.startsOn,
    endsOn: session.endsOn,
    capacity: session.capacity,
    trainerOffice: trainer,
    state: session.state,
    version: session.version,
    seated: Number(counts.seated),
    waitlisted: Number(counts.waitlisted),
  };
}

/** The session with its registrations; the waiting list numbered in its order. */
export function presentSession(view: {
  session: SessionRow;
  trainer: Office;
  registrations: RegistrationListRow[];
  canManage: boolean;
  transitions: SessionDto['transitions'];
  lifecycles: SessionDto['lifecycles'];
}): SessionDto {
  let position = 0;
  const registrations = view.registrations.map((row) =>
    presentRegistration(row, row.registration.status === 'waitlisted' ? ++position : null),
  );
  const seated = registrations.filter((r) => ['registered', 'attended', 'absent'].includes(r.status)).length;
  return {
    ...presentSessionSummary(view.session, view.trainer, { seated, waitlisted: position }),
    registrations,
    canManage: view.canManage,
    transitions: view.transitions,
    lifecycles: view.lifecycles,
  };
}
