import { type SQL, sql } from 'drizzle-orm';
import type { Database } from './client.ts';

/**
 * The refusal cases of the CHECKs of the evaluation, acceptance and notification tables (checks.test.ts):
 * one row of each table, written once by `insertEvaluationRows`, then each CHECK refused on it.
 */

export interface CheckCase {
  constraint: string;
  refused: () => SQL;
  accepted: () => SQL;
}

interface Base {
  userId: string;
  projectId: string;
  applicationId: string;
}
interface Rows extends Base {
  gridVersionId: string;
  evaluationId: string;
  answerId: string;
  campaignId: string;
  caseId: string;
  anomalyId: string;
  executionId: string;
}

const rows = {} as Rows;

async function insertedId(db: Database, statement: SQL) {
  const result = (await db.execute(statement)) as { rows: { id: string }[] };
  return result.rows[0]?.id as string;
}

/** The rows the cases below write on: a grid version, an evaluation and its answer, a campaign, its case, an execution and an anomaly. */
export async function insertEvaluationRows(db: Database, base: Base) {
  Object.assign(rows, base);
  rows.gridVersionId = await insertedId(
    db,
    sql`INSERT INTO evaluation_grid_versions (grid_id, number, state, content)
      SELECT id, 900, 'superseded', '{}'::jsonb FROM evaluation_grids WHERE kind = 'homologation' RETURNING id`,
  );
  rows.evaluationId = await insertedId(
    db,
    sql`INSERT INTO evaluations (grid_version_id, project_id, track)
      VALUES (${rows.gridVersionId}, ${base.projectId}, 'homologation') RETURNING id`,
  );
  rows.answerId = await insertedId(
    db,
    sql`INSERT INTO evaluation_answers (evaluation_id, requirement_code, status)
      VALUES (${rows.evaluationId}, 'HOM-01', 'met') RETURNING id`,
  );
  rows.campaignId = await insertedId(
    db,
    sql`INSERT INTO acceptance_campaigns (title, project_id, track, version_label, runner_kind)
      VALUES ('Recette', ${base.projectId}, 'homologation', '1.0', 'nationalCentre') RETURNING id`,
  );
  rows.caseId = await insertedId(
    db,
    sql`INSERT INTO acceptance_test_cases (campaign_id, code, title)
      VALUES (${rows.campaignId}, 'CT-01', 'Cas') RETURNING id`,
  );
  rows.executionId = await insertedId(
    db,
    sql`INSERT INTO acceptance_executions (case_id, campaign_id, result, tester_id, executed_on)
      VALUES (${rows.caseId}, ${rows.campaignId}, 'failed', ${base.userId}, '2026-03-01') RETURNING id`,
  );
  rows.anomalyId = await insertedId(
    db,
    sql`INSERT INTO acceptance_anomalies (campaign_id, number, title, severity)
      VALUES (${rows.campaignId}, 1, 'Anomalie', 'minor') RETURNING id`,
  );
}

const campaign = (set: SQL) => sql`UPDATE acceptance_campaigns SET ${set} WHERE id = ${rows.campaignId}`;
const anomaly = (set: SQL) => sql`UPDATE acceptance_anomalies SET ${set} WHERE id = ${rows.anomalyId}`;
const evaluation = (set: SQL) => sql`UPDATE evaluations SET ${set} WHERE id = ${rows.evaluationId}`;
const answer = (set: SQL) => sql`UPDATE evaluation_answers SET ${set} WHERE id = ${rows.answerId}`;
const execution = (result: string) => sql`
  INSERT INTO acceptance_executions (case_id, campaign_id, result, tester_id, executed_on)
  VALUES (${rows.caseId}, ${rows.campaignId}, ${result}, ${rows.userId}, '2026-03-02')`;
const report = (decision: string) => sql`
  INSERT INTO acceptance_reports (campaign_id, number, decision, project_id, version_label, figures,
    reservations, signed_by, signer_name, signed_at, pdf, size, sha256, certificate_sha256)
  VALUES (${rows.campaignId}, 'PV-2026-9001', ${decision}, ${rows.projectId}, '1.0', '{}'::jsonb, '[]'::jsonb,
    ${rows.userId}, 'Agent comptable', now(), '\\x25'::bytea, 1, 'x', 'y')`;
const evidence = (table: string, parent: string, id: () => string, kind: string) => sql`
  INSERT INTO ${sql.identifier(table)} (${sql.identifier(parent)}, kind, file_name, media_type, size, sha256)
  VALUES (${id()}, ${kind}, 'preuve.pdf', 'application/pdf', 1, 'x')`;
const follow = (table: 'follows' | 'notification_mutes', targetType: string) => sql`
  INSERT INTO ${sql.identifier(table)} (user_id, target_type, target_id)
  VALUES (${rows.userId}, ${targetType}, ${rows.projectId}) ON CONFLICT DO NOTHING`;
const preference = (kind: string, cadence: string) => sql`
  INSERT INTO notification_preferences (user_id, kind, cadence) VALUES (${rows.userId}, ${kind}, ${cadence})
  ON CONFLICT (user_id, kind) DO UPDATE SET cadence = excluded.cadence`;
const notification = (values: { kind?: string; reason?: string; cadence?: string }) => sql`
  INSERT INTO notifications (user_id, event_id, kind, target_type, target_id, target_label, params, reason,
    email_cadence)
  VALUES (${rows.userId}, (SELECT coalesce(max(event_id), 0) + 1 FROM notifications),
    ${values.kind ?? 'project.transitioned'}, 'project', ${rows.projectId}, 'Projet', '{}'::jsonb,
    ${values.reason ?? 'follower'}, ${values.cadence ?? 'daily'})`;

