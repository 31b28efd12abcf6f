import { BOARD_RUNNERS } from '../../../common/board/permissions.ts';
import { type Actor, hasRole, type PolicyTable } from '../../lib/policy.ts';

/** Whoever runs the board: the operations directorate (DDO), the board's members, administrators. */
export const runsBoard = (actor: Actor) => hasRole(actor, ...BOARD_RUNNERS);

/** A sponsorship request as an escalation sees it: the directorate asked. */
export interface EscalationAccess {
  directorateId: string;
}

/**
 * Everyone signed in reads what waits for the board and its meetings, and submits evolution and
 * arbitration requests (the network must see what the board does; its decision log is public, without
 * a session). A sponsor escalates a request made to its own directorate; the board's runners escalate
 * any, and run the meetings (agenda, attendance, minutes, decisions) — the lifecycle's transitions too.
 */
export const boardPolicy: PolicyTable = {
  'board.read': () => true,
  'board.submit': () => true,
  'board.escalate': (actor, request?: EscalationAccess) =>
    runsBoard(actor) ||
    (hasRole(actor, 'sponsor') && (!request || request.directorateId === actor.organisationId)),
  'board.manage': (actor) => runsBoard(actor),
};
