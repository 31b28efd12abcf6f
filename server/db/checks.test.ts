import { is, type SQL, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../plugins/errors.ts';
import { createSheet } from '../test/catalog-fixtures.ts';
import { createTestContext, createUser, login, organisationId, type TestContext } from '../test/harness.ts';
import { accessibilityCheckCases } from './checks.accessibility-cases.ts';
import { boardCheckCases } from './checks.board-cases.ts';
import { clubCheckCases } from './checks.clubs-cases.ts';
import { compensationCheckCases } from './checks.compensation-cases.ts';
import { type CheckCase, evaluationCheckCases, insertEvaluationRows } from './checks.evaluation-cases.ts';
import { networkCheckCases } from './checks.network-cases.ts';
import { proposalCheckCases } from './checks.proposal-cases.ts';
import { referentialCheckCases } from './checks.referential-cases.ts';
import { supportCheckCases } from './checks.support-cases.ts';
import * as schema from './schema.ts';

let t: TestContext;
let userId: string;
let applicationId: string;
let projectId: string;
beforeAll(async () => {
  t = await createTestContext();
  const developer = await createUser(t.db, { roles: ['developer'], organisationCode: 'CPAM-67' });
  userId = developer.id;
  const sheet = await createSheet(await login(t.app, developer.email), await organisationId(t.db, 'CPAM-67'));
  applicationId = sheet.id;
  const inserted = (await t.db.execute(sql`
    INSERT INTO projects (title, need, domain_code, holder_organisation_id, track)
    VALUES ('Projet', 'Besoin', 'ressources-humaines', ${await organisationId(t.db, 'CPAM-67')}, 'homologation')
    RETURNING id`)) as { rows: { id: string }[] };
  projectId = inserted.rows[0]?.id as string;
  await insertEvaluationRows(t.db, { userId, projectId, applicationId });
});
afterAll(() => t.close());

/** The SQLSTATE and constraint of the error a statement raises (the driver's error, under Drizzle's). */
async function refusal(statement: SQL) {
  try {
    await t.db.execute(statement);
  } catch (error) {
    for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
      const { code, constraint } = e as { code?: string; constraint?: string };
      if (code) return { code, constraint };
    }
    throw error;
  }
  return null;
}

const attachment = (kind: string) => sql`
  INSERT INTO application_attachments (application_id, kind, file_name, media_type, size, sha256, content)
  VALUES (${applicationId}, ${kind}, 'a.pdf', 'application/pdf', 1, 'x', '\\x00'::bytea)`;
const audit = (actorKind: string) => sql`
  INSERT INTO audit_events (action, target_type, actor_kind) VALUES ('test.check', 'test', ${actorKind})`;
const application = (set: SQL) => sql`UPDATE applications SET ${set} WHERE id = ${applicationId}`;
/** The forge signals of the test's application (its one row, replaced): starter-kit source and lateness. */
const forgeSignals = (values: SQL) => sql`
  INSERT INTO application_forge_signals (application_id, starter_kit_source, starter_kit_behind)
  VALUES (${applicationId}, ${values})
  ON CONFLICT (application_id) DO UPDATE
    SET starter_kit_source = excluded.starter_kit_source, starter_kit_behind = excluded.starter_kit_behind`;
const user = (set: SQL) => sql`UPDATE users SET ${set} WHERE id = ${userId}`;
const project = (set: SQL) => sql`UPDATE projects SET ${set} WHERE id = ${projectId}`;
const projectRow = (table: string, columns: string, values: SQL) =>
  sql`INSERT INTO ${sql.identifier(table)} (project_id, organisation_id, ${sql.raw(columns)})
    SELECT ${projectId}, id, ${values} FROM organisations WHERE code = 'CPAM-69'
    ON CONFLICT DO NOTHING`;
