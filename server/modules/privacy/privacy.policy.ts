import { hasRole, type PolicyTable } from '../../lib/policy.ts';

/**
 * Answering someone else's access or erasure request is an administrator's work (the office's director
 * reads the office's accounts, no more). One's own export needs only a session (`session.use`).
 */
export const privacyPolicy: PolicyTable = {
  'user.export': (actor) => hasRole(actor, 'admin'),
  'user.erase': (actor) => hasRole(actor, 'admin'),
};
