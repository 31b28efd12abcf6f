import type {
  AnomalyInput,
  ExecutionInput,
  TestCaseInput,
  UpdateAnomalyInput,
} from '../../../common/schemas/acceptance.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext, type TxContext } from '../../lib/context.ts';
import { AppError, staleVersion } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { mayCloseAnomaly } from './acceptance.policy.ts';
import {
  type CampaignRow,
  findAnomaly,
  findCampaign,
  findTestCase,
  insertAnomaly,
  insertExecution,
  insertTestCases,
  testCasesOf,
  touchCampaign,
  updateAnomalyAtVersion,
} from './campaigns.queries.ts';
import { assertPlanning, campaignAccess, campaignNotFound } from './campaigns.service.ts';

/** The test plan of a campaign (cases), its executions and its anomalies. */

const invalid = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] });

/** Loads and locks the campaign (numbers and plan are written one at a time per campaign). */
async function lockedCampaign(tx: TxContext, id: string) {
  const campaign = await findCampaign(tx.db, id, { lock: true });
  if (!campaign) throw campaignNotFound();
  return campaign;
}

function assertRunning(campaign: CampaignRow, what: string) {
  if (campaign.state !== 'inProgress')
    throw new AppError('conflict', `${what} se fait pendant la campagne : elle n'est pas en cours.`);
}

/** Writes test cases (one, or the rows of an imported workbook), each code once per campaign. */
export async function addTestCases(
  ctx: ServiceContext,
  authorizer: Authorizer,
  campaignId: string,
  cases: readonly TestCaseInput[],
  field = 'code',
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'campaign.plan');
  return inTransaction(ctx, async (tx) => {
    const campaign = await lockedCampaign(tx, campaignId);
    assertPlanning(campaign);
    const taken = new Set((await testCasesOf(tx.db, campaignId)).map((c) => c.code.toUpperCase()));
    for (const [index, testCase] of cases.entries()) {
      const code = testCase.code.toUpperCase();
      if (taken.has(code))
        throw new AppError(
          'conflict',
          `Le code de cas de test ${testCase.code} est déjà pris dans cette campagne.`,
          {
            errors: [{ field: cases.length > 1 ? `${field}[${index}]` : field, message: 'Code déjà pris.' }],
          },
        );
      taken.add(code);
    }
    const rows = await insertTestCases(tx.db, campaignId, cases);
    await touchCampaign(tx.db, campaignId);
    await recordAudit(tx, {
      action: 'campaign.addTestCases',
      targetType: 'acceptanceCampaign',
      targetId: campaignId,
      after: { codes: rows.map((r) => r.code) },
    });
    return rows;
  });
}

/** A tester records the result of one case (a re-test is a new execution: the latest counts). */
export async function recordExecution(
  ctx: ServiceContext,
  authorizer: Authorizer,
  campaignId: string,
  caseId: string,
  input: ExecutionInput,
) {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const campaign = await lockedCampaign(tx, campaignId);
    authorizer.authorize(actor, 'campaign.execute', await campaignAccess(tx.db, actor, campaign));
    assertRunning(campaign, "L'exécution d'un cas de test");
    const testCase = await findTestCase(tx.db, campaignId, caseId);
    if (!testCase) throw new AppError('notFound', "Ce cas de test n'existe pas dans cette campagne.");
    const today = new Date().toISOString().slice(0, 10);
    if (input.executedOn && input.executedOn > today)
      throw invalid('executedOn', "La date d'exécution ne peut pas être dans le futur.");
    const row = await insertExecution(tx.db, {
      caseId,
      campaignId,
      result: input.result,
      testerId: actor.userId,
      executedOn: input.executedOn ?? today,
      versionLabel: input.versionLabel ?? campaign.versionLabel,
      comment: input.comment,
      evidenceUrls: input.evidenceUrls,
    });
    await touchCampaign(tx.db, campaignId);
    await recordAudit(tx, {
      action: 'campaign.execute',
      targetType: 'acceptanceCampaign',
      targetId: campaignId,
      after: { caseId, code: testCase.code, result: row.result, executedOn: row.executedOn },
    });
    return row;
  });
}

