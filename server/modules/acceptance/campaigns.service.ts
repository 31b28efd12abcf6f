import {
  ACCEPTANCE_TRACKS,
  type AcceptanceTrack,
  NATIONAL_CENTRE_CODE,
} from '../../../common/acceptance/vocabulary.ts';
import { refusalMessage } from '../../../common/lifecycle.ts';
import { acceptanceCampaignLifecycle } from '../../../common/lifecycles/acceptance-campaign.ts';
import type { CreateCampaignInput, UpdateCampaignInput } from '../../../common/schemas/acceptance.ts';
import type { Executor } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError, staleVersion } from '../../lib/errors.ts';
import { describeLifecycles, describeTransitions } from '../../lib/lifecycle.ts';
import type { Actor, Authorizer } from '../../lib/policy.ts';
import { findApplications } from '../catalog/applications/applications.queries.ts';
import { mayEditFor } from '../catalog/catalog.policy.ts';
import { blockingItemCount } from '../evaluation/evaluations.service.ts';
import { runsProject } from '../projects/projects.policy.ts';
import { findProjectSubject } from '../projects/projects.queries.ts';
import { accessOf } from '../projects/projects.service.ts';
import type { CampaignAccess } from './acceptance.policy.ts';
import type { CampaignBinding } from './campaigns.lifecycle.ts';
import {
  anomaliesOf,
  type CampaignFilters,
  type CampaignRow,
  campaignCounts,
  campaignOffices,
  campaignTesters,
  executionsOf,
  existingUsers,
  findCampaign,
  insertCampaign,
  isCampaignTester,
  listCampaignRows,
  officesByIdOrCode,
  replaceCampaignOffices,
  replaceCampaignTesters,
  subjectNames,
  testCasesOf,
  updateCampaignAtVersion,
} from './campaigns.queries.ts';
import { executionFilesOf } from './execution-files.queries.ts';
import { reportOfCampaign } from './reports.queries.ts';
import { testerCandidates } from './testers.queries.ts';

/**
 * Acceptance campaigns (recette): opened for a project's delivery or a version of a catalogue sheet once
 * its evaluation has no blocking item, run by a group of offices or the national acceptance centre with
 * named testers. The test plan, executions and anomalies: test-plan.service.ts; the lifecycle:
 * campaigns.lifecycle.ts.
 */

export const campaignNotFound = () => new AppError('notFound', 'Cette campagne de recette est introuvable.');
const invalid = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] });

/** What the subject is, its track, and whether the actor runs it (its developers, the sheet's writers). */
async function subjectOf(
  db: Executor,
  actor: Actor,
  ref: { projectId?: string | null; applicationId?: string | null },
) {
  if (ref.projectId) {
    const project = await findProjectSubject(db, ref.projectId);
    if (!project) throw invalid('projectId', "Ce projet n'existe pas.");
    return { track: project.track as string, runs: runsProject(actor, accessOf(project)) };
  }
  const [sheet] = await findApplications(db, [ref.applicationId as string]);
  if (!sheet) throw invalid('applicationId', "Cette application n'existe pas dans le catalogue.");
  return { track: sheet.track as string, runs: mayEditFor(actor, sheet.designerOrganisationId) };
}

/** The campaign as its rules see the actor: a named tester, one who runs its subject. */
export async function campaignAccess(
  db: Executor,
  actor: Actor,
  campaign: CampaignRow,
): Promise<CampaignAccess> {
  const [isTester, subject] = await Promise.all([
    isCampaignTester(db, campaign.id, actor.userId),
    subjectOf(db, actor, campaign),
  ]);
  return { isTester, runsSubject: subject.runs };
}

