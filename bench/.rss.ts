import { loadCatalogue } from './load.ts';
import { freshDatabase } from './search-shared.ts';
import { memoryStatus, startCompiledServer } from './server-process.ts';
import { databaseUrl } from '../server/test/database-urls.ts';
const n = Number(process.argv[2] ?? 10000);
const url = process.env.DATABASE_URL as string;
const database = await freshDatabase(url, 'mutualis_rss');
await loadCatalogue(database.db, n);
await database.close();
const server = await startCompiledServer({ DATABASE_URL: databaseUrl(url, 'mutualis_rss'), MUTUALIS_LOG_LEVEL: 'info' }, '/tmp/rss-server.log');
for (let i = 0; i < 30; i += 1) {
  console.log(i / 2, 's', JSON.stringify(memoryStatus(server.pid)));
  await new Promise((r) => setTimeout(r, 500));
}
await server.stop();
