import { inArray } from 'drizzle-orm';
import { statementPeriods } from '../../../common/compensation/statements.ts';
import { statementValues } from '../../modules/compensation/statements.service.ts';
import type { Transaction } from '../client.ts';
import { agreementStatements, agreements, auditEvents } from '../schema.ts';

const DAY = 86_400_000;

/**
 * The demo's statements: every period over of the agreements in force or closed that has confirmed effort,
 * computed as the DDO would (statementValues: the rate table of the period, the ceiling), five days after
 * the period; validated ten days later but for the last one, left as a draft for the DDO to validate.
 */
export async function seedDemoStatements(
  tx: Transaction,
  ddo: { id: string; organisationId: string | null },
  now: Date,
) {
  const thisMonth = now.toISOString().slice(0, 7);
  const rows = await tx
    .select()
    .from(agreements)
    .where(inArray(agreements.state, ['active', 'closed']));
  let created = 0;
  for (const agreement of rows) {
    const periods = statementPeriods(agreement);
    const due = periods.flatMap((p, index) => (p.end < thisMonth ? [index] : []));
    for (const index of due) {
      const values = await statementValues(tx, agreement, index);
      if (values.confirmedHundredths === 0) continue;
      const [year, month] = values.periodEnd.split('-').map(Number) as [number, number];
      const computedAt = new Date(Date.UTC(year, month, 5, 9));
      const validated = index !== due.at(-1);
      const validatedAt = new Date(computedAt.getTime() + 10 * DAY);
      const [row] = await tx
        .insert(agreementStatements)
        .values({
          ...values,
          state: validated ? 'validated' : 'draft',
          version: validated ? 2 : 1,
          computedBy: ddo.id,
          createdAt: computedAt,
          updatedAt: validated ? validatedAt : computedAt,
        })
        .returning({ id: agreementStatements.id });
      const id = row?.id as string;
      const event = {
        targetType: 'statement',
        targetId: id,
        actorUserId: ddo.id,
        actorOrganisationId: ddo.organisationId,
      };
      await tx.insert(auditEvents).values([
        {
          ...event,
          action: 'statement.compute',
          occurredAt: computedAt,
          after: { periodStart: values.periodStart, payableCents: values.payableCents, source: 'demo' },
        },
        ...(validated
          ? [
              {
                ...event,
                action: 'statement.validate',
                occurredAt: validatedAt,
                details: {
                  lifecycle: 'statement',
                  transition: 'validate',
                  from: 'draft',
                  to: 'validated',
                  input: null,
                },
              },
            ]
          : []),
      ]);
      created += 1;
    }
  }
  return created;
}
