import { fileURLToPath } from 'node:url';
import { buildOnce } from '../lib/build-once.ts';
import { buildServer, SERVER_SOURCES } from './build-server.ts';

/**
 * Builds what `npm start` runs — the web app into build/web, the compiled server into build/server —
 * each only when its sources changed since the build there: for the web, web/ and common/ (which it
 * bundles), its Vite configuration and the locked dependencies; for the server, server/ and common/.
 *
 *   tsx server/scripts/build.ts [web|server]… [--force]     (default: both)
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const SHARED = ['common', 'package-lock.json', 'tsconfig.json'];

const TARGETS = {
  web: {
    sources: ['web', ...SHARED],
    build: async (outDir: string) => {
      // The bundle is React's production build whoever asks: under a test runner NODE_ENV is `test`,
      // and Vite would bundle React's development build (double effects, several times slower).
      process.env.NODE_ENV = 'production';
      // Loaded only when a build is needed: a start with a current build does not pay for Vite.
      const { build } = await import('vite');
      await build({
        configFile: `${root}/web/vite.config.ts`,
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true },
      });
    },
  },
  server: { sources: SERVER_SOURCES, build: (outDir: string) => buildServer(root, outDir) },
};
type Target = keyof typeof TARGETS;

const asked = process.argv.slice(2).filter((arg): arg is Target => arg in TARGETS);
const force = process.argv.includes('--force');
await Promise.all(
  (asked.length > 0 ? asked : (Object.keys(TARGETS) as Target[])).map(async (name) => {
    const started = Date.now();
    const result = await buildOnce({
      root,
      target: `build/${name}`,
      force,
      log: (message) => console.log(message),
      ...TARGETS[name],
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(result.built ? `build/${name} : construit en ${seconds} s.` : `build/${name} : à jour.`);
  }),
);
