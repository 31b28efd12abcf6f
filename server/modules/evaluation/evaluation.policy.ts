import { REVIEWER_ROLES, type ReviewerRole } from '../../../common/evaluation/vocabulary.ts';
import { GRID_OWNERS } from '../../../common/lifecycles/evaluation-grid.ts';
import { type Actor, hasRole, type PolicyTable } from '../../lib/policy.ts';
import { mayEditFor } from '../catalog/catalog.policy.ts';
import { type ProjectAccess, runsProject } from '../projects/projects.policy.ts';

/** What is evaluated: a project (its runners answer) or a catalogue sheet (its writers answer). */
export type EvaluationSubjectAccess =
  | { kind: 'project'; project: ProjectAccess }
  | { kind: 'application'; designerOrganisationId: string };

/** A grid version as the read rule sees it: drafts are their owners' work in progress. */
export interface GridVersionAccess {
  state: string;
}

const ownsGrids = (actor: Actor) => hasRole(actor, ...GRID_OWNERS);

function answersFor(actor: Actor, subject: EvaluationSubjectAccess) {
  return subject.kind === 'project'
    ? runsProject(actor, subject.project)
    : mayEditFor(actor, subject.designerOrganisationId);
}

const ANSWERERS = ['admin', 'itDirectorate', 'developer', 'officeDirector', 'sponsor'] as const;

/**
 * Everyone signed in reads the published grids and the evaluations (like the projects they belong to).
 * The DDSI, the DDFC/DC2R and administrators write and publish grids. Those who run a project, or write
 * a catalogue sheet, start its evaluation and answer; each section's reviewer — the DDSI for technical
 * items, the DDFC/DC2R for acceptance, the DDO — validates or returns its answers, and administrators.
 */
export const evaluationPolicy: PolicyTable = {
  'grid.read': (actor, version?: GridVersionAccess) => version?.state !== 'draft' || ownsGrids(actor),
  'grid.manage': (actor) => ownsGrids(actor),
  'evaluation.read': () => true,
  'evaluation.start': (actor, subject?: EvaluationSubjectAccess) =>
    subject ? answersFor(actor, subject) : hasRole(actor, ...ANSWERERS),
  'evaluation.answer': (actor, subject?: EvaluationSubjectAccess) =>
    subject ? answersFor(actor, subject) : hasRole(actor, ...ANSWERERS),
  'evaluation.review': (actor, section?: { reviewer: ReviewerRole }) =>
    hasRole(actor, 'admin') ||
    (section ? hasRole(actor, section.reviewer) : hasRole(actor, ...REVIEWER_ROLES)),
};

/** Which grid versions a list shows the actor (a condition in SQL): drafts only to the grids' owners. */
export interface GridVersionScope {
  drafts: boolean;
}
export const gridVersionScope = (actor: Actor): GridVersionScope => ({ drafts: ownsGrids(actor) });