const office = (set: SQL) => sql`UPDATE organisations SET ${set} WHERE code = 'CPAM-69'`;
// Each constrained column: a statement the database must refuse, and one with a listed value it accepts.
const cases: CheckCase[] = [
  {
    constraint: 'organisations_type_check',
    refused: () => office(sql`type = 'mutuelle'`),
    accepted: () => office(sql`type = 'cpam'`),
  },
  {
    constraint: 'organisations_region_check',
    refused: () => office(sql`region = 'Bavière'`),
    accepted: () => office(sql`region = 'auvergne-rhone-alpes'`),
  },
  {
    constraint: 'users_status_check',
    refused: () => user(sql`status = 'suspended'`),
    accepted: () => user(sql`status = 'active'`),
  },
  {
    constraint: 'users_roles_check',
    refused: () => user(sql`roles = ARRAY['developer', 'superuser']`),
    accepted: () => user(sql`roles = ARRAY['developer', 'referent']`),
  },
  {
    constraint: 'users_roles_check',
    refused: () => user(sql`roles = ARRAY['developer', NULL]`),
    accepted: () => user(sql`roles = ARRAY['developer']`),
  },
  {
    constraint: 'applications_track_check',
    refused: () => application(sql`track = 'fastTrack'`),
    accepted: () => application(sql`track = 'nonStandard'`),
  },
  {
    constraint: 'applications_certification_status_check',
    refused: () => application(sql`certification_status = 'gold'`),
    accepted: () => application(sql`certification_status = 'none'`),
  },
  {
    constraint: 'applications_lifecycle_stage_check',
    refused: () => application(sql`lifecycle_stage = 'beta'`),
    accepted: () => application(sql`lifecycle_stage = 'deprecated'`),
  },
  {
    constraint: 'applications_criticality_class_check',
    refused: () => application(sql`criticality_class = 'extreme'`),
    accepted: () => application(sql`criticality_class = NULL`),
  },
  {
    constraint: 'applications_maturity_level_check',
    refused: () => application(sql`maturity_level = 6`),
    accepted: () => application(sql`maturity_level = 5`),
  },
  {
    constraint: 'applications_hosting_check',
    refused: () => application(sql`hosting = 'aws'`),
    accepted: () => application(sql`hosting = 'amCloud'`),
  },
  {
    constraint: 'applications_personal_data_categories_check',
    refused: () => application(sql`personal_data_categories = ARRAY['health', 'religion']`),
    accepted: () => application(sql`personal_data_categories = ARRAY['health', 'nir']`),
  },
  {
    constraint: 'application_attachments_kind_check',
    refused: () => attachment('video'),
    accepted: () => attachment('screenshot'),
  },
  {
    constraint: 'applications_certification_track_check',
    refused: () => application(sql`track = 'nonStandard', certification_status = 'labelled'`),
    accepted: () => application(sql`track = 'labelling', certification_status = 'labelled'`),
  },
  {
    constraint: 'applications_replacement_check',
    refused: () => application(sql`replaced_by_id = id, replaced_at = now()`),
    accepted: () => application(sql`replaced_by_id = NULL, replaced_at = NULL`),
  },
  {
    constraint: 'application_forge_signals_source_check',
    refused: () => forgeSignals(sql`'guessed', 0`),
    accepted: () => forgeSignals(sql`'lock', 0`),
  },
  {
    constraint: 'application_forge_signals_behind_check',
    refused: () => forgeSignals(sql`'declared', -1`),
    accepted: () => forgeSignals(sql`'declared', 2`),
  },
  {
    constraint: 'projects_track_check',
    refused: () => project(sql`track = 'notDeclared'`),
    accepted: () => project(sql`track = 'labelling'`),
  },
  {
    constraint: 'projects_phase_check',
    refused: () => project(sql`phase = 'paused'`),
    accepted: () => project(sql`phase = 'framing'`),
  },
  {
    constraint: 'projects_suspended_from_check',
    refused: () => project(sql`suspended_from = 'delivered'`),
    accepted: () => project(sql`suspended_from = 'development'`),
  },
  {
    constraint: 'projects_am_store_check',
    refused: () => project(sql`track = 'nonStandard', am_store = true`),
    accepted: () => project(sql`track = 'homologation', am_store = true`),
  },
  {
    constraint: 'project_offices_role_check',
    refused: () => projectRow('project_offices', 'role', sql`'sponsor'`),
    accepted: () => projectRow('project_offices', 'role', sql`'pilot'`),
  },
  {
    constraint: 'project_contributions_share_check',
    refused: () =>
      projectRow(
        'project_contributions',
        'person_name, share_percent, starts_on, role',
        sql`'A', 120, '2026-01-01', 'dev'`,
      ),
    accepted: () =>
      projectRow(
        'project_contributions',
        'person_name, share_percent, starts_on, role',
        sql`'A', 50, '2026-01-01', 'dev'`,
      ),
  },
  {
    constraint: 'project_contributions_dates_check',
    refused: () =>
      projectRow(
        'project_contributions',
        'person_name, share_percent, starts_on, ends_on, role',
        sql`'A', 50, '2026-01-01', '2025-01-01', 'dev'`,
      ),
    accepted: () =>
      projectRow(
        'project_contributions',
        'person_name, share_percent, starts_on, ends_on, role',
        sql`'A', 50, '2026-01-01', '2026-06-30', 'dev'`,
      ),
  },
  {
    constraint: 'project_offers_kind_check',
    refused: () => projectRow('project_offers', 'kind, message', sql`'money', 'M'`),
    accepted: () => projectRow('project_offers', 'kind, message', sql`'coFunder', 'M'`),
  },
  {
    constraint: 'project_offers_state_check',
    refused: () => projectRow('project_offers', 'kind, message, state', sql`'pilotSite', 'M', 'lost'`),
    accepted: () => projectRow('project_offers', 'kind, message, state', sql`'pilotSite', 'M', 'declined'`),
  },
  {
    constraint: 'project_offers_person_days_check',
    refused: () =>
      projectRow('project_offers', 'kind, message, person_days', sql`'acceptanceTester', 'M', 0`),
    accepted: () =>
      projectRow('project_offers', 'kind, message, person_days', sql`'acceptanceTester', 'M', 20`),
  },
  {
    constraint: 'project_attachments_kind_check',
    refused: () => sql`INSERT INTO project_attachments (project_id, kind, file_name, media_type, size, sha256)
      VALUES (${projectId}, 'video', 'a.pdf', 'application/pdf', 1, 'c')`,
    accepted:
      () => sql`INSERT INTO project_attachments (project_id, kind, file_name, media_type, size, sha256)
      VALUES (${projectId}, 'document', 'a.pdf', 'application/pdf', 1, 'c')`,
  },
  {
    constraint: 'sponsorship_requests_state_check',
    refused: () => sql`INSERT INTO sponsorship_requests (project_id, directorate_id, pitch, state)
      SELECT ${projectId}, id, 'P', 'maybe' FROM organisations WHERE code = 'CNAM-DDGOS'`,
    accepted: () => sql`INSERT INTO sponsorship_requests (project_id, directorate_id, pitch, state)
      SELECT ${projectId}, id, 'P', 'declined' FROM organisations WHERE code = 'CNAM-DDGOS'`,
  },
  {
    constraint: 'capacity_declarations_person_days_check',
    refused: () => sql`INSERT INTO capacity_declarations (organisation_id, quarter, person_days)
      SELECT id, '2026-T1', -5 FROM organisations WHERE code = 'CPAM-69'`,
    accepted: () => sql`INSERT INTO capacity_declarations (organisation_id, quarter, person_days)
      SELECT id, '2026-T2', 40 FROM organisations WHERE code = 'CPAM-69'`,
  },
  ...networkCheckCases(() => ({ userId, applicationId })),
  ...proposalCheckCases(() => ({ userId })),
  ...supportCheckCases(() => ({ userId, applicationId })),
  ...referentialCheckCases(() => ({ userId })),
  ...accessibilityCheckCases(),
  ...compensationCheckCases(() => ({ applicationId })),
  ...clubCheckCases(() => ({ userId, applicationId })),
  {
    constraint: 'audit_events_actor_kind_check',
    refused: () => audit('robot'),
    accepted: () => audit('system'),
  },
  ...evaluationCheckCases,
  ...boardCheckCases,
];

