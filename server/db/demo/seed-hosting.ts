import { count, inArray } from 'drizzle-orm';
import { pino } from 'pino';
import { systemActor } from '../../lib/policy.ts';
import { checkBudgets, consumedInYear } from '../../modules/hosting/hosting.service.ts';
import type { Database } from '../client.ts';
import { hostingBudgets, organisations } from '../schema.ts';

/**
 * Budgets of the year for the offices with AM Cloud tenants (the demo Store's, live for up to six months):
 * each set against what the office consumed so far, so that the CPAM des Bouches-du-Rhône is over its
 * budget, the CPAM du Bas-Rhin past its 80 % alert and the CPAM du Rhône well within; then the budgets job
 * runs once, so the alerts are there. Only on a database without any budget.
 */
const CONSUMED_SHARE: Record<string, number> = { 'CPAM-13': 1.15, 'CPAM-67': 0.86, 'CPAM-69': 0.45 };

export async function seedDemoHosting(db: Database, now = new Date()): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(hostingBudgets);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const year = now.getUTCFullYear();
  const ctx = {
    actor: null,
    system: systemActor('demo'),
    db,
    log: pino({ level: 'silent' }),
    requestId: null,
  };
  const consumed = await consumedInYear(ctx, year, now);
  const offices = await db
    .select({ id: organisations.id, code: organisations.code })
    .from(organisations)
    .where(inArray(organisations.code, Object.keys(CONSUMED_SHARE)));
  const rows = offices
    .filter((o) => (consumed.get(o.id) ?? 0) > 0)
    .map((o) => ({
      organisationId: o.id,
      year,
      // Rounded down to the hundred euros, as a budget is voted.
      amountCents: Math.max(
        10_000,
        Math.floor((consumed.get(o.id) ?? 0) / (CONSUMED_SHARE[o.code] ?? 1) / 10_000) * 10_000,
      ),
    }));
  if (rows.length === 0) return { created: 0 };
  await db.insert(hostingBudgets).values(rows);
  await checkBudgets(ctx, now);
  return { created: rows.length };
}
