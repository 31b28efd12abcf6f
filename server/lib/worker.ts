import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker's entry is TypeScript: it is loaded through tsx's API (the server itself runs the sources
 * through tsx or keeps their URLs when compiled), resolved from here so that it does not depend on the
 * working directory.
 */
const TSX_API = pathToFileURL(
  path.join(
    path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
    'dist/esm/api/index.mjs',
  ),
).href;
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ tsImport }) => tsImport(workerData.entry, workerData.entry));
`;

/**
 * Runs a TypeScript module in a worker thread of its own with `data` as its `workerData`, and resolves
 * with the first message it posts: CPU work (parsing or writing a spreadsheet) that would otherwise
 * hold every other request.
 */
export function runInWorker<T>(entry: URL, data: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { tsx: TSX_API, entry: entry.href, ...data },
    });
    worker.once('message', (message: T) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`worker ${path.basename(entry.pathname)} stopped (${code})`)),
    );
  });
}
