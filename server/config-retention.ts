import { z } from 'zod';
import type { RetentionCategory, RetentionPeriods } from '../common/retention.ts';
import { ConfigError } from './config-secrets.ts';

/**
 * One variable per category of personal data, in days (docs/rgpd/retention.md gives the reasons):
 * - sign-in log, 180 days: the CNIL recommends keeping connection logs six months to a year; the
 *   lower bound, since the attempts also hold addresses people typed by mistake;
 * - ended sessions, 1 day: an ended session is of no use; a day lets the longest idle timeout (24 h) pass;
 * - audit details, 365 days: the events stay (who did what, when, on which record — decisions and
 *   acceptance reports rely on them), their before/after snapshots go after a year;
 * - read notifications 90 days, any notification 365 days;
 * - deactivated accounts, 365 days before their pseudonymisation (a person may come back within a year).
 */
export const RETENTION_VARIABLES: Record<
  RetentionCategory,
  { name: string; defaultDays: number; min: number }
> = {
  signInEvents: { name: 'MUTUALIS_RETENTION_SIGN_IN_DAYS', defaultDays: 180, min: 1 },
  sessions: { name: 'MUTUALIS_RETENTION_SESSIONS_DAYS', defaultDays: 1, min: 1 },
  auditDetails: { name: 'MUTUALIS_RETENTION_AUDIT_DETAILS_DAYS', defaultDays: 365, min: 1 },
  readNotifications: { name: 'MUTUALIS_RETENTION_READ_NOTIFICATIONS_DAYS', defaultDays: 90, min: 1 },
  notifications: { name: 'MUTUALIS_RETENTION_NOTIFICATIONS_DAYS', defaultDays: 365, min: 1 },
  deactivatedAccounts: { name: 'MUTUALIS_RETENTION_DEACTIVATED_ACCOUNTS_DAYS', defaultDays: 365, min: 1 },
};

/** Ten years: more would keep data for no purpose the portal has. */
const MAX_DAYS = 3650;

const days = (name: string, min: number, defaultDays: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `${name} doit être un nombre de jours / ${name} must be a number of days` })
    .transform(Number)
    .refine((n) => n >= min && n <= MAX_DAYS, {
      error: `${name} doit être compris entre ${min} et ${MAX_DAYS} jours / ${name} must be between ${min} and ${MAX_DAYS} days`,
    })
    .default(defaultDays);

const v = RETENTION_VARIABLES;
export const retentionEnvironmentSchema = z.object({
  MUTUALIS_RETENTION_SIGN_IN_DAYS: days(v.signInEvents.name, v.signInEvents.min, v.signInEvents.defaultDays),
  MUTUALIS_RETENTION_SESSIONS_DAYS: days(v.sessions.name, v.sessions.min, v.sessions.defaultDays),
  MUTUALIS_RETENTION_AUDIT_DETAILS_DAYS: days(
    v.auditDetails.name,
    v.auditDetails.min,
    v.auditDetails.defaultDays,
  ),
  MUTUALIS_RETENTION_READ_NOTIFICATIONS_DAYS: days(
    v.readNotifications.name,
    v.readNotifications.min,
    v.readNotifications.defaultDays,
  ),
  MUTUALIS_RETENTION_NOTIFICATIONS_DAYS: days(
    v.notifications.name,
    v.notifications.min,
    v.notifications.defaultDays,
  ),
  MUTUALIS_RETENTION_DEACTIVATED_ACCOUNTS_DAYS: days(
    v.deactivatedAccounts.name,
    v.deactivatedAccounts.min,
    v.deactivatedAccounts.defaultDays,
  ),
});
type RetentionEnvironment = z.infer<typeof retentionEnvironmentSchema>;

export function retentionSettings(e: RetentionEnvironment): RetentionPeriods {
  const periods: RetentionPeriods = {
    signInEvents: e.MUTUALIS_RETENTION_SIGN_IN_DAYS,
    sessions: e.MUTUALIS_RETENTION_SESSIONS_DAYS,
    auditDetails: e.MUTUALIS_RETENTION_AUDIT_DETAILS_DAYS,
    readNotifications: e.MUTUALIS_RETENTION_READ_NOTIFICATIONS_DAYS,
    notifications: e.MUTUALIS_RETENTION_NOTIFICATIONS_DAYS,
    deactivatedAccounts: e.MUTUALIS_RETENTION_DEACTIVATED_ACCOUNTS_DAYS,
  };
  if (periods.readNotifications > periods.notifications)
    throw new ConfigError(
      `Configuration invalide / invalid configuration:\n- ${v.readNotifications.name} ne peut dépasser ${v.notifications.name} (toutes les notifications) / ${v.readNotifications.name} cannot exceed ${v.notifications.name}`,
    );
  return periods;
}
