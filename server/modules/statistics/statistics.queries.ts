import { type SQL, sql } from 'drizzle-orm';
import { SUBMITTED_STATES } from '../../../common/calls/proposals.ts';
import { frenchPublicHolidays } from '../../../common/support/service-targets.ts';
import type { Executor } from '../../db/client.ts';
import { selectRows } from '../../lib/rows.ts';

/**
 * The portal's own statistics, each computed by PostgreSQL. Months are Paris months (AAAA-MM); a period is
 * its first and last month, both included.
 */

export interface Period {
  from: string;
  to: string;
}

const PARIS = sql.raw(`'Europe/Paris'`);
const monthOf = (column: SQL) => sql`to_char(${column} AT TIME ZONE ${PARIS}, 'YYYY-MM')`;
const within = (column: SQL, period: Period) =>
  sql`${monthOf(column)} BETWEEN ${period.from} AND ${period.to}`;

export interface MonthlyCounts {
  month: string;
  applications: string;
  usages: string;
  redundancies: string;
  deployments: string;
}

/**
 * Per month of the period: sheets created, usage declarations standing made that month, sheets retired in
 * favour of another, Store deployment requests that became available (their first arrival, from the audit).
 */
export function monthlyCounts(db: Executor, period: Period) {
  const perMonth = (column: SQL, from: SQL, where: SQL = sql`TRUE`) => sql`(
    SELECT ${monthOf(column)} AS month, count(*) AS n FROM ${from}
    WHERE ${column} IS NOT NULL AND ${within(column, period)} AND ${where} GROUP BY 1)`;
  return selectRows<MonthlyCounts>(
    db,
    sql`
    WITH months AS (
      SELECT to_char(m, 'YYYY-MM') AS month
      FROM generate_series(to_date(${period.from}, 'YYYY-MM'), to_date(${period.to}, 'YYYY-MM'), interval '1 month') m
    ),
    available AS (
      SELECT target_id, min(occurred_at) AS at FROM audit_events
      WHERE target_type = 'deploymentRequest' AND details->>'lifecycle' = 'deploymentRequest'
        AND details->>'to' = 'available'
      GROUP BY target_id
    ),
    a AS ${perMonth(sql.raw('created_at'), sql.raw('applications'))},
    u AS ${perMonth(sql.raw('created_at'), sql.raw('application_usages'))},
    r AS ${perMonth(sql.raw('replaced_at'), sql.raw('applications'))},
    d AS ${perMonth(sql.raw('at'), sql.raw('available'))}
    SELECT months.month, coalesce(a.n, 0) AS applications, coalesce(u.n, 0) AS usages,
      coalesce(r.n, 0) AS redundancies, coalesce(d.n, 0) AS deployments
    FROM months
    LEFT JOIN a ON a.month = months.month
    LEFT JOIN u ON u.month = months.month
    LEFT JOIN r ON r.month = months.month
    LEFT JOIN d ON d.month = months.month
    ORDER BY months.month`,
  );
}

export interface ProjectCount {
  track: string;
  phase: string;
  count: string;
}

/** The projects today, by track and phase. */
export function projectsByTrackAndPhase(db: Executor) {
  return selectRows<ProjectCount>(
    db,
    sql`SELECT track, phase, count(*) AS count FROM projects GROUP BY track, phase ORDER BY track, phase`,
  );
}

export interface CallFigures {
  id: string;
  title: string;
  scope: string;
  state: string;
  proposalsUntil: string;
  eligible: string;
  answering: string;
  proposals: string;
  selected: string;
}

/**
 * The calls (published once) whose proposals were due within the period: the offices that could answer
 * (as `openToOffice` in calls.queries.ts says), those that submitted a proposal, the proposals submitted
 * and selected.
 */
export function callFigures(db: Executor, period: Period) {
  const submitted = sql.join(
    SUBMITTED_STATES.map((s) => sql`${s}`),
    sql`, `,
  );
  return selectRows<CallFigures>(
    db,
    sql`
    SELECT c.id, c.title, c.scope, c.state, c.proposals_until::text AS "proposalsUntil",
      (SELECT count(*) FROM organisations o WHERE CASE c.scope
        WHEN 'national' THEN o.type <> 'national'
        WHEN 'regional' THEN c.region = o.region
        ELSE EXISTS (SELECT 1 FROM call_offices co WHERE co.call_id = c.id AND co.organisation_id = o.id)
      END) AS eligible,
      (SELECT count(DISTINCT p.organisation_id) FROM call_proposals p
        WHERE p.call_id = c.id AND p.state IN (${submitted})) AS answering,
      (SELECT count(*) FROM call_proposals p WHERE p.call_id = c.id AND p.state IN (${submitted})) AS proposals,
      (SELECT count(*) FROM call_proposals p WHERE p.call_id = c.id AND p.state = 'selected') AS selected
    FROM calls c
    WHERE c.state <> 'draft' AND to_char(c.proposals_until, 'YYYY-MM') BETWEEN ${period.from} AND ${period.to}
    ORDER BY c.proposals_until, c.title`,
  );
}