export const evaluationCheckCases: CheckCase[] = [
  {
    constraint: 'evaluation_grids_kind_check',
    refused: () => sql`INSERT INTO evaluation_grids (kind) VALUES ('certification')`,
    accepted: () => sql`UPDATE evaluation_grids SET kind = 'transitional' WHERE kind = 'transitional'`,
  },
  {
    constraint: 'evaluation_grid_versions_state_check',
    refused: () =>
      sql`UPDATE evaluation_grid_versions SET state = 'archived' WHERE id = ${rows.gridVersionId}`,
    accepted: () =>
      sql`UPDATE evaluation_grid_versions SET state = 'superseded' WHERE id = ${rows.gridVersionId}`,
  },
  {
    constraint: 'evaluations_track_check',
    refused: () => evaluation(sql`track = 'transitional'`),
    accepted: () => evaluation(sql`track = 'labelling'`),
  },
  {
    constraint: 'evaluations_subject_check',
    refused: () => evaluation(sql`application_id = ${rows.applicationId}`),
    accepted: () => evaluation(sql`project_id = ${rows.projectId}, application_id = NULL`),
  },
  {
    constraint: 'evaluation_answers_status_check',
    refused: () => answer(sql`status = 'maybe'`),
    accepted: () => answer(sql`status = 'partlyMet'`),
  },
  {
    constraint: 'evaluation_answers_review_check',
    refused: () => answer(sql`review = 'approved'`),
    accepted: () => answer(sql`review = 'returned'`),
  },
  {
    constraint: 'evaluation_answers_reason_check',
    refused: () => answer(sql`status = 'notApplicable', reason = NULL`),
    accepted: () => answer(sql`status = 'notApplicable', reason = 'Aucune donnée personnelle.'`),
  },
  {
    constraint: 'evaluation_evidence_files_kind_check',
    refused: () => evidence('evaluation_evidence_files', 'answer_id', () => rows.answerId, 'video'),
    accepted: () => evidence('evaluation_evidence_files', 'answer_id', () => rows.answerId, 'document'),
  },
  {
    constraint: 'acceptance_campaigns_state_check',
    refused: () => campaign(sql`state = 'archived'`),
    accepted: () => campaign(sql`state = 'inProgress'`),
  },
  {
    constraint: 'acceptance_campaigns_track_check',
    refused: () => campaign(sql`track = 'transitional'`),
    accepted: () => campaign(sql`track = 'labelling'`),
  },
  {
    constraint: 'acceptance_campaigns_runner_kind_check',
    refused: () => campaign(sql`runner_kind = 'vendor'`),
    accepted: () => campaign(sql`runner_kind = 'officeGroup'`),
  },
  {
    constraint: 'acceptance_campaigns_subject_check',
    refused: () => campaign(sql`project_id = NULL, application_id = NULL`),
    accepted: () => campaign(sql`project_id = ${rows.projectId}, application_id = NULL`),
  },
  {
    constraint: 'acceptance_executions_result_check',
    refused: () => execution('skipped'),
    accepted: () => execution('blocked'),
  },
  {
    constraint: 'acceptance_execution_files_kind_check',
    refused: () => evidence('acceptance_execution_files', 'execution_id', () => rows.executionId, 'video'),
    accepted: () =>
      evidence('acceptance_execution_files', 'execution_id', () => rows.executionId, 'document'),
  },
  {
    constraint: 'acceptance_anomalies_severity_check',
    refused: () => anomaly(sql`severity = 'critical'`),
    accepted: () => anomaly(sql`severity = 'major'`),
  },
  {
    constraint: 'acceptance_anomalies_status_check',
    refused: () => anomaly(sql`status = 'reopened'`),
    accepted: () => anomaly(sql`status = 'rejected'`),
  },
  {
    constraint: 'acceptance_anomalies_fixed_in_version_check',
    refused: () => anomaly(sql`status = 'fixed', fixed_in_version = NULL`),
    accepted: () => anomaly(sql`status = 'fixed', fixed_in_version = '1.0.1'`),
  },
  {
    constraint: 'acceptance_reports_decision_check',
    refused: () => report('postponed'),
    accepted: () => report('acceptedWithReservations'),
  },
  {
    constraint: 'follows_target_type_check',
    refused: () => follow('follows', 'campaign'),
    accepted: () => follow('follows', 'project'),
  },
  {
    constraint: 'notification_mutes_target_type_check',
    refused: () => follow('notification_mutes', 'campaign'),
    accepted: () => follow('notification_mutes', 'project'),
  },
  {
    constraint: 'notification_preferences_kind_check',
    refused: () => preference('campaign.opened', 'daily'),
    accepted: () => preference('sponsorship.requested', 'daily'),
  },
  {
    constraint: 'notification_preferences_cadence_check',
    refused: () => preference('project.transitioned', 'hourly'),
    accepted: () => preference('project.transitioned', 'weekly'),
  },
  {
    constraint: 'notifications_kind_check',
    refused: () => notification({ kind: 'campaign.opened' }),
    accepted: () => notification({ kind: 'sponsorship.decided' }),
  },
  {
    constraint: 'notifications_reason_check',
    refused: () => notification({ reason: 'curious' }),
    accepted: () => notification({ reason: 'mention' }),
  },
  {
    constraint: 'notifications_cadence_check',
    refused: () => notification({ cadence: 'hourly' }),
    accepted: () => notification({ cadence: 'never' }),
  },
];
