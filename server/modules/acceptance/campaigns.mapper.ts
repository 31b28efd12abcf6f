import type { CampaignFacts } from '../../../common/lifecycles/acceptance-campaign.ts';
import type { ReportFigures } from '../../../common/schemas/acceptance.ts';
import type { CampaignCounts } from './campaigns.queries.ts';

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/** Coverage (executed cases / cases) and pass rate (passed / executed), the latest execution of each case counting. */
export function figuresOf(counts: CampaignCounts): ReportFigures {
  const { passed, failed, blocked } = counts.latest;
  const executed = passed + failed + blocked;
  return {
    cases: counts.cases,
    executed,
    passed,
    failed,
    blocked,
    coverage: share(executed, counts.cases),
    passRate: share(passed, executed),
    requirementsCovered: counts.requirementsCovered,
    anomalies: counts.anomalies,
    openReservations: counts.open.major + counts.open.minor,
  };
}

export function campaignFactsOf(counts: CampaignCounts, blockingItems: number | null): CampaignFacts {
  return {
    blockingItems,
    caseCount: counts.cases,
    testerCount: counts.testers,
    executionCount: counts.executions,
    openBlocking: counts.open.blocking,
    openReservations: counts.open.major + counts.open.minor,
  };
}
