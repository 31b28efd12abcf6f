import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

/**
 * Writes `file.br` and `file.gz` beside every text file of the build, at the highest levels: the server
 * sends them as they are (@fastify/static `preCompressed`) and spends no CPU compressing per request.
 */
function precompress(): Plugin {
  const gzipFile = promisify(gzip);
  const brotliFile = promisify(brotliCompress);
  let outDir = '';
  return {
    name: 'mutualis-precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: async () => {
      const files = (await readdir(outDir, { recursive: true })).filter((file) => COMPRESSIBLE.test(file));
      await Promise.all(
        files.map(async (file) => {
          const content = await readFile(path.join(outDir, file));
          const brotliParams = {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          };
          await writeFile(path.join(outDir, `${file}.gz`), await gzipFile(content, { level: 9 }));
          await writeFile(
            path.join(outDir, `${file}.br`),
            await brotliFile(content, { params: brotliParams }),
          );
        }),
      );
    },
  };
}

export default defineConfig({
  root: path.resolve(import.meta.dirname),
  plugins: [react(), precompress()],
  build: {
    outDir: path.resolve(import.meta.dirname, '../build/web'),
    emptyOutDir: true,
    // bench/web-size.ts reads it to weigh each page's chunks.
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' },
  },
});
