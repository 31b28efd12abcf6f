import { requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { verifyPdfSignature } from './pades.ts';
import { findReport, listReportRows, reportBytes } from './reports.queries.ts';
import { sha256Of } from './reports.service.ts';

/** Reading national acceptance reports: the list of a sheet or a project, one report, its PDF, its check. */

const reportNotFound = () => new AppError('notFound', 'Ce procès-verbal est introuvable.');

export async function listReports(
  ctx: ServiceContext,
  authorizer: Authorizer,
  filters: { applicationId?: string; projectId?: string },
) {
  authorizer.authorize(requireActor(ctx), 'acceptanceReport.read');
  return listReportRows(ctx.db, filters);
}

export async function getReport(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  authorizer.authorize(requireActor(ctx), 'acceptanceReport.read');
  const report = await findReport(ctx.db, id);
  if (!report) throw reportNotFound();
  return report;
}

export async function downloadReport(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  authorizer.authorize(requireActor(ctx), 'acceptanceReport.read');
  const row = await reportBytes(ctx.db, id);
  if (!row) throw reportNotFound();
  return row;
}

/**
 * The public check of a stored report: its bytes still hash to the SHA-256 recorded at signature, and
 * the PAdES signature still verifies over its byte range. Anyone holding the report's address may ask.
 */
export async function verifyReport(ctx: ServiceContext, id: string) {
  const [report, bytes] = await Promise.all([findReport(ctx.db, id), reportBytes(ctx.db, id)]);
  if (!report || !bytes) throw reportNotFound();
  const integrity = sha256Of(bytes.pdf) === report.sha256;
  const signature = await verifyPdfSignature(bytes.pdf);
  return {
    report,
    integrity,
    signatureValid: signature.valid,
    certificateSubject: signature.subject,
    valid: integrity && signature.valid,
  };
}
