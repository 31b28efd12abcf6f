import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Action } from '../../common/permissions.ts';
import type { ServiceContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import type { Actor } from '../lib/policy.ts';
import { SESSION_COOKIE } from '../modules/auth/session-cookie.ts';
import { findActiveSession, touchSession } from '../modules/auth/sessions.queries.ts';

/**
 * Public, one action, or any of several (a lifecycle's transitions: the executor decides per subject).
 * A public write that acts for the signed-in person when there is one (an accessibility report) says
 * `csrfWhenSignedIn`: with a session, it needs the CSRF header like any other write.
 */
export type RouteAccess =
  | { public: true; csrfWhenSignedIn?: true }
  | { action: Action }
  | { anyOf: readonly Action[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route says who may call it: public, or an action of common/permissions.ts. */
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** "METHOD /url" → access, for every route that declares one (read by the authorization matrix test). */
    routeAccess: Map<string, RouteAccess>;
    /**
     * "METHOD /url" of every route served, with or without an access declaration (documentation, web
     * app): the authorization matrix test checks that it has a row for each.
     */
    servedRoutes: Set<string>;
  }
  interface FastifyRequest {
    actor: Actor | null;
    ctx: ServiceContext;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes served by plugins (documentation) that do not go through the policy table. */
const PLUGIN_PREFIXES = ['/api/docs'];
/** last_seen_at is written at most once a minute per session. */
const TOUCH_INTERVAL_MS = 60_000;

function sameToken(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** An unsafe method carries the session's CSRF token in X-CSRF-Token. */
function checkCsrf(request: FastifyRequest, actor: Actor) {
  if (!UNSAFE_METHODS.has(request.method)) return;
  const header = request.headers['x-csrf-token'];
  if (typeof header !== 'string' || !sameToken(header, actor.csrfToken)) {
    throw new AppError(
      'forbidden',
      'Jeton anti-falsification (X-CSRF-Token) absent ou invalide : rechargez la page puis recommencez.',
    );
  }
}

export function isGuardedPath(url: string) {
  return (url.startsWith('/api/') || url === '/api') && !PLUGIN_PREFIXES.some((p) => url.startsWith(p));
}

/**
 * Sessions and access, deny by default: a route under /api without an `access` declaration cannot even
 * be registered; a guarded route needs a live session, the CSRF header on unsafe methods, and a policy
 * that grants its action.
 */
export function registerAuth(app: FastifyInstance) {
  const { db, config, authorizer } = app.deps;
  const timeouts = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };

  app.decorate('routeAccess', new Map<string, RouteAccess>());
  app.decorate('servedRoutes', new Set<string>());
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (isGuardedPath(route.url) && !access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access policy`);
    }
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      app.servedRoutes.add(`${method} ${route.url}`);
      if (access) app.routeAccess.set(`${method} ${route.url}`, access);
    }
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('ctx', null as unknown as ServiceContext);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.ctx = { actor: null, db, log: request.log, requestId: request.id };
    const access = request.routeOptions.config?.access;
    if (!access) return;

    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await findActiveSession(db, token, timeouts);
      if (session) {
        request.actor = {
          userId: session.userId,
          organisationId: session.organisationId,
          roles: session.roles,
          sessionId: session.sessionId,
          csrfToken: session.csrfToken,
        };
        request.ctx.actor = request.actor;
        if (Date.now() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS)
          await touchSession(db, session.sessionId);
      }
    }
    if ('public' in access) {
      if (access.csrfWhenSignedIn && request.actor) checkCsrf(request, request.actor);
      return;
    }

    if (!request.actor) {
      throw new AppError(
        'unauthenticated',
        'Vous devez être connecté. Votre session a peut-être expiré : reconnectez-vous.',
      );
    }
    checkCsrf(request, request.actor);
    const actor = request.actor;
    if ('anyOf' in access) {
      if (!access.anyOf.some((action) => authorizer.can(actor, action)))
        authorizer.authorize(actor, access.anyOf[0] as Action);
    } else authorizer.authorize(actor, access.action);
  });
}
