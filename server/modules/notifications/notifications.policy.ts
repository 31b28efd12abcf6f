import type { PolicyTable } from '../../lib/policy.ts';

/**
 * Everyone signed in receives notifications about what they may read (projects and application sheets
 * are read by all), chooses their e-mails, follows and mutes threads. Each person sees only their own.
 */
export const notificationPolicy: PolicyTable = {
  'notification.read': () => true,
  'follow.manage': () => true,
  // Projects and sheets are read by all, and a mention may name anyone of the network: active accounts,
  // by name and office only (never an e-mail address), a few at a time.
  'mention.suggest': () => true,
};
