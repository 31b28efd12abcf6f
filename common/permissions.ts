/**
 * Every action a route may declare. The server's policies grant them (deny by default); the list of
 * granted ones ("abilities") goes to the web so that it only offers what the user may do.
 */
export const ACTIONS = [
  'session.use',
  'organisation.read',
  'user.list',
  'user.read',
  'user.create',
  'user.update',
  'audit.read',
] as const;

export type Action = (typeof ACTIONS)[number];
