import type { PolicyTable } from '../../lib/policy.ts';

/**
 * Everyone signed in receives notifications about what they may read (projects and application sheets
 * are read by all), chooses their e-mails, follows and mutes threads. Each person sees only their own.
 */
export const notificationPolicy: PolicyTable = {
  'notification.read': () => true,
  'follow.manage': () => true,
};
