import type { ReportState } from '../../../common/accessibility/vocabulary.ts';
import {
  type AccessibilityReportFacts,
  type AccessibilityReportTransition,
  accessibilityReportLifecycle,
} from '../../../common/lifecycles/accessibility-report.ts';
import { actingAs } from '../../lib/context.ts';
import type { LifecycleBinding } from '../../lib/lifecycle.ts';
import { isSystemActor } from '../../lib/policy.ts';
import { type ReportRow, reportStore, setAnswer } from './accessibility.queries.ts';

/** The outbox topic that e-mails an answer to the person who reported (accessibility.mail.ts). */
export const ANSWER_MAIL_TOPIC = 'accessibilityReport.answer';

/**
 * An accessibility report's lifecycle: answering keeps the answer, its date and its author on the report,
 * in the transaction of the transition, and e-mails it to the address the person gave, after commit;
 * closing without an answer keeps the reason in the same place (no e-mail).
 */
export const accessibilityReportBinding: LifecycleBinding<
  ReportState,
  AccessibilityReportTransition,
  AccessibilityReportFacts,
  ReportRow
> = {
  definition: accessibilityReportLifecycle,
  notFoundLabel: "Signalement d'accessibilité",
  staleSubject: 'accessibilityReport',
  store: reportStore,
  idOf: (row) => row.id,
  parties: () => ({}),
  facts: async (_ctx, rows) => rows.map(() => ({})),
  snapshot: (row) => ({ state: row.state, answer: row.answer, version: row.version }),
  async effects(ctx, change) {
    const input = change.input as { answer?: string; reason?: string } | undefined;
    const text = input?.answer ?? input?.reason;
    if (!text) return;
    const actor = actingAs(ctx);
    await setAnswer(ctx.db, change.after.id, {
      answer: text,
      answeredAt: new Date(),
      answeredBy: actor && !isSystemActor(actor) ? actor.userId : null,
    });
  },
  outbox: (change) =>
    change.transition === 'answer'
      ? [{ topic: ANSWER_MAIL_TOPIC, payload: { reportId: change.after.id } }]
      : [],
};
