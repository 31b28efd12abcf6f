import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data folder where the server has already migrated the database and seeded the demo data. */
    seededDataDir: string;
  }
}

/**
 * Builds what `npm start` runs (only what changed since the last build), then starts it once on a
 * fresh embedded database, lets it migrate and seed the demo data, and stops it. Each test file then
 * starts its server on a copy of that folder: the migrations and the seeding run once, not per file.
 */
export default async function setup(project: TestProject) {
  execFileSync(process.execPath, ['--import', 'tsx', 'server/scripts/build.ts'], { stdio: 'inherit' });
  const server = await startServer({ fresh: true });
  const code = await server.stop('SIGTERM');
  if (code !== 0) throw new Error(`the seeding server stopped with code ${code}:\n${server.output()}`);
  project.provide('seededDataDir', server.dataDir);
  return () => rmSync(server.dataDir, { recursive: true, force: true });
}