async function checkPeople(
  db: Executor,
  input: { runnerKind?: string; officeIds?: string[]; testerIds?: string[] },
) {
  let officeIds = input.officeIds;
  if (input.runnerKind === 'nationalCentre') {
    officeIds = (await officesByIdOrCode(db, [], NATIONAL_CENTRE_CODE)).map((o) => o.id);
  } else if (officeIds) {
    if (input.runnerKind === 'officeGroup' && officeIds.length === 0)
      throw invalid('officeIds', 'Nommez au moins un organisme du groupe qui conduit la recette.');
    const found = await officesByIdOrCode(db, officeIds);
    if (found.length !== new Set(officeIds).size)
      throw invalid('officeIds', "Un des organismes nommés n'existe pas dans l'annuaire.");
  }
  if (input.testerIds) {
    const found = await existingUsers(db, input.testerIds);
    if (found.length !== new Set(input.testerIds).size)
      throw invalid('testerIds', "Un des testeurs nommés n'a pas de compte sur le portail.");
  }
  return officeIds;
}

export async function createCampaign(
  ctx: ServiceContext,
  authorizer: Authorizer,
  input: CreateCampaignInput,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'campaign.create');
  return inTransaction(ctx, async (tx) => {
    const field = input.projectId ? 'projectId' : 'applicationId';
    const subject = await subjectOf(tx.db, actor, input);
    if (!(ACCEPTANCE_TRACKS as readonly string[]).includes(subject.track))
      throw invalid(
        field,
        "Seules la labellisation et l'homologation passent par une recette nationale : ce sujet est sur une autre filière.",
      );
    const blocking = await blockingItemCount(
      tx.db,
      input.projectId ? { projectId: input.projectId } : { applicationId: input.applicationId as string },
    );
    if (blocking !== 0) {
      const refusal =
        blocking === null
          ? { code: 'evaluationMissing' }
          : { code: 'evaluationBlocking', params: { count: blocking } };
      throw new AppError('unprocessable', refusalMessage(acceptanceCampaignLifecycle, refusal, 'fr'), {
        errors: [{ field, message: refusalMessage(acceptanceCampaignLifecycle, refusal, 'fr') }],
        refusal: { code: refusal.code, params: refusal.params ?? {} },
      });
    }
    if (input.plannedStart && input.plannedEnd && input.plannedEnd < input.plannedStart)
      throw invalid('plannedEnd', 'La date de fin prévue précède la date de début.');
    const officeIds = (await checkPeople(tx.db, input)) ?? [];
    const row = await insertCampaign(tx.db, {
      title: input.title,
      projectId: input.projectId ?? null,
      applicationId: input.applicationId ?? null,
      track: subject.track as AcceptanceTrack,
      versionLabel: input.versionLabel,
      runnerKind: input.runnerKind,
      plannedStart: input.plannedStart ?? null,
      plannedEnd: input.plannedEnd ?? null,
      createdBy: actor.userId,
    });
    await replaceCampaignOffices(tx.db, row.id, officeIds);
    await replaceCampaignTesters(tx.db, row.id, input.testerIds);
    await recordAudit(tx, {
      action: 'campaign.create',
      targetType: 'acceptanceCampaign',
      targetId: row.id,
      after: { ...input, officeIds },
    });
    return row.id;
  });
}

const PLANNING_STATES: readonly CampaignRow['state'][] = ['planned', 'inProgress'];
export function assertPlanning(campaign: CampaignRow) {
  if (!PLANNING_STATES.includes(campaign.state))
    throw new AppError(
      'conflict',
      "Le plan d'une campagne ne change plus une fois le procès-verbal demandé.",
    );
}

