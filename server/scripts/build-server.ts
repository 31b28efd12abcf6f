import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';

/**
 * Compiles the server into one ES module, build/server/main.js, its npm dependencies left as imports:
 * the process runs plain JavaScript rather than transpiling every file through tsx at start (see the
 * memory figures in bench/README.md). A file that finds its data beside itself (migrations, reference
 * data) through `import.meta.url` keeps its own source URL, so the data is read where it lives.
 */
/** What the compiled server is made of: a change to one of them means a new build. */
export const SERVER_SOURCES = ['server', 'common', 'package-lock.json', 'tsconfig.json'];

const sourceUrls: Plugin = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

export async function buildServer(root: string, outDir: string) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: { main: path.join(root, 'server/main.ts'), cli: path.join(root, 'server/cli.ts') },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Code imported on demand (the embedded database's driver, exceljs…) stays out of the start.
    splitting: true,
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [sourceUrls],
  });
}