const LIVE_STATES: readonly CampaignRow['state'][] = ['inProgress', 'reportRequested'];

export async function raiseAnomaly(
  ctx: ServiceContext,
  authorizer: Authorizer,
  campaignId: string,
  input: AnomalyInput,
) {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const campaign = await lockedCampaign(tx, campaignId);
    const access = await campaignAccess(tx.db, actor, campaign);
    authorizer.authorize(actor, 'campaign.trackAnomalies', access);
    if (!mayCloseAnomaly(actor, access))
      throw new AppError(
        'forbidden',
        'Seuls les testeurs de la campagne et ses pilotes signalent une anomalie.',
      );
    if (!LIVE_STATES.includes(campaign.state))
      throw new AppError(
        'conflict',
        "Une anomalie se signale pendant la campagne : elle n'est pas en cours.",
      );
    if (input.caseId && !(await findTestCase(tx.db, campaignId, input.caseId)))
      throw invalid('caseId', "Ce cas de test n'existe pas dans cette campagne.");
    const row = await insertAnomaly(tx.db, {
      campaignId,
      caseId: input.caseId ?? null,
      title: input.title,
      description: input.description,
      severity: input.severity,
      raisedBy: actor.userId,
    });
    await touchCampaign(tx.db, campaignId);
    await recordAudit(tx, {
      action: 'campaign.raiseAnomaly',
      targetType: 'acceptanceCampaign',
      targetId: campaignId,
      after: { anomalyId: row.id, number: row.number, severity: row.severity, title: row.title },
    });
    return row;
  });
}

/**
 * Moves an anomaly: the subject's side names the version that fixes it (fixed); the testers and the
 * campaign's managers close it after the re-test, or reject it; severity is theirs too.
 */
export async function updateAnomaly(
  ctx: ServiceContext,
  authorizer: Authorizer,
  campaignId: string,
  anomalyId: string,
  input: UpdateAnomalyInput,
) {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const campaign = await lockedCampaign(tx, campaignId);
    const access = await campaignAccess(tx.db, actor, campaign);
    authorizer.authorize(actor, 'campaign.trackAnomalies', access);
    const anomaly = await findAnomaly(tx.db, campaignId, anomalyId);
    if (!anomaly) throw new AppError('notFound', "Cette anomalie n'existe pas dans cette campagne.");
    if (anomaly.version !== input.version) throw staleVersion('anomaly');
    if (!LIVE_STATES.includes(campaign.state))
      throw new AppError('conflict', 'Les anomalies d’une campagne close ne changent plus.');
    const closing = input.status === 'closed' || input.status === 'rejected' || input.status === 'open';
    if ((closing || input.severity) && !mayCloseAnomaly(actor, access))
      throw new AppError(
        'forbidden',
        "Seuls les testeurs de la campagne et ses pilotes rouvrent, closent, rejettent une anomalie ou en changent la gravité : l'équipe du projet indique la version corrective.",
      );
    const fixedInVersion = input.fixedInVersion === undefined ? anomaly.fixedInVersion : input.fixedInVersion;
    const status = input.status ?? anomaly.status;
    if (status === 'fixed' && !fixedInVersion)
      throw invalid('fixedInVersion', 'Une anomalie corrigée nomme la version qui la corrige.');
    const after = await updateAnomalyAtVersion(tx.db, anomalyId, input.version, {
      status,
      fixedInVersion,
      ...(input.severity ? { severity: input.severity } : {}),
    });
    if (!after) throw staleVersion('anomaly');
    await touchCampaign(tx.db, campaignId);
    await recordAudit(tx, {
      action: 'campaign.updateAnomaly',
      targetType: 'acceptanceCampaign',
      targetId: campaignId,
      before: {
        anomalyId,
        status: anomaly.status,
        severity: anomaly.severity,
        fixedInVersion: anomaly.fixedInVersion,
      },
      after: {
        anomalyId,
        status: after.status,
        severity: after.severity,
        fixedInVersion: after.fixedInVersion,
      },
    });
    return after;
  });
}
