import type { PublicConfigDto } from '../../../../common/schemas/user.ts';

/**
 * The retention periods the personal data page states. Those written in the code are said in words
 * (sessions, sign-in attempts, known browsers: server/modules/auth/). Those of accounts, content and the
 * audit trail are set in configuration and sent by GET /api/config under `retention` (days per kind,
 * docs/rgpd/retention.md): while the response carries none, the page gives no figure for them.
 */
export const RETENTION_LABELS: Record<string, { fr: string; en: string }> = {
  inactiveAccounts: { fr: 'Comptes inactifs', en: 'Inactive accounts' },
  auditEvents: { fr: "Journal d'audit", en: 'Audit trail' },
  notifications: { fr: 'Notifications', en: 'Notifications' },
};

export interface RetentionPeriod {
  kind: string;
  label: { fr: string; en: string };
  days: number;
}

/** The periods the configuration gives, for the kinds the page knows how to name; none otherwise. */
export function retentionPeriods(config: PublicConfigDto | undefined): RetentionPeriod[] {
  const retention = (config as { retention?: unknown } | undefined)?.retention;
  if (typeof retention !== 'object' || retention === null) return [];
  return Object.entries(retention as Record<string, unknown>).flatMap(([kind, days]) => {
    const label = RETENTION_LABELS[kind];
    return label && typeof days === 'number' && Number.isInteger(days) && days > 0
      ? [{ kind, label, days }]
      : [];
  });
}
