/** Name of the cookie that carries the session token. */
export const SESSION_COOKIE = 'mutualis_session';