export interface StateDuration {
  lifecycle: string;
  state: string;
  stays: string;
  median: string;
  p90: string;
}

/**
 * Time spent in each state, from the transitions' audit events: a stay in a state ends with the transition
 * that leaves it (`details.from`) and began with the previous transition of the same subject, or with the
 * subject's creation for its first state. Only the stays that ended within the period count; a subject
 * still in a state has not finished its stay. Median and 90th percentile by linear interpolation
 * (`percentile_cont`), in days.
 */
export function stateDurations(db: Executor, period: Period) {
  return selectRows<StateDuration>(
    db,
    sql`
    WITH subjects AS (
      SELECT 'project' AS lifecycle, id::text AS id, created_at FROM projects
      UNION ALL SELECT 'deploymentRequest', id::text, created_at FROM deployment_requests
      UNION ALL SELECT 'acceptanceCampaign', id::text, created_at FROM acceptance_campaigns
    ),
    transitions AS (
      SELECT e.target_type AS lifecycle, e.target_id, e.occurred_at, e.details->>'from' AS state,
        lag(e.occurred_at) OVER (PARTITION BY e.target_type, e.target_id ORDER BY e.occurred_at, e.id) AS previous_at
      FROM audit_events e
      WHERE e.target_type IN ('project', 'deploymentRequest', 'acceptanceCampaign')
        AND e.details->>'lifecycle' = e.target_type
    ),
    stays AS (
      SELECT t.lifecycle, t.state,
        extract(epoch FROM t.occurred_at - coalesce(t.previous_at, s.created_at)) / 86400 AS days
      FROM transitions t JOIN subjects s ON s.lifecycle = t.lifecycle AND s.id = t.target_id
      WHERE ${within(sql`t.occurred_at`, period)}
    )
    SELECT lifecycle, state, count(*) AS stays,
      round(percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::numeric, 2) AS median,
      round(percentile_cont(0.9) WITHIN GROUP (ORDER BY days)::numeric, 2) AS p90
    FROM stays GROUP BY lifecycle, state`,
  );
}

export interface SupportMonth {
  month: string;
  opened: string;
  within: string;
  late: string;
  pending: string;
}

/**
 * Support tickets opened each month of the period against the target: a first answer by the end of the
 * `workingDays`-th working day (Monday to Friday, Paris, French public holidays excluded as the support
 * module's service targets do) after the day it was opened. An unanswered ticket is late once that day is
 * past, pending before; one withdrawn unanswered counts as opened only.
 */
export function supportTargets(db: Executor, period: Period, workingDays: number, now: Date) {
  const firstYear = Number(period.from.slice(0, 4));
  const lastYear = Math.max(Number(period.to.slice(0, 4)), now.getUTCFullYear()) + 1;
  const holidays: string[] = [];
  for (let year = firstYear; year <= lastYear; year++) holidays.push(...frenchPublicHolidays(year));
  const elapsed = (until: SQL) => sql`(
    SELECT count(*) FROM generate_series(
      (t.created_at AT TIME ZONE ${PARIS})::date + 1, (${until} AT TIME ZONE ${PARIS})::date, interval '1 day') d
    WHERE extract(isodow FROM d) < 6 AND d::date <> ALL(${`{${holidays.join(',')}}`}::date[]))`;
  return selectRows<SupportMonth>(
    db,
    sql`
    WITH measured AS (
      SELECT ${monthOf(sql`t.created_at`)} AS month, t.first_answered_at IS NOT NULL AS answered,
        t.first_answered_at IS NULL AND t.state = 'withdrawn' AS dropped,
        ${elapsed(sql`coalesce(t.first_answered_at, ${now.toISOString()}::timestamptz)`)} AS days
      FROM support_tickets t
      WHERE ${within(sql`t.created_at`, period)}
    )
    SELECT month, count(*) AS opened,
      count(*) FILTER (WHERE answered AND days <= ${workingDays}) AS within,
      count(*) FILTER (WHERE NOT dropped AND days > ${workingDays}) AS late,
      count(*) FILTER (WHERE NOT answered AND NOT dropped AND days <= ${workingDays}) AS pending
    FROM measured GROUP BY month ORDER BY month`,
  );
}
