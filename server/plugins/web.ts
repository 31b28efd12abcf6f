import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './errors.ts';

/**
 * Serves the built single-page app. Any GET outside /api and /health that matches no file gets
 * index.html, so that deep links work; everything else gets a problem+json 404.
 */
export async function registerWeb(app: FastifyInstance, webDir: string) {
  const hasWeb = existsSync(`${webDir}/index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: true,
      index: false,
      setHeaders: (res, filePath) => {
        if (filePath.includes('/assets/'))
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    });
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.header('Cache-Control', 'no-cache').sendFile('index.html'),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = path.startsWith('/api') || path.startsWith('/health');
    if (hasWeb && request.method === 'GET' && !isApi && !/\.[a-z0-9]+$/i.test(path)) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, request, 404, `Aucune ressource ne correspond à ${request.method} ${path}.`);
  });
}
