import type { PGlite } from '@electric-sql/pglite';

/**
 * The previous release's database, as `server/db/migrations.test.ts` builds it: migrations 0000 to
 * 0025 (the last five — board, support, referential, compensation, hosting costs — came after), then
 * rows written in that release's schema by plain SQL, since today's code and seed write today's schema.
 * docs/operations.md ("Migrations") says why this stands for the previous release.
 */
export const OLD_RELEASE_MIGRATIONS = 26;
export const OLD_RELEASE_PASSWORD = 'ancienne-version-2026';

const IDS = {
  office: '0b0f5f3e-6a56-4c57-9a3b-1f0a00000001',
  otherOffice: '0b0f5f3e-6a56-4c57-9a3b-1f0a00000002',
  admin: '0b0f5f3e-6a56-4c57-9a3b-1f0a00000011',
  developer: '0b0f5f3e-6a56-4c57-9a3b-1f0a00000012',
  application: '0b0f5f3e-6a56-4c57-9a3b-1f0a00000021',
  project: '0b0f5f3e-6a56-4c57-9a3b-1f0a00000031',
};
export const OLD_RELEASE_IDS = IDS;

/** Offices, a business domain, accounts (one an administrator), a sheet, a project, a follow, an audit event. */
export async function insertOldRows(client: PGlite, passwordHash: string) {
  await client.query(
    `INSERT INTO organisations (id, code, type, name, region, reference_version) VALUES
       ($1, 'CPAM-67', 'cpam', 'CPAM du Bas-Rhin (ancienne version)', 'grand-est', '2025-01'),
       ($2, 'CPAM-69', 'cpam', 'CPAM du Rhône (ancienne version)', 'auvergne-rhone-alpes', '2025-01')`,
    [IDS.office, IDS.otherOffice],
  );
  await client.query(
    `INSERT INTO business_domains (code, label_fr, label_en, position, reference_version)
     VALUES ('ancien-domaine', 'Domaine de l''ancienne version', 'Domain of the old release', 99, '2025-01')`,
  );
  await client.query(
    `INSERT INTO users (id, email, display_name, organisation_id, roles, password_hash) VALUES
       ($1, 'admin.ancien@cpam67.fr', 'Admin de l''ancienne version', $3, '{admin}', $4),
       ($2, 'dev.ancien@cpam69.fr', 'Développeuse de l''ancienne version', $5, '{developer}', $4)`,
    [IDS.admin, IDS.developer, IDS.office, passwordHash, IDS.otherOffice],
  );
  await client.query(
    `INSERT INTO applications (id, code, name, summary, domain_code, designer_organisation_id, track,
       lifecycle_stage, hosting, created_by)
     VALUES ($1, 'ANCIEN-1', 'Registre des courriers (ancienne version)', 'Suit les courriers entrants.',
       'ancien-domaine', $2, 'labelling', 'inProduction', 'officeServer', $3)`,
    [IDS.application, IDS.office, IDS.admin],
  );
  await client.query(
    `INSERT INTO projects (id, title, need, domain_code, holder_organisation_id, track, created_by)
     VALUES ($1, 'Refonte du registre', 'Les agents ressaisissent chaque courrier deux fois.',
       'ancien-domaine', $2, 'labelling', $3)`,
    [IDS.project, IDS.office, IDS.developer],
  );
  await client.query(`INSERT INTO follows (user_id, target_type, target_id) VALUES ($1, 'application', $2)`, [
    IDS.developer,
    IDS.application,
  ]);
  await client.query(
    `INSERT INTO audit_events (action, target_type, target_id, actor_user_id, actor_kind, after)
     VALUES ('application.create', 'application', $1, $2, 'user', '{"code": "ANCIEN-1"}')`,
    [IDS.application, IDS.admin],
  );
}

/** The rows written above as they read through columns that exist before and after the migrations. */
export async function oldRowsAsTheyRead(client: PGlite) {
  const read = async (statement: string) => (await client.query(statement)).rows;
  return {
    organisations: await read(
      `SELECT id, code, name, region FROM organisations WHERE code LIKE 'CPAM-6%' ORDER BY code`,
    ),
    users: await read(
      `SELECT id, email, display_name, roles, status, password_hash FROM users ORDER BY email`,
    ),
    applications: await read(
      `SELECT id, code, name, track, lifecycle_stage, version FROM applications ORDER BY code`,
    ),
    projects: await read(
      `SELECT id, title, need, phase, holder_organisation_id FROM projects ORDER BY title`,
    ),
    follows: await read(`SELECT user_id, target_type, target_id, following FROM follows ORDER BY user_id`),
    audit: await read(`SELECT action, target_id, actor_user_id, after FROM audit_events ORDER BY id`),
  };
}
