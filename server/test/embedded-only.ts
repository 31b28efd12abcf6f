/**
 * True in the PostgreSQL run (`DATABASE_URL` set). A few files start real processes that always open the
 * embedded database, whatever `DATABASE_URL` says: the compiled command line, backup and restore, a server
 * killed mid-send. The embedded run (`npm test`) holds them; in the PostgreSQL run they would only repeat
 * themselves on Node 24 with the embedded database, a combination left out (docs/architecture.md, "Tests").
 */
export const inPostgresRun = Boolean(process.env.DATABASE_URL);

/** The title suffix of a suite skipped in the PostgreSQL run, so the report says why. */
export const embeddedOnlyTitle = (title: string) =>
  inPostgresRun ? `${title} (embedded database only: held by the embedded run)` : title;
