import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';

/** Writes the OpenAPI document the server serves at /api/openapi.json, for linting and publishing. */
const target = process.argv[2] ?? 'build/openapi.json';
const database = await openDatabase({});
const app = await buildApp({
  db: database.db,
  config: loadConfig({ MUTUALIS_LOG_LEVEL: 'silent' }),
  logger: false,
});
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, JSON.stringify(app.swagger(), null, 2));
await app.close();
await database.close();
console.log(`OpenAPI written to ${target}`);
