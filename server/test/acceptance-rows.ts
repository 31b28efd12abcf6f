import type { Database } from '../db/client.ts';
import {
  acceptanceAnomalies,
  acceptanceCampaigns,
  acceptanceCampaignTesters,
  acceptanceReports,
  acceptanceTestCases,
  projectOffices,
  projects,
} from '../db/schema.ts';
import { projectBody } from './project-fixtures.ts';

/** Rows of the acceptance module written straight to the database, for the authorization matrix and the fuzz test. */

const one = async <T>(rows: Promise<T[]>) => {
  const [row] = await rows;
  if (!row) throw new Error('acceptance row not inserted');
  return row;
};

/**
 * A labelling project held and developed by `officeId`, its campaign in `state` with one test case and
 * one open minor anomaly, and `testerIds` named.
 */
export async function insertCampaignRows(
  db: Database,
  input: { officeId: string; testerIds: string[]; state?: 'planned' | 'inProgress' },
) {
  const project = await one(
    db
      .insert(projects)
      .values({
        ...projectBody({ track: 'labelling' }),
        holderOrganisationId: input.officeId,
      } as typeof projects.$inferInsert)
      .returning({ id: projects.id }),
  );
  await db
    .insert(projectOffices)
    .values({ projectId: project.id, organisationId: input.officeId, role: 'developer' });
  const campaign = await one(
    db
      .insert(acceptanceCampaigns)
      .values({
        title: 'Campagne de la matrice',
        projectId: project.id,
        track: 'labelling',
        versionLabel: '1.0.0',
        runnerKind: 'nationalCentre',
        state: input.state ?? 'inProgress',
      })
      .returning({ id: acceptanceCampaigns.id }),
  );
  if (input.testerIds.length > 0)
    await db
      .insert(acceptanceCampaignTesters)
      .values(input.testerIds.map((userId) => ({ campaignId: campaign.id, userId })));
  const testCase = await one(
    db
      .insert(acceptanceTestCases)
      .values({ campaignId: campaign.id, code: 'CT-01', title: 'Connexion', requirementCodes: ['SEC-01'] })
      .returning({ id: acceptanceTestCases.id }),
  );
  const anomaly = await one(
    db
      .insert(acceptanceAnomalies)
      .values({ campaignId: campaign.id, number: 1, title: 'Libellé tronqué', severity: 'minor' })
      .returning({ id: acceptanceAnomalies.id }),
  );
  return { projectId: project.id, campaignId: campaign.id, caseId: testCase.id, anomalyId: anomaly.id };
}

let reports = 0;
/** A report row (its "PDF" is not a signed one: its verification answers not valid). */
export async function insertReportRow(db: Database, campaignId: string, signerId: string) {
  reports += 1;
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  const report = await one(
    db
      .insert(acceptanceReports)
      .values({
        campaignId,
        number: `PV-1999-${String(reports).padStart(4, '0')}`,
        decision: 'acceptedWithReservations',
        versionLabel: '1.0.0',
        figures: {
          cases: 1,
          executed: 1,
          passed: 1,
          failed: 0,
          blocked: 0,
          coverage: 100,
          passRate: 100,
          requirementsCovered: 1,
          anomalies: { blocking: 0, major: 0, minor: 1 },
          openReservations: 1,
        },
        reservations: [],
        signedBy: signerId,
        signerName: 'Agent comptable de la matrice',
        signedAt: new Date(),
        pdf,
        size: pdf.length,
        sha256: 'matrice',
        certificateSha256: 'matrice',
      })
      .returning({ id: acceptanceReports.id }),
  );
  return report.id;
}
