import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './errors.ts';

/** Vite names every file under assets/ by its content hash: a new content is a new URL. */
const HASHED_ASSET = /[\\/]assets[\\/]/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built single-page app. Any GET outside /api and /health that matches no file gets
 * index.html, so that deep links work; everything else gets a problem+json 404.
 *
 * The build writes a brotli and a gzip copy of each text file (web/vite.config.ts): the one the browser
 * accepts is sent as it is, no compression per request. Hashed assets are cached for a year; index.html
 * and the other files are revalidated on each visit, so a new build is seen at once.
 */
export async function registerWeb(app: FastifyInstance, webDir: string) {
  const hasWeb = existsSync(`${webDir}/index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: true,
      index: false,
      preCompressed: true,
      cacheControl: false,
      // @fastify/static 10 hands the reply here, no longer Node's response.
      setHeaders: (reply, filePath) => {
        reply.header('Vary', 'Accept-Encoding');
        reply.header('Cache-Control', HASHED_ASSET.test(filePath) ? IMMUTABLE : 'no-cache');
      },
    });
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = path.startsWith('/api') || path.startsWith('/health');
    if (hasWeb && request.method === 'GET' && !isApi && !/\.[a-z0-9]+$/i.test(path)) {
      return reply.sendFile('index.html');
    }
    return sendProblem(reply, request, 404, `Aucune ressource ne correspond à ${request.method} ${path}.`);
  });
}