export async function updateCampaign(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: UpdateCampaignInput,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'campaign.plan');
  await inTransaction(ctx, async (tx) => {
    const campaign = await findCampaign(tx.db, id, { lock: true });
    if (!campaign) throw campaignNotFound();
    if (campaign.version !== input.version) throw staleVersion('campaign');
    assertPlanning(campaign);
    const start = input.plannedStart === undefined ? campaign.plannedStart : input.plannedStart;
    const end = input.plannedEnd === undefined ? campaign.plannedEnd : input.plannedEnd;
    if (start && end && end < start)
      throw invalid('plannedEnd', 'La date de fin prévue précède la date de début.');
    const officeIds = await checkPeople(tx.db, {
      runnerKind: campaign.runnerKind === 'nationalCentre' ? undefined : 'officeGroup',
      officeIds: campaign.runnerKind === 'nationalCentre' ? undefined : input.officeIds,
      testerIds: input.testerIds,
    });
    const after = await updateCampaignAtVersion(tx.db, id, input.version, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      plannedStart: start,
      plannedEnd: end,
    });
    if (!after) throw staleVersion('campaign');
    if (officeIds) await replaceCampaignOffices(tx.db, id, officeIds);
    if (input.testerIds) await replaceCampaignTesters(tx.db, id, input.testerIds);
    await recordAudit(tx, {
      action: 'campaign.plan',
      targetType: 'acceptanceCampaign',
      targetId: id,
      before: { title: campaign.title, plannedStart: campaign.plannedStart, plannedEnd: campaign.plannedEnd },
      after: input,
    });
  });
}

export async function getCampaign(
  ctx: ServiceContext,
  authorizer: Authorizer,
  binding: CampaignBinding,
  id: string,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'campaign.read');
  const campaign = await findCampaign(ctx.db, id);
  if (!campaign) throw campaignNotFound();
  const [counts, offices, testers, cases, executions, files, anomalies, report, names, access] =
    await Promise.all([
      campaignCounts(ctx.db, [id]),
      campaignOffices(ctx.db, id),
      campaignTesters(ctx.db, id),
      testCasesOf(ctx.db, id),
      executionsOf(ctx.db, id),
      executionFilesOf(ctx.db, id),
      anomaliesOf(ctx.db, id),
      reportOfCampaign(ctx.db, id),
      subjectNames(ctx.db, [campaign]),
      campaignAccess(ctx.db, actor, campaign),
    ]);
  const [transitions = []] = await describeTransitions(ctx, authorizer, [binding], [campaign]);
  const lifecycles = await describeLifecycles(ctx, [binding], campaign, campaign.createdAt);
  return {
    campaign,
    counts: counts.get(id) as NonNullable<ReturnType<typeof counts.get>>,
    subjectName: names.get(campaign.projectId ?? campaign.applicationId ?? '') ?? '',
    offices,
    testers,
    cases,
    executions,
    files,
    anomalies,
    report,
    may: {
      plan: authorizer.can(actor, 'campaign.plan') && PLANNING_STATES.includes(campaign.state),
      execute: authorizer.can(actor, 'campaign.execute', access) && campaign.state === 'inProgress',
      trackAnomalies:
        authorizer.can(actor, 'campaign.trackAnomalies', access) &&
        (campaign.state === 'inProgress' || campaign.state === 'reportRequested'),
    },
    transitions,
    lifecycles,
  };
}
export type CampaignView = Awaited<ReturnType<typeof getCampaign>>;

export async function listCampaigns(
  ctx: ServiceContext,
  query: CampaignFilters & { page: number; pageSize: number },
) {
  requireActor(ctx);
  const page = await listCampaignRows(ctx.db, query, query);
  const [counts, names] = await Promise.all([
    campaignCounts(
      ctx.db,
      page.items.map((r) => r.id),
    ),
    subjectNames(ctx.db, page.items),
  ]);
  return {
    total: page.total,
    items: page.items.map((campaign) => ({
      campaign,
      counts: counts.get(campaign.id) as NonNullable<ReturnType<typeof counts.get>>,
      subjectName: names.get(campaign.projectId ?? campaign.applicationId ?? '') ?? '',
    })),
  };
}

/** The accounts a manager may name as testers, found by name or e-mail. */
export async function findTesterCandidates(ctx: ServiceContext, authorizer: Authorizer, q: string) {
  authorizer.authorize(requireActor(ctx), 'campaign.plan');
  return testerCandidates(ctx.db, q);
}
