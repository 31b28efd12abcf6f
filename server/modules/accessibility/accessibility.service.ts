import { createHash } from 'node:crypto';
import { REPORT_LIMITS, type ReportState } from '../../../common/accessibility/vocabulary.ts';
import type { ReportAccessibilityProblemInput } from '../../../common/schemas/accessibility.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { describeLifecycles, describeTransitions } from '../../lib/lifecycle.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { reportReceived } from './accessibility.events.ts';
import {
  countFromSourceSince,
  findReport,
  insertReport,
  listReports,
  lockSource,
  personOf,
} from './accessibility.queries.ts';
import { accessibilityReportBinding } from './reports.lifecycle.ts';

/** Whose reports are counted together: a signed-in person's own, else those of the source address. */
const sourceKeyOf = (source: { ip: string; userId: string | null }) =>
  createHash('sha256')
    .update(source.userId ? `accessibility:user:${source.userId}` : `accessibility:ip:${source.ip}`)
    .digest('hex');

function tooManyReports(oldest: Date | null) {
  const windowEnd = (oldest?.getTime() ?? Date.now()) + REPORT_LIMITS.windowMinutes * 60_000;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowEnd - Date.now()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AppError(
    'tooManyRequests',
    `Trop de signalements envoyés en une heure (${REPORT_LIMITS.perSource} au plus, par compte ou, sans connexion, par adresse réseau). Patientez ${minutes} minute${minutes > 1 ? 's' : ''}, ou écrivez-nous à l'adresse indiquée dans la déclaration d'accessibilité.`,
    { retryAfterSeconds },
  );
}

/**
 * Anyone reports an accessibility problem. Signed out, the e-mail is required (it is where the answer
 * goes); signed in, the account's address stands in when none is given, and the report names the
 * account. At most `REPORT_LIMITS.perSource` reports an hour per source — the account when signed in, else the
 * network address: counted and written in one serialised step, so that a burst cannot pass the limit.
 * The administrators hear of it.
 */
export async function reportAccessibilityProblem(
  ctx: ServiceContext,
  input: ReportAccessibilityProblemInput,
  source: { ip: string },
) {
  const account = ctx.actor ? await personOf(ctx.db, ctx.actor.userId) : null;
  const email = input.email ?? account?.email ?? null;
  if (!email) {
    const message = "Indiquez votre adresse e-mail : c'est là que nous vous répondrons.";
    throw new AppError('badRequest', message, { errors: [{ field: 'email', message }] });
  }
  const sourceKey = sourceKeyOf({ ip: source.ip, userId: account?.id ?? null });
  return inTransaction(ctx, async (tx) => {
    await lockSource(tx.db, sourceKey);
    const since = new Date(Date.now() - REPORT_LIMITS.windowMinutes * 60_000);
    const { count, oldest } = await countFromSourceSince(tx.db, sourceKey, since);
    if (count >= REPORT_LIMITS.perSource) throw tooManyReports(oldest);
    const report = await insertReport(tx.db, {
      pageUrl: input.pageUrl,
      description: input.description,
      reporterName: input.name || account?.name || null,
      email,
      reporterId: account?.id ?? null,
      sourceKey,
    });
    await recordAudit(tx, {
      action: 'accessibilityReport.create',
      targetType: 'accessibilityReport',
      targetId: report.id,
      after: { pageUrl: report.pageUrl, state: report.state, signedIn: Boolean(account) },
    });
    await reportReceived(tx, report);
    return report;
  });
}

export async function listAccessibilityReports(
  ctx: ServiceContext,
  authorizer: Authorizer,
  filter: { state?: ReportState; page: number; pageSize: number },
) {
  authorizer.authorize(requireActor(ctx), 'accessibilityReport.list');
  return listReports(ctx.db, filter);
}

/** A report with the sender's account (if any), who answered, and the transitions open to the caller. */
export async function getAccessibilityReport(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  authorizer.authorize(requireActor(ctx), 'accessibilityReport.list');
  const report = await findReport(ctx.db, id);
  if (!report) throw notFound("Signalement d'accessibilité");
  const [transitions = []] = await describeTransitions(
    ctx,
    authorizer,
    [accessibilityReportBinding],
    [report],
  );
  const lifecycles = await describeLifecycles(ctx, [accessibilityReportBinding], report, report.createdAt);
  return {
    report,
    reporter: await personOf(ctx.db, report.reporterId),
    answeredBy: await personOf(ctx.db, report.answeredBy),
    transitions,
    lifecycles,
  };
}
