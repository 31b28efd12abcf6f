import { type Actor, hasRole, type PolicyTable } from '../../lib/policy.ts';

/** Something of one office: its effort, an agreement with it. */
export interface OfficeResource {
  organisationId: string;
}

/** Those who see every office's figures: the DDO, the national accountant, the governance board, admins. */
const NATIONAL_READERS = ['operationsDirectorate', 'nationalAccountant', 'governanceBoard', 'admin'] as const;
/** An office's people who record its effort. */
const RECORDERS = ['officeDirector', 'developer', 'referent'] as const;

const ownOffice = (actor: Actor, resource?: OfficeResource) =>
  !resource || resource.organisationId === actor.organisationId;

/** The office's director and developers on its own agreements, the national readers on all. */
const agreementReader = (actor: Actor, agreement?: OfficeResource) =>
  hasRole(actor, ...NATIONAL_READERS) ||
  (hasRole(actor, 'officeDirector', 'developer') && ownOffice(actor, agreement));

/**
 * Effort: an office's director, developers and referents record it and read their office's; the
 * director confirms a month; the national readers read every office's. Agreements: drafted by the DDO;
 * negotiated (texts, comments) by the DDO and the office's director; read by the office's director and
 * developers and the national readers. The rate table is read by all, published by the DDO and the
 * national accountant. The transitions are the lifecycle's (common/lifecycles/agreement.ts).
 */
export const compensationPolicy: PolicyTable = {
  'effort.read': (actor, office?: OfficeResource) =>
    hasRole(actor, ...NATIONAL_READERS) || (hasRole(actor, ...RECORDERS) && ownOffice(actor, office)),
  'effort.record': (actor, office?: OfficeResource) =>
    hasRole(actor, 'admin') || (hasRole(actor, ...RECORDERS) && ownOffice(actor, office)),
  'effort.confirm': (actor, office?: OfficeResource) =>
    hasRole(actor, 'officeDirector') && ownOffice(actor, office),
  'rateTable.read': () => true,
  'rateTable.publish': (actor) => hasRole(actor, 'operationsDirectorate', 'nationalAccountant', 'admin'),
  'agreement.read': agreementReader,
  'agreement.create': (actor) => hasRole(actor, 'operationsDirectorate', 'admin'),
  'agreement.negotiateText': (actor, agreement?: OfficeResource) =>
    hasRole(actor, 'operationsDirectorate') ||
    (hasRole(actor, 'officeDirector') && ownOffice(actor, agreement)),
  'agreement.amend': (actor) => hasRole(actor, 'operationsDirectorate', 'admin'),
  // Statements are read like their agreement, computed by the DDO; validated through their lifecycle.
  'statement.read': agreementReader,
  'statement.compute': (actor) => hasRole(actor, 'operationsDirectorate', 'admin'),
  'networkBalance.read': (actor) => hasRole(actor, ...NATIONAL_READERS),
};

/** Which offices' agreements a list shows. */
export const agreementVisibility = (actor: Actor) =>
  hasRole(actor, ...NATIONAL_READERS)
    ? ({ kind: 'all' } as const)
    : ({ kind: 'organisation', organisationId: actor.organisationId } as const);
