/**
 * What the browser downloads: the JS that index.html loads before the first page shows (its entry
 * script and modulepreload links), then what each page adds on its first visit (its lazy chunk and
 * the chunks it imports that the first load did not bring). Sizes as served: the build's own .gz and
 * .br copies. Then the CPU that compressing the first load per request would cost instead.
 *
 *   npm run build:web && npx tsx bench/web-size.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const webDir = fileURLToPath(new URL('../build/web', import.meta.url));
const INITIAL_JS_BUDGET_KB = 200;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}
const manifest: Record<string, ManifestChunk> = JSON.parse(
  readFileSync(path.join(webDir, '.vite/manifest.json'), 'utf8'),
);

const bytes = (file: string) => readFileSync(path.join(webDir, file));
const served = (file: string, encoding: 'gz' | 'br') =>
  existsSync(path.join(webDir, `${file}.${encoding}`))
    ? bytes(`${file}.${encoding}`).length
    : encoding === 'gz'
      ? gzipSync(bytes(file), { level: 9 }).length
      : brotliCompressSync(bytes(file)).length;
const kb = (n: number) => (n / 1024).toFixed(1);

/** The entry's files and the files of everything it imports statically: what loads with it. */
function closure(key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, seen);
  return seen;
}

const html = bytes('index.html').toString();
const initial = [
  ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g),
].map((match) => match[1] as string);
const sum = (files: Iterable<string>, encoding: 'gz' | 'br') =>
  [...files].reduce((total, file) => total + served(file, encoding), 0);
const rawOf = (files: Iterable<string>) => [...files].reduce((total, file) => total + bytes(file).length, 0);

const initialGzip = sum(initial, 'gz');
console.log(`Initial JS (${initial.length} files, what index.html loads):`);
console.log(
  `  raw ${kb(rawOf(initial))} KB, gzip ${kb(initialGzip)} KB, brotli ${kb(sum(initial, 'br'))} KB`,
);
console.log(
  `  budget ${INITIAL_JS_BUDGET_KB} KB gzip: ${initialGzip / 1024 <= INITIAL_JS_BUDGET_KB ? 'met' : 'MISSED'}`,
);

console.log(
  '\n| page chunk | added on first visit, gzip KB | brotli KB | total with the first load, gzip KB |',
);
console.log('| --- | --- | --- | --- |');
const pages = Object.entries(manifest)
  .filter(([, chunk]) => chunk.isDynamicEntry && chunk.src?.includes('/scenes/'))
  .map(([key, chunk]) => {
    const added = [...closure(key)].filter((file) => !initial.includes(file));
    return { page: path.basename(chunk.src ?? key), gzip: sum(added, 'gz'), brotli: sum(added, 'br') };
  })
  .sort((a, b) => b.gzip - a.gzip);
for (const page of pages)
  console.log(`| ${page.page} | ${kb(page.gzip)} | ${kb(page.brotli)} | ${kb(initialGzip + page.gzip)} |`);

// Compressing on the fly, as a compression middleware would at its usual levels, for every first visit.
const content = Buffer.concat(initial.map(bytes));
const time = (compress: () => Buffer) => {
  const runs = 10;
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) compress();
  return Number(process.hrtime.bigint() - start) / 1e6 / runs;
};
const gzip6 = time(() => gzipSync(content, { level: 6 }));
const brotli4 = time(() => brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }));
console.log(`\nCompressing the first load per request instead: gzip level 6 ${gzip6.toFixed(1)} ms CPU,`);
console.log(
  `brotli quality 4 ${brotli4.toFixed(1)} ms CPU (${kb(brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }).length)} KB); precompressed: 0 ms.`,
);
