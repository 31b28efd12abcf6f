/**
 * Catalogue search throughput with 1, 2 and 3 server processes on one PostgreSQL database. The
 * database is filled with N generated sheets (bench/load.ts, outside the lock), an administrator is
 * created with the command line; then for each count of instances, the compiled servers start
 * (`startCompiledServer`, as `npm start` runs them), the bench signs in on the first one and speaks to
 * all with the same session, and autocannon runs at c=10 for `BENCH_SECONDS` (default 15) with every
 * search of `search-shared.ts` rotated — the connections shared out among the instances (the
 * balancing is done by the client, so that no proxy process competes for the cores). Requests per
 * second (and each instance's share), p50 and p99, the load average, and the CPU time used while
 * measuring by each server, by PostgreSQL (all its processes), by the bench and by the whole machine
 * (`/proc/stat`: what is left is the machine's other work).
 *
 *   npm run build:server
 *   source .ci/postgres.sh && npx tsx bench/multi-instance.ts --load-only 10000
 *   flock /tmp/mutualis-heavy.lock npx tsx bench/multi-instance.ts 10000
 */
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { databaseUrl } from '../server/test/database-urls.ts';
import { clientOf, signIn } from './api-client.ts';
import { loadCatalogue } from './load.ts';
import { measure, type Run } from './search-scale-report.ts';
import { benchDatabase, SCENARIOS } from './search-shared.ts';
import { ADMIN, createAdmin, startCompiledServer } from './server-process.ts';

const args = process.argv.slice(2);
const size = Number(args.find((a) => /^\d+$/.test(a)) ?? 10000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = 10;
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required (source .ci/postgres.sh first).');
  process.exit(1);
}
const name = `mutualis_bench_multi_${size}`;
const env = { DATABASE_URL: databaseUrl(url, name) };

if (args.includes('--load-only')) {
  const { database } = await benchDatabase(url, name, tmpdir());
  console.log(await loadCatalogue(database.db, size));
  await database.close();
  createAdmin(env);
  process.exit(0);
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (clock ticks of 1/100 s). */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/**
 * CPU seconds of PostgreSQL so far: every `postgres` process's own time, plus what the postmaster has
 * collected from the backends that ended (cutime + cstime of the parent of the others).
 */
const postgresCpuSeconds = () => {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    if (!stat.includes('(postgres)')) continue;
    const fields = stat.split(') ')[1]?.split(' ') ?? [];
    total += Number(fields[11]) + Number(fields[12]);
    const parent = Number(fields[1]);
    if (!readFileSync(`/proc/${parent}/stat`, 'utf8').includes('(postgres)'))
      total += Number(fields[13]) + Number(fields[14]);
  }
  return total / 100;
};

/** CPU seconds the whole machine has spent busy so far (all cores: /proc/stat, all but idle and iowait). */
const machineBusySeconds = () => {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').split(/\s+/).slice(1).map(Number);
  const busy = fields.reduce((sum, value, i) => (i === 3 || i === 4 ? sum : sum + value), 0);
  return busy / 100;
};

const requests = Object.values(SCENARIOS)
  .flat()
  .map((q) => ({ method: 'GET' as const, path: `/api/applications?${q}` }));
const results: Record<
  number,
  Run & { rpsEach: number[]; serverCpu: number[]; benchCpu: number; postgresCpu: number; machineCpu: number }
> = {};
for (const instances of [1, 2, 3]) {
  const servers = await Promise.all(
    Array.from({ length: instances }, (_, i) =>
      startCompiledServer(env, path.join(tmpdir(), `bench-multi-${instances}-${i}.log`)),
    ),
  );
  try {
    const session = await signIn(servers[0]?.base as string, ADMIN.email, ADMIN.password);
    const clients = servers.map((s) => clientOf(s.base, session));
    // Warm-up: each instance builds its index of the catalogue.
    await Promise.all(clients.map((c) => measure(c, requests, { connections: 2, seconds: 5, timeout: 60 })));
    const before = servers.map((s) => cpuSeconds(s.pid));
    const benchBefore = process.cpuUsage();
    const postgresBefore = postgresCpuSeconds();
    const machineBefore = machineBusySeconds();
    const share = (i: number) => Math.floor(CONNECTIONS / instances) + (i < CONNECTIONS % instances ? 1 : 0);
    const runs = await Promise.all(
      clients.map((c, i) => measure(c, requests, { connections: share(i), seconds: DURATION, timeout: 60 })),
    );
    const bench = process.cpuUsage(benchBefore);
    const postgresCpu = Number(((postgresCpuSeconds() - postgresBefore) / DURATION).toFixed(2));
    const machineCpu = Number(((machineBusySeconds() - machineBefore) / DURATION).toFixed(2));
    const serverCpu = servers.map((s, i) =>
      Number(((cpuSeconds(s.pid) - (before[i] ?? 0)) / DURATION).toFixed(2)),
    );
    const first = runs[0] as Run;
    results[instances] = {
      ...first,
      rps: runs.reduce((sum, r) => sum + r.rps, 0),
      rpsEach: runs.map((r) => r.rps),
      requests: runs.reduce((sum, r) => sum + r.requests, 0),
      non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
      errors: runs.reduce((sum, r) => sum + r.errors, 0),
      p50: Math.max(...runs.map((r) => r.p50)),
      p99: Math.max(...runs.map((r) => r.p99)),
      serverCpu,
      benchCpu: Number(((bench.user + bench.system) / 1e6 / DURATION).toFixed(2)),
      postgresCpu,
      machineCpu,
    };
    console.log(instances, JSON.stringify(results[instances]));
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
console.log(
  '| instances | req/s (each) | p50 (ms) | p99 (ms) | non-2xx | load avg | CPU per server (cores) | PostgreSQL | bench | machine busy |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const [n, r] of Object.entries(results))
  console.log(
    `| ${n} | ${r.rps} (${r.rpsEach.join(' + ')}) | ${r.p50} | ${r.p99} | ${r.non2xx + r.errors} | ${r.load.mean} | ${r.serverCpu.join(' + ')} | ${r.postgresCpu} | ${r.benchCpu} | ${r.machineCpu} |`,
  );
