import {
  type ProjectFacts,
  type ProjectTransition,
  projectLifecycle,
} from '../../../common/lifecycles/project.ts';
import type { ActivePhase, ProjectPhase } from '../../../common/projects.ts';
import { trackRules } from '../../../common/tracks.ts';
import type { PhaseDates } from '../../db/schema.ts';
import type { LifecycleBinding } from '../../lib/lifecycle.ts';
import { certifyDeliveredSheet } from '../acceptance/reports.service.ts';
import { projectTransitioned } from '../notifications/emitters.ts';
import { type ProjectSubject, projectStore, setProjectColumns } from './projects.queries.ts';
import { deliverToCatalogue } from './projects-delivery.service.ts';

const todayUtc = () => new Date().toISOString().slice(0, 10);

export const projectParties = (row: ProjectSubject) => ({
  developerOffices: row.developerOrganisationIds,
  holderOffice: [row.holderOrganisationId],
  sponsorship: row.sponsorDirectorateIds,
});

export function projectFacts(row: ProjectSubject): ProjectFacts {
  return {
    track: row.track,
    phase: row.phase,
    sponsorshipAccepted: row.acceptedSponsorIds.length > 0,
    hasForgeLink: !!row.forgeUrl,
    amStore: row.amStore,
    acceptanceReportSigned: !!row.acceptanceReportSignedAt,
    transitionalProcedure: row.transitionalProcedure,
    hasTransitionalApplication: !!row.transitionalApplicationId,
    homologationDeclaredOn: row.homologationDeclaredOn,
    hasOwningDirectorate: !!row.owningDirectorateId,
    suspendedFrom: row.suspendedFrom,
  };
}

/**
 * The actual dates: the phase left ends today and the phase reached starts today (or on the date given).
 * A suspension leaves its phase open: resuming ends the suspension and goes on with the phase as it started.
 */
function movedDates(dates: PhaseDates, from: ProjectPhase, to: ProjectPhase, startedOn?: string): PhaseDates {
  const today = todayUtc();
  const next: PhaseDates = { ...dates };
  if (to !== 'suspended') next[from] = { ...dates[from], end: today };
  const resumed = from === 'suspended' && to !== 'abandoned' && dates[to]?.start;
  if (!resumed) next[to] = { start: startedOn ?? today, end: null };
  return next;
}

/** Projects: moved by their developers, holder director, sponsor, the DDSI and admins; guarded by the track rules. */
export const projectBinding: LifecycleBinding<ProjectPhase, ProjectTransition, ProjectFacts, ProjectSubject> =
  {
    definition: projectLifecycle,
    notFoundLabel: 'Projet',
    staleSubject: 'project',
    store: projectStore,
    idOf: (row) => row.id,
    parties: projectParties,
    facts: async (_ctx, rows) => rows.map(projectFacts),
    snapshot: (row) => ({
      phase: row.phase,
      track: row.track,
      suspendedFrom: row.suspendedFrom,
      applicationId: row.applicationId,
      version: row.version,
    }),
    async effects(ctx, change) {
      const project = change.after;
      const input = (change.input ?? {}) as { startedOn?: string; reason?: string };
      const values: Parameters<typeof setProjectColumns>[2] = {
        actualDates: movedDates(project.actualDates, change.from, change.to, input.startedOn),
        suspendedFrom: change.to === 'suspended' ? (change.from as ActivePhase) : null,
      };
      if (change.transition === 'deliverWithoutReport') {
        values.acceptanceOverrideReason = input.reason ?? null;
        values.acceptanceOverrideBy = ctx.actor?.userId ?? null;
        values.acceptanceOverrideAt = new Date();
      }
      if (change.to === 'delivered' && trackRules(project.track).delivers === 'catalogueSheet') {
        values.applicationId = await deliverToCatalogue(ctx, project);
        await certifyDeliveredSheet(ctx, project.id, values.applicationId);
      }
      await setProjectColumns(ctx.db, project.id, values);
      await projectTransitioned(ctx, project, change.to);
    },
  };
