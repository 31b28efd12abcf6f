export const TEMPLATE_DATABASE = 'mutualis_test_template';

/** The maintenance database of the same server, from which test databases are created and dropped. */
export function adminUrl(url: string) {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';
  return parsed.toString();
}

export function databaseUrl(url: string, name: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * Drops a test database, ending the sessions still on it. `WITH (FORCE)` refuses when one of them is not
 * the role's to end — on PostgreSQL 15, an autovacuum worker that started on the fresh database
 * ("must be a member of the role whose process is being terminated"); a plain DROP cancels autovacuum by
 * itself, so it is the fallback.
 */
export async function dropDatabase(admin: { query(sql: string): Promise<unknown> }, name: string) {
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  }
}
