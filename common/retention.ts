/**
 * How long the portal keeps personal data it no longer needs, by category (docs/rgpd/retention.md).
 * The periods are set by configuration (server/config-retention.ts) and sent read-only to the web in
 * `GET /api/config` under `retention`; the scheduled purge audits each run as `retention.purged`.
 */
export const RETENTION_CATEGORIES = [
  'signInEvents',
  'sessions',
  'auditDetails',
  'readNotifications',
  'notifications',
  'deactivatedAccounts',
] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

/** Days each category is kept; the key is the category. */
export type RetentionPeriods = Record<RetentionCategory, number>;

export const RETENTION_PURGED_ACTION = 'retention.purged';
export const RETENTION_TARGET_TYPE = 'retention';

export const RETENTION_CATEGORY_LABELS: Record<RetentionCategory, { fr: string; en: string }> = {
  signInEvents: {
    fr: 'Journal des connexions (tentatives, connexions et déconnexions)',
    en: 'Sign-in log (attempts, sign-ins and sign-outs)',
  },
  sessions: { fr: 'Sessions terminées', en: 'Ended sessions' },
  auditDetails: {
    fr: "Détails des événements du journal d'audit (valeurs avant et après)",
    en: 'Details of audit events (values before and after)',
  },
  readNotifications: { fr: 'Notifications lues', en: 'Read notifications' },
  notifications: { fr: 'Toutes les notifications', en: 'All notifications' },
  deactivatedAccounts: { fr: 'Comptes désactivés', en: 'Deactivated accounts' },
};

/** What one purge did, as its audit event records it: counts and dates only, never a person's data. */
export interface RetentionPurgeDetails {
  category: RetentionCategory;
  count: number;
  /** ISO instant: rows older than this went. */
  cutoff: string;
  periodDays: number;
}

export const isRetentionCategory = (value: unknown): value is RetentionCategory =>
  typeof value === 'string' && (RETENTION_CATEGORIES as readonly string[]).includes(value);
