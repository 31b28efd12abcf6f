import {
  RETENTION_CATEGORIES,
  RETENTION_CATEGORY_LABELS,
  type RetentionCategory,
} from '../../../../common/retention.ts';
import type { PublicConfigDto } from '../../../../common/schemas/user.ts';

/**
 * The retention periods the personal data page states: those of the daily purge, set in configuration
 * and sent by GET /api/config under `retention` (days per category, docs/rgpd/retention.md). Those
 * written in the code (a session's lifetime, sign-in attempts, known browsers) are said in words.
 */
export interface RetentionPeriod {
  kind: RetentionCategory;
  label: { fr: string; en: string };
  days: number;
}

/** The configured periods, in the purge's order; none while the configuration has not loaded. */
export function retentionPeriods(config: PublicConfigDto | undefined): RetentionPeriod[] {
  const retention = config?.retention;
  if (!retention) return [];
  return RETENTION_CATEGORIES.map((kind) => ({
    kind,
    label: RETENTION_CATEGORY_LABELS[kind],
    days: retention[kind],
  }));
}
