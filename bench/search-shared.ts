/**
 * What the search benches share: the queries of each scenario, percentiles, and a fresh PostgreSQL
 * database filled with the reference data.
 */
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { openDatabase } from '../server/db/client.ts';
import { loadReferenceData } from '../server/db/reference/load-reference.ts';
import { adminUrl, databaseUrl } from '../server/test/database-urls.ts';

/** The word of the generator that many sheets mention (the broad-word scenario). */
export const BROAD_WORD = 'habilitations';

/** Query strings of `GET /api/applications`, rotated within each scenario. */
export const SCENARIOS: Record<string, string[]> = {
  'free text': [
    'q=cong%C3%A9s',
    'q=suivi%20des%20indus',
    'q=rendez-vous%20accueil',
    `q=${BROAD_WORD}`,
    'q=remboursemnt%20transport',
  ],
  'one facet': [
    'domain=ressources-humaines',
    'domain=prestations',
    'domain=relation-client',
    'domain=comptabilite-finances',
    'domain=controle-medical',
  ],
  'two facets + sort': [
    'track=homologation&region=occitanie&sort=usage',
    'track=nonStandard&region=bretagne&sort=usage',
    'track=labelling&region=ile-de-france&sort=usage',
    'track=homologation&region=grand-est&sort=usage',
  ],
  'facets only': ['pageSize=0'],
};

/** Nearest-rank percentile. */
export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

export const median = (values: number[]) => percentile(values, 50);

/** Drops and creates database `name` on the server of `url`, migrated, with the reference data. */
export async function freshDatabase(url: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const database = await openDatabase({ url: databaseUrl(url, name) });
  await database.migrate();
  await loadReferenceData(database.db);
  return database;
}

/** The version of the PostgreSQL server at `url`. */
export async function postgresVersion(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const version = (await client.query('SHOW server_version')).rows[0]?.server_version as string;
  await client.end();
  return version;
}

/** Who measured what: the date, the label, the commit, the database and the engines' versions. */
export async function runIdentity(options: { embedded: boolean; url?: string; label: string; root: string }) {
  return {
    date: new Date().toISOString(),
    label: options.label,
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: options.root,
      encoding: 'utf8',
    }).trim(),
    database: options.embedded ? ('embedded' as const) : ('postgresql' as const),
    server: options.embedded
      ? 'PGlite'
      : `PostgreSQL ${(await postgresVersion(options.url as string)).split(' ')[0]}`,
    node: process.version,
  };
}

/**
 * A new database for a bench run: database `name` on the PostgreSQL server of `url`, or the embedded one in
 * `dataDir` when there is no url; migrated, with the reference data. `env` is what the server and the
 * command line need to open it.
 */
export async function benchDatabase(url: string | undefined, name: string, dataDir: string) {
  const database = url ? await freshDatabase(url, name) : await openDatabase({ dataDir });
  if (!url) {
    await database.migrate();
    await loadReferenceData(database.db);
  }
  const env = { DATABASE_URL: url ? databaseUrl(url, name) : '', MUTUALIS_DATA_DIR: dataDir };
  return { database, env };
}
