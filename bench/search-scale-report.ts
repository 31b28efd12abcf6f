/**
 * The results of bench/search-scale.ts and the Markdown tables made from them: the goals of the
 * catalogue-search issue (goal, figure, load average, met or not), then every figure.
 */
import autocannon from 'autocannon';
import type { Client } from './api-client.ts';
import { percentile } from './search-shared.ts';
import { sampleLoad } from './server-process.ts';

export interface Load {
  mean: number;
  max: number;
}
export interface Stats {
  n: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
}
interface Writes {
  create: Stats;
  edit: Stats;
  failures: number;
}
export interface Run {
  p50: number;
  p99: number;
  max: number;
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  load: Load;
  writes?: Writes & { ms: { create: number[]; edit: number[] } };
}
interface Freshness {
  write: Stats;
  found: Stats;
  searches: number;
  notFound: number;
}
export interface SizeResults {
  loaded: { applications: number; usages: number };
  loadSeconds: number;
  startSeconds: number;
  firstSearchMs: number;
  benchSeconds?: number;
  broadWord: { word: string; matches: number; total: number; share: number };
  rss: {
    /** Live, before the first search (absent from the first results). */
    atStart?: { rss: number; peak: number };
    afterWarmUp: { rss: number; peak: number };
    end: { rss: number; peak: number };
  };
  scenarios: Record<string, { median: Run; rounds: Run[] }>;
  /** The writes of the mixed workload, all rounds together (absent from the first results: the median round's then). */
  mixedWrites?: Writes;
  freshness: { create: Freshness; edit: Freshness; load: Load };
}
export interface Results {
  date: string;
  label: string;
  commit: string;
  database: 'postgresql' | 'embedded';
  server: string;
  node: string;
  connections: number;
  seconds: number;
  rounds: number;
  /** The C library's malloc settings the server ran with (MALLOC_* variables), if any. */
  malloc?: Record<string, string>;
  sizes: Record<string, SizeResults>;
}

/** p50, p99 and max of milliseconds, to a tenth; an infinite value (never found) is kept as null. */
export function stats(values: number[]): Stats {
  const fix = (ms: number) => (Number.isFinite(ms) ? Number(ms.toFixed(1)) : null);
  if (values.length === 0) return { n: 0, p50: null, p99: null, max: null };
  return {
    n: values.length,
    p50: fix(percentile(values, 50)),
    p99: fix(percentile(values, 99)),
    max: fix(Math.max(...values)),
  };
}

/**
 * autocannon on `requests` (rotated) as the signed-in client (its cookie, and its CSRF token for writes):
 * the run's figures, with the load average sampled meanwhile. A request slower than `timeout` seconds
 * counts as an error.
 */
