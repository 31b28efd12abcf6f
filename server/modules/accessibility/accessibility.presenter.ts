import { REPORT_STATES, type ReportState } from '../../../common/accessibility/vocabulary.ts';
import { excerpt } from '../../../common/notifications.ts';
import {
  type AccessibilityReceiptDto,
  type AccessibilityReportDto,
  type AccessibilityReportListDto,
  reportReference,
} from '../../../common/schemas/accessibility.ts';
import type { ReportRow } from './accessibility.queries.ts';
import type { getAccessibilityReport, listAccessibilityReports } from './accessibility.service.ts';

export const presentReceipt = (report: ReportRow): AccessibilityReceiptDto => ({
  reference: reportReference(report.id),
  receivedAt: report.createdAt.toISOString(),
});

export function presentReportList(
  source: Awaited<ReturnType<typeof listAccessibilityReports>>,
  state: ReportState | undefined,
): AccessibilityReportListDto {
  const counts = Object.fromEntries(
    REPORT_STATES.map((state) => [state, 0]),
  ) as AccessibilityReportListDto['counts'];
  for (const row of source.counts) counts[row.state] = Number(row.count);
  return {
    items: source.rows.map((row) => ({
      id: row.id,
      reference: reportReference(row.id),
      pageUrl: row.pageUrl,
      excerpt: excerpt(row.description, 160),
      email: row.email,
      state: row.state,
      createdAt: row.createdAt.toISOString(),
    })),
    total: state ? counts[state] : Object.values(counts).reduce((sum, n) => sum + n, 0),
    counts,
  };
}

export function presentReport(
  source: Awaited<ReturnType<typeof getAccessibilityReport>>,
): AccessibilityReportDto {
  const { report, reporter, answeredBy } = source;
  return {
    id: report.id,
    reference: reportReference(report.id),
    pageUrl: report.pageUrl,
    description: report.description,
    reporterName: report.reporterName,
    email: report.email,
    reporter: reporter && { id: reporter.id, name: reporter.name, office: reporter.office },
    state: report.state,
    answer: report.answer,
    answeredAt: report.answeredAt?.toISOString() ?? null,
    answeredBy: answeredBy?.name ?? null,
    createdAt: report.createdAt.toISOString(),
    version: report.version,
    transitions: source.transitions,
    lifecycles: source.lifecycles,
  };
}
