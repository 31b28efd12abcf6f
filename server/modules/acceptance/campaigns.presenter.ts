import type {
  AnomalyDto,
  CampaignDto,
  CampaignSummaryDto,
  ReportDto,
} from '../../../common/schemas/acceptance.ts';
import { presentAttachment } from '../catalog/attachments/attachments.presenter.ts';
import { figuresOf } from './campaigns.mapper.ts';
import type { AnomalyRow, CampaignCounts, CampaignRow, ExecutionRow } from './campaigns.queries.ts';
import type { CampaignView } from './campaigns.service.ts';
import type { ExecutionFileRow } from './execution-files.queries.ts';
import type { ReportRow } from './reports.queries.ts';

export function presentCampaignSummary(item: {
  campaign: CampaignRow;
  counts: CampaignCounts;
  subjectName: string;
}): CampaignSummaryDto {
  const c = item.campaign;
  return {
    id: c.id,
    title: c.title,
    state: c.state,
    track: c.track,
    versionLabel: c.versionLabel,
    runnerKind: c.runnerKind,
    subject: c.projectId
      ? { kind: 'project', id: c.projectId, name: item.subjectName }
      : { kind: 'application', id: c.applicationId as string, name: item.subjectName },
    figures: figuresOf(item.counts),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export const presentAnomaly = (a: AnomalyRow): AnomalyDto => ({
  id: a.id,
  number: a.number,
  caseId: a.caseId,
  title: a.title,
  description: a.description,
  severity: a.severity,
  status: a.status,
  fixedInVersion: a.fixedInVersion,
  raisedBy: a.raisedBy,
  version: a.version,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

const presentExecution = (e: ExecutionRow, files: readonly ExecutionFileRow[]) => ({
  id: e.id,
  result: e.result,
  tester: e.tester,
  executedOn: e.executedOn,
  versionLabel: e.versionLabel,
  comment: e.comment,
  evidenceUrls: e.evidenceUrls,
  files: files.filter((f) => f.executionId === e.id).map(presentAttachment),
  createdAt: e.createdAt.toISOString(),
});

export const presentReportSummary = (r: ReportRow) => ({
  id: r.id,
  number: r.number,
  decision: r.decision,
  signerName: r.signerName,
  signedAt: r.signedAt.toISOString(),
  sha256: r.sha256,
  size: r.size,
});

export const presentReport = (r: ReportRow): ReportDto => ({
  ...presentReportSummary(r),
  campaignId: r.campaignId,
  campaignTitle: r.campaignTitle,
  versionLabel: r.versionLabel,
  projectId: r.projectId,
  applicationId: r.applicationId,
  figures: r.figures,
  reservations: r.reservations,
  observations: r.observations,
  toFix: r.toFix,
});

export function presentCampaign(view: CampaignView): CampaignDto {
  const c = view.campaign;
  return {
    ...presentCampaignSummary(view),
    plannedStart: c.plannedStart,
    plannedEnd: c.plannedEnd,
    offices: view.offices,
    testers: view.testers,
    cases: view.cases.map((tc) => ({
      id: tc.id,
      code: tc.code,
      title: tc.title,
      steps: tc.steps,
      expectedResult: tc.expectedResult,
      requirementCodes: tc.requirementCodes,
      functionalAreas: tc.functionalAreas,
      executions: view.executions
        .filter((e) => e.caseId === tc.id)
        .map((e) => presentExecution(e, view.files)),
    })),
    anomalies: view.anomalies.map(presentAnomaly),
    report: view.report ? presentReportSummary(view.report) : null,
    version: c.version,
    may: view.may,
    transitions: view.transitions,
    lifecycles: view.lifecycles,
  };
}