describe('controlled vocabularies in the database', () => {
  it.each(cases)('$constraint refuses a value outside the list and keeps a listed one', async (c) => {
    expect(await refusal(c.refused())).toEqual({ code: '23514', constraint: c.constraint });
    expect(await refusal(c.accepted())).toBeNull();
  });

  it('has in the migrated database every CHECK declared in schema.ts', async () => {
    const declared = Object.values(schema)
      .filter((table) => is(table, PgTable))
      .flatMap((table) => getTableConfig(table).checks.map((check) => check.name));
    const result = (await t.db.execute(
      sql`SELECT conname FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace`,
    )) as { rows: { conname: string }[] };
    expect(declared).toHaveLength(140);
    expect(result.rows.map((r) => r.conname)).toEqual(expect.arrayContaining(declared));
    expect(new Set(cases.map((c) => c.constraint))).toEqual(new Set(declared));
  });

  it('answers a value refused by the database with a French 422 naming the field, not a 500', async () => {
    const app = Fastify({ logger: false });
    registerErrorHandling(app);
    app.post('/write', async () => {
      await t.db.execute(application(sql`lifecycle_stage = 'beta'`));
      return {};
    });
    const response = await app.inject({ method: 'POST', url: '/write' });
    await app.close();
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.detail).toBe(
      "La valeur de « lifecycleStage » n'est pas reconnue. Cette valeur ne fait pas partie de la liste autorisée.",
    );
    expect(problem.errors).toEqual([
      { field: 'lifecycleStage', message: 'Cette valeur ne fait pas partie de la liste autorisée.' },
    ]);
    expect(response.body).not.toMatch(/UPDATE|applications_lifecycle_stage_check/);
  });
});
