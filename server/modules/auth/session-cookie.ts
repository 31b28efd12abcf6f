import type { FastifyReply } from 'fastify';

/** Name of the cookie that carries the session token. */
export const SESSION_COOKIE = 'mutualis_session';

/** The one way a session reaches the browser, whether the password or the directory opened it. */
export function setSessionCookie(
  reply: FastifyReply,
  session: { token: string; expiresAt: Date },
  secure: boolean,
) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    expires: session.expiresAt,
  });
}
