import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../common/schemas/common.ts';
import { AppError, STATUS_BY_CODE } from '../../lib/errors.ts';
import type { OidcClient, PendingSignIn } from './oidc.client.ts';
import { signInWithDirectory } from './oidc.service.ts';
import { SESSION_COOKIE, setSessionCookie } from './session-cookie.ts';

/** State, nonce and PKCE verifier of the sign-in under way, for ten minutes, only on the way back. */
const PENDING_COOKIE = 'mutualis_oidc';
const PENDING_PATH = '/api/auth/oidc';
const PENDING_SECONDS = 600;

const NOT_CONFIGURED =
  "La connexion par l'annuaire de l'Assurance Maladie n'est pas configurée sur ce portail.";

function readPending(value: string | undefined): PendingSignIn | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    return typeof parsed?.state === 'string' &&
      typeof parsed.nonce === 'string' &&
      typeof parsed.verifier === 'string'
      ? { state: parsed.state, nonce: parsed.nonce, verifier: parsed.verifier }
      : null;
  } catch {
    return null;
  }
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The return from the directory is a page the browser shows: a refusal is a French page, not JSON. */
function sendErrorPage(reply: FastifyReply, error: AppError) {
  const status = STATUS_BY_CODE[error.code];
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Connexion impossible — Mutualis</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1b1e}a{color:#0b5cad}</style>
</head><body><main><h1>Connexion impossible</h1><p>${escapeHtml(error.detail)}</p>
<p><a href="/connexion">Revenir à la page de connexion</a></p></main></body></html>`);
}

/**
 * Sign-in with the network's directory (OpenID Connect, authorization code with PKCE). It ends with the
 * same session cookie as a password sign-in. Both routes answer 404 where no directory is configured (nothing to sign in with here).
 */
export const oidcRoutes: FastifyPluginAsyncZod<{ client: OidcClient | null }> = async (app, { client }) => {
  const { config } = app.deps;
  const secureCookie = config.publicUrl.startsWith('https://');

  app.get(
    '/api/auth/oidc/start',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['session'],
        summary: "Se connecter avec l'annuaire de l'Assurance Maladie (redirige vers l'annuaire)",
        response: { 302: z.null(), 404: problemSchema, 503: problemSchema },
      },
    },
    async (_request, reply) => {
      if (!client) throw new AppError('notFound', NOT_CONFIGURED);
      const { url, pending } = await client.start();
      reply.setCookie(PENDING_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
        path: PENDING_PATH,
        httpOnly: true,
        // The provider sends the browser back with a top-level GET from its own site: Lax lets the cookie come.
        sameSite: 'lax',
        secure: secureCookie,
        maxAge: PENDING_SECONDS,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['session'],
        summary: "Retour de l'annuaire : ouvre la session, puis revient au portail",
        // What a provider sends back (RFC 6749 §4.1.2, OpenID Connect); any other parameter is passed on.
        querystring: z
          .object({
            code: z.string().optional(),
            state: z.string().optional(),
            iss: z.string().optional(),
            session_state: z.string().optional(),
            error: z.string().optional(),
            error_description: z.string().optional(),
          })
          .catchall(z.string()),
        response: { 302: z.null() },
      },
    },
    async (request, reply) => {
      const pending = readPending(request.cookies[PENDING_COOKIE]);
      // One use only: whatever happens next, this sign-in's secrets are gone from the browser.
      reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
      try {
        if (!client) throw new AppError('notFound', NOT_CONFIGURED);
        const settings = config.oidc;
        if (!settings) throw new AppError('notFound', NOT_CONFIGURED);
        const claims = await client.finish(request.query, pending);
        const { session } = await signInWithDirectory(request.ctx, config, settings, claims, {
          ip: request.ip,
          userAgent: request.headers['user-agent'],
          previousToken: request.cookies[SESSION_COOKIE],
        });
        setSessionCookie(reply, session, secureCookie);
        return reply.redirect('/', 302);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        request.log.warn({ code: error.code, detail: error.detail }, 'directory sign-in refused');
        return sendErrorPage(reply, error);
      }
    },
  );
};