export async function measure(
  client: Client,
  requests: autocannon.Request[],
  options: { connections: number; seconds: number; timeout: number },
): Promise<Run> {
  const load = sampleLoad();
  const result = await autocannon({
    url: client.base,
    connections: options.connections,
    duration: options.seconds,
    timeout: options.timeout,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/json' },
    requests,
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    rps: Math.round(result.requests.average),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    load: load.stop(),
  };
}

/** The round whose p99 is the median of the rounds. */
export function medianRound<R extends { p99: number }>(runs: R[]) {
  const sorted = [...runs].sort((a, b) => a.p99 - b.p99);
  return sorted[Math.floor((sorted.length - 1) / 2)] as R;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const load = (l: Load) => `${l.mean} (max ${l.max})`;
const verdict = (value: number | null, limit: number) =>
  value !== null && value <= limit ? 'met' : 'not met';
const ms = (value: number | null) => (value === null ? 'never' : `${value} ms`);

const writes = (w: Writes) =>
  `writes: create p50 ${w.create.p50} p99 ${w.create.p99} ms (${w.create.n}), edit p50 ${w.edit.p50} p99 ${w.edit.p99} ms (${w.edit.n})${w.failures ? `, ${w.failures} failed` : ''}`;

interface Row {
  goal: string;
  figure: string;
  load: string;
  met: string;
}

function rows(all: Results[]): Row[] {
  const find = (database: Results['database'], size: number) =>
    all.filter((r) => r.database === database).find((r) => r.sizes[size])?.sizes[size];
  const out: Row[] = [];
  const missing = (goal: string) => out.push({ goal, figure: 'not measured', load: '—', met: '—' });
  const latency = (database: Results['database'], size: number, scenario: string, limit: number) => {
    const goal = `${database === 'postgresql' ? 'PostgreSQL' : 'embedded'}, ${size.toLocaleString('en')}, ${scenario}: p99 ≤ ${limit} ms`;
    const run = find(database, size)?.scenarios[scenario]?.median;
    if (!run) return missing(goal);
    out.push({
      goal,
      figure: `p99 ${run.p99} ms (p50 ${run.p50}, ${run.rps} req/s)`,
      load: load(run.load),
      met: verdict(run.p99, limit),
    });
  };
  for (const scenario of ['free text', 'one facet', 'two facets + sort', 'facets only'])
    latency('postgresql', 10000, scenario, 25);
  latency('postgresql', 100000, 'broad word', 50);
  latency('postgresql', 100000, 'two facets + sort', 50);
  for (const [size, limit] of [
    [10000, 20],
    [100000, 50],
  ] as const) {
    for (const kind of ['create', 'edit'] as const) {
      const goal = `PostgreSQL, ${size.toLocaleString('en')}: ${kind === 'create' ? 'new' : 'edited'} sheet found by the next search, p99 ≤ ${limit} ms after the write`;
      const data = find('postgresql', size)?.freshness;
      if (!data) {
        missing(goal);
        continue;
      }
      const f = data[kind];
      out.push({
        goal,
        figure: `p99 ${ms(f.found.p99)} (p50 ${ms(f.found.p50)}, max ${ms(f.found.max)}; write p50 ${f.write.p50} p99 ${f.write.p99} ms)`,
        load: load(data.load),
        met: verdict(f.found.p99, limit),
      });
    }
  }
  const memory = (database: Results['database'], size: number, limit: number) => {
    const goal = `${database === 'postgresql' ? 'PostgreSQL' : 'embedded'}, ${size.toLocaleString('en')}: server RSS ≤ ${limit} MB`;
    const data = find(database, size);
    if (!data) return missing(goal);
    out.push({
      goal,
      figure: `${mb(data.rss.end.rss)} MB at the end (${mb(data.rss.afterWarmUp.rss)} after warm-up, peak ${mb(data.rss.end.peak)})`,
      load: '—',
      met: verdict(mb(data.rss.end.rss), limit),
    });
  };
  memory('postgresql', 10000, 150);
  memory('postgresql', 100000, 250);
  for (const scenario of ['free text', 'one facet', 'two facets + sort', 'facets only', 'broad word']) {
    const goal = `embedded, 10,000, ${scenario}: p99 ≤ 1.5 × PostgreSQL's`;
    const run = find('embedded', 10000)?.scenarios[scenario]?.median;
    const reference = find('postgresql', 10000)?.scenarios[scenario]?.median;
    if (!run || !reference) {
      missing(goal);
      continue;
    }
    const ratio = Number((run.p99 / reference.p99).toFixed(2));
    out.push({
      goal,
      figure: `p99 ${run.p99} ms = ${ratio} × ${reference.p99} ms`,
      load: load(run.load),
      met: verdict(ratio, 1.5),
    });
  }
  memory('embedded', 10000, 300);
  return out;
}

/** The goals table, then every figure of the given results (one or more files). */
export function table(all: Results[]) {
  const lines = [
    '| goal | figure | load average (mean, max) | |',
    '| --- | --- | --- | --- |',
    ...rows(all).map((r) => `| ${r.goal} | ${r.figure} | ${r.load} | ${r.met} |`),
    '',
    '| database | sheets | scenario (c=10, median round) | p50 | p99 | req/s | load average | notes |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const results of all) {
    for (const [size, data] of Object.entries(results.sizes)) {
      const malloc = Object.entries(results.malloc ?? {}).map(([name, value]) => `, ${name}=${value}`);
      const where = `| ${results.server} (${results.label}${malloc.join('')}) | ${Number(size).toLocaleString('en')}`;
      for (const [name, { median: run }] of Object.entries(data.scenarios)) {
        const notes = [
          run.writes ? writes(data.mixedWrites ?? run.writes) : '',
          name === 'broad word'
            ? `"${data.broadWord.word}": ${data.broadWord.matches} of ${data.broadWord.total} sheets (${(data.broadWord.share * 100).toFixed(1)} %)`
            : '',
          run.non2xx + run.errors > 0 ? `${run.non2xx} non-2xx, ${run.errors} errors` : '',
        ].filter(Boolean);
        lines.push(
          `${where} | ${name} | ${run.p50} | ${run.p99} | ${run.rps} | ${load(run.load)} | ${notes.join('; ')} |`,
        );
      }
      const f = data.freshness;
      for (const kind of ['create', 'edit'] as const)
        lines.push(
          `${where} | freshness after ${kind} (time to found) | ${ms(f[kind].found.p50)} | ${ms(f[kind].found.p99)} | — | ${load(f.load)} | max ${ms(f[kind].found.max)}, ${f[kind].searches} search(es) p50; write p50 ${f[kind].write.p50} p99 ${f[kind].write.p99} ms${f[kind].notFound ? `; ${f[kind].notFound} never found` : ''} |`,
        );
      lines.push(
        `${where} | server RSS (MB) | — | — | — | — | ${data.rss.atStart ? `at start ${mb(data.rss.atStart.rss)}, ` : ''}after warm-up ${mb(data.rss.afterWarmUp.rss)}, end ${mb(data.rss.end.rss)}, peak ${mb(data.rss.end.peak)}; loaded in ${data.loadSeconds} s, live in ${data.startSeconds} s, first search ${data.firstSearchMs} ms${data.benchSeconds ? `, size benched in ${data.benchSeconds} s` : ''} |`,
      );
    }
  }
  return lines.join('\n');
}
