import {
  type AgreementFacts,
  type AgreementTransition,
  agreementLifecycle,
} from '../../../common/lifecycles/agreement.ts';
import type { LifecycleBinding } from '../../lib/lifecycle.ts';
import { putAgreementOnAgenda } from './agreement-board.ts';
import { type AgreementRow, agreementStore, textCounts } from './agreements.queries.ts';
import { currentMonth } from './effort.service.ts';

export type AgreementBinding = LifecycleBinding<
  AgreementRow['state'],
  AgreementTransition,
  AgreementFacts,
  AgreementRow
>;

/**
 * Agreements: negotiated between the DDO and the office (its director); the office approves first, then
 * the DDO, which puts it into force, closes it at its term or terminates it (as the office may).
 */
export const agreementBinding: AgreementBinding = {
  definition: agreementLifecycle,
  notFoundLabel: 'Convention',
  staleSubject: 'agreement',
  store: agreementStore,
  idOf: (row) => row.id,
  parties: (row) => ({ office: [row.organisationId] }),
  async facts(ctx, rows) {
    const counts = await textCounts(
      ctx.db,
      rows.map((r) => r.id),
    );
    const thisMonth = currentMonth();
    return rows.map((row) => ({ textCount: counts.get(row.id) ?? 0, periodEnd: row.periodEnd, thisMonth }));
  },
  snapshot: (row) => ({ state: row.state, version: row.version, ceilingCents: row.ceilingCents }),
  async effects(ctx, change) {
    if (change.to === 'approvedByOffice') await putAgreementOnAgenda(ctx, change.after);
  },
};
