import { fileURLToPath } from 'node:url';
import { buildOnce } from '../lib/build-once.ts';

/**
 * Builds the web app into build/web unless the build there comes from the same sources: what the
 * bundle is made of (web/, common/), the Vite configuration it reads, and the locked dependencies.
 * `--force` rebuilds anyway. Run by `npm start` and `npm run build:web`.
 */
const WEB_SOURCES = ['web', 'common', 'package-lock.json', 'tsconfig.json'];

const root = fileURLToPath(new URL('../..', import.meta.url));
const started = Date.now();
const result = await buildOnce({
  root,
  sources: WEB_SOURCES,
  target: 'build/web',
  force: process.argv.includes('--force'),
  log: (message) => console.log(message),
  build: async (outDir) => {
    // Loaded only when a build is needed: a start with a current build does not pay for Vite.
    const { build } = await import('vite');
    await build({
      configFile: `${root}/web/vite.config.ts`,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  },
});
console.log(
  result.built
    ? `Application web construite en ${((Date.now() - started) / 1000).toFixed(1)} s.`
    : 'Application web à jour : rien à reconstruire.',
);
