import { hasRole, type PolicyTable } from '../../lib/policy.ts';

/** Anyone reads the site's legal settings (a public route); only an administrator edits them. */
export const siteSettingsPolicy: PolicyTable = {
  'siteSettings.update': (actor) => hasRole(actor, 'admin'),
};
