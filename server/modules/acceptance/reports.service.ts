import { createHash, randomUUID } from 'node:crypto';
import { RUNNER_KIND_LABELS, STILL_OPEN } from '../../../common/acceptance/vocabulary.ts';
import { TRACK_LABELS } from '../../../common/catalog/vocabulary.ts';
import type { SignInput } from '../../../common/lifecycles/acceptance-campaign.ts';
import { ROLE_LABELS } from '../../../common/roles.ts';
import type { ReportReservation } from '../../../common/schemas/acceptance.ts';
import type { Config } from '../../config.ts';
import { recordAudit } from '../../lib/audit.ts';
import { requireActor, type TxContext } from '../../lib/context.ts';
import { staleVersion } from '../../lib/errors.ts';
import { applicationCertificationStore } from '../catalog/applications/applications.queries.ts';
import { findProjectSubject } from '../projects/projects.queries.ts';
import { findUser } from '../users/users.queries.ts';
import { figuresOf } from './campaigns.mapper.ts';
import {
  anomaliesOf,
  type CampaignRow,
  campaignCounts,
  campaignOffices,
  campaignTesters,
  subjectNames,
} from './campaigns.queries.ts';
import { frenchDate } from './report-pdf.ts';
import { buildSignedReport, loadSigningMaterial } from './report-signing.ts';
import {
  insertReport,
  nextReportNumber,
  reportAwaitingSheet,
  setProjectAcceptance,
  setReportApplication,
} from './reports.queries.ts';

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Signs the national acceptance report of a campaign, in the `sign` transition's transaction: the PDF
 * (laid out and signed in a worker thread), its SHA-256, the report row; unless refused, the project's
 * acceptance field (which its "delivered" guard reads) and the sheet's certification. An error anywhere
 * leaves nothing: no report without its decision, no decision without its report.
 */
export async function signReport(
  ctx: TxContext,
  campaign: CampaignRow,
  input: SignInput,
  config: Pick<Config, 'signingKeyFile' | 'signingCertFile' | 'publicUrl'>,
) {
  const actor = requireActor(ctx);
  const material = await loadSigningMaterial(config);
  const [counts, anomalies, offices, testers, names, signer, project] = await Promise.all([
    campaignCounts(ctx.db, [campaign.id]),
    anomaliesOf(ctx.db, campaign.id),
    campaignOffices(ctx.db, campaign.id),
    campaignTesters(ctx.db, campaign.id),
    subjectNames(ctx.db, [campaign]),
    findUser(ctx.db, actor.userId),
    campaign.projectId ? findProjectSubject(ctx.db, campaign.projectId) : Promise.resolve(null),
  ]);
  const figures = figuresOf(counts.get(campaign.id) as NonNullable<ReturnType<typeof counts.get>>);
  const reservations: ReportReservation[] = anomalies
    .filter((a) => STILL_OPEN.includes(a.status))
    .map((a) => ({
      number: a.number,
      title: a.title,
      severity: a.severity,
      status: a.status,
      fixedInVersion: a.fixedInVersion,
    }));
  const id = randomUUID();
  const signedAt = new Date();
  const number = await nextReportNumber(ctx.db, signedAt.getUTCFullYear());
  const signerName = signer?.displayName ?? 'Agent comptable national';
  const pdf = await buildSignedReport(
    {
      id,
      number,
      applicationName: names.get(campaign.projectId ?? campaign.applicationId ?? '') ?? '—',
      versionLabel: campaign.versionLabel,
      trackLabel: TRACK_LABELS[campaign.track].fr,
      campaignTitle: campaign.title,
      runnerLabel: RUNNER_KIND_LABELS[campaign.runnerKind].fr,
      offices: offices.map((o) => o.name),
      testers: testers.map((t) => `${t.name} (${t.organisationName})`),
      periodLabel:
        campaign.plannedStart && campaign.plannedEnd
          ? `du ${frenchDate(new Date(campaign.plannedStart))} au ${frenchDate(new Date(campaign.plannedEnd))}`
          : null,
      figures,
      reservations,
      decision: input.decision,
      observations: input.observations ?? null,
      toFix: input.toFix ?? null,
      signerName,
      signerRole: ROLE_LABELS.nationalAccountant.fr,
      signedAt,
      verificationUrl: `${config.publicUrl}/verification/pv/${id}`,
    },
    material,
  );
  const sha256 = sha256Of(pdf);
  const certificate = material.certificatesPem.match(/-----BEGIN CERTIFICATE-----([^-]+)-----END/)?.[1] ?? '';
  const sheetId =
    campaign.applicationId ?? project?.applicationId ?? project?.transitionalApplicationId ?? null;
  await insertReport(ctx.db, {
    id,
    campaignId: campaign.id,
    number,
    decision: input.decision,
    projectId: campaign.projectId,
    applicationId: input.decision === 'refused' ? null : sheetId,
    versionLabel: campaign.versionLabel,
    figures,
    reservations,
    observations: input.observations ?? null,
    toFix: input.toFix ?? null,
    signedBy: actor.userId,
    signerName,
    signedAt,
    pdf,
    size: pdf.length,
    sha256,
    certificateSha256: sha256Of(Buffer.from(certificate.replace(/\s+/g, ''), 'base64')),
  });
  await recordAudit(ctx, {
    action: 'acceptanceReport.sign',
    targetType: 'acceptanceReport',
    targetId: id,
    after: { number, campaignId: campaign.id, decision: input.decision, sha256, size: pdf.length },
  });
  if (input.decision === 'refused') return;
  if (campaign.projectId) await setProjectAcceptance(ctx.db, campaign.projectId, signedAt, number);
  if (sheetId) await certifySheet(ctx, sheetId, { id, number, signedAt });
}

/**
 * The sheet's certification, moved by a signed report: labelled or homologated by its track, audited as
 * the certification lifecycle's `certify` (so the sheet's history shows it), the report named. A sheet
 * already certified stays so; the report records the version and the date.
 */
export async function certifySheet(
  ctx: TxContext,
  applicationId: string,
  report: { id: string; number: string; signedAt: Date },
) {
  const sheet = await applicationCertificationStore.load(ctx.db, applicationId, { lock: true });
  if (!sheet || (sheet.track !== 'labelling' && sheet.track !== 'homologation')) return;
  const to = sheet.track === 'labelling' ? 'labelled' : 'homologated';
  if (sheet.certificationStatus === to) return;
  const after = await applicationCertificationStore.apply(ctx.db, sheet, to);
  if (!after) throw staleVersion('application');
  const snapshot = (row: typeof sheet) => ({
    certificationStatus: row.certificationStatus,
    track: row.track,
    version: row.version,
  });
  await recordAudit(ctx, {
    action: 'application.certify',
    targetType: 'application',
    targetId: applicationId,
    before: snapshot(sheet),
    after: snapshot(after),
    details: {
      lifecycle: 'applicationCertification',
      transition: 'certify',
      from: sheet.certificationStatus,
      to,
      input: {
        rationale: `Procès-verbal national de recette ${report.number}`,
        decidedOn: report.signedAt.toISOString().slice(0, 10),
      },
      report: report.id,
    },
  });
}

/**
 * Delivering a project whose report was signed before it had a sheet: the sheet just created is
 * certified by that report (called by the project's delivery, in its transaction).
 */
export async function certifyDeliveredSheet(ctx: TxContext, projectId: string, applicationId: string) {
  const report = await reportAwaitingSheet(ctx.db, projectId);
  if (!report) return;
  await setReportApplication(ctx.db, report.id, applicationId);
  await certifySheet(ctx, applicationId, report);
}
