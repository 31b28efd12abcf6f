import ExcelJS from 'exceljs';
import type { Role } from '../../common/roles.ts';
import type { Database } from '../db/client.ts';
import { acceptanceExecutionFiles, acceptanceExecutions } from '../db/schema.ts';
import type { AttachmentFiles } from '../lib/attachment-files.ts';
import { insertCampaignRows, insertReportRow } from './acceptance-rows.ts';
import type { Cell, RouteCase, Scope } from './authorization-matrix.table.ts';
import { createUser } from './harness.ts';

/**
 * The acceptance module's rows of the authorization matrix. A campaign of the "own" cell names the
 * caller as a tester and is of a project of the caller's office (CPAM-67); of the "other" cell, neither.
 */
export interface AcceptanceFixtures {
  campaign(cell: Cell, state?: 'planned' | 'inProgress'): ReturnType<typeof insertCampaignRows>;
  /** A report shared by the read cells. */
  report(): Promise<string>;
  workbook(): Promise<Buffer>;
  /** An execution of the cell's campaign (in progress) with one PDF given as evidence. */
  executionFile(cell: Cell): Promise<{ executionId: string; fileId: string }>;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export function acceptanceFixtures(
  db: Database,
  files: AttachmentFiles,
  officeId: Record<Scope, string>,
): AcceptanceFixtures {
  let report: Promise<string> | undefined;
  let workbook: Promise<Buffer> | undefined;
  const campaign: AcceptanceFixtures['campaign'] = (cell, state) =>
    insertCampaignRows(db, {
      officeId: officeId[cell.scope],
      testerIds: cell.scope === 'own' ? [cell.actor.id] : [],
      state,
    });
  return {
    campaign,
    async executionFile(cell) {
      const rows = await campaign(cell);
      const [execution] = await db
        .insert(acceptanceExecutions)
        .values({
          caseId: rows.caseId,
          campaignId: rows.campaignId,
          result: 'failed',
          testerId: cell.actor.id,
          executedOn: '2026-03-02',
        })
        .returning({ id: acceptanceExecutions.id });
      const [file] = await db
        .insert(acceptanceExecutionFiles)
        .values({
          executionId: execution?.id as string,
          kind: 'document',
          fileName: 'preuve.pdf',
          mediaType: 'application/pdf',
          size: PDF.length,
          sha256: 'matrice',
        })
        .returning({ id: acceptanceExecutionFiles.id });
      await files.write(file?.id as string, PDF);
      return { executionId: execution?.id as string, fileId: file?.id as string };
    },
    report() {
      report ??= (async () => {
        const signer = await createUser(db, { roles: ['nationalAccountant'], organisationCode: 'CNAM-DC2R' });
        const rows = await insertCampaignRows(db, { officeId: officeId.other, testerIds: [] });
        return insertReportRow(db, rows.campaignId, signer.id);
      })();
      return report;
    },
    workbook() {
      workbook ??= (async () => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('Plan');
        sheet.addRow(['Code', 'Titre', 'Exigences']);
        sheet.addRow(['CT-90', 'Import de la matrice', 'SEC-01']);
        return Buffer.from(await book.xlsx.writeBuffer());
      })();
      return workbook;
    },
  };
}

const MANAGERS: Role[] = ['admin', 'itDirectorate', 'nationalAccountant'];
const everyone = (status: number) => () => status;
const managers = (status: number) => (role: Role) => (MANAGERS.includes(role) ? status : 403);
/** Named testers (the own cell) and the campaign's managers. */
const testersAndManagers = (status: number) => (role: Role, scope: Scope) =>
  scope === 'own' || MANAGERS.includes(role) ? status : 403;
const BASE = '/api/acceptance-campaigns';

export const ACCEPTANCE_MATRIX: Record<string, RouteCase> = {
  'GET /api/acceptance-campaigns': {
    request: () => ({ url: `${BASE}?page=1` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/acceptance-campaigns': {
    // The project has no evaluation yet: a manager is let through to the rule (422), the others are not.
    request: async (cell, f) => {
      const { projectId } = await f.acceptance.campaign(cell);
      return {
        url: BASE,
        body: { title: 'Recette', projectId, versionLabel: '1.0', runnerKind: 'nationalCentre' },
      };
    },
    expected: managers(422),
    anonymous: 401,
  },
  'GET /api/acceptance-campaigns/:id': {
    request: async (cell, f) => ({ url: `${BASE}/${(await f.acceptance.campaign(cell)).campaignId}` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'PATCH /api/acceptance-campaigns/:id': {
    request: async (cell, f) => ({
      url: `${BASE}/${(await f.acceptance.campaign(cell)).campaignId}`,
      body: { version: 1, title: 'Recette renommée' },
    }),
    expected: managers(200),
    anonymous: 401,
  },
  'POST /api/acceptance-campaigns/:id/test-cases': {
    request: async (cell, f) => ({
      url: `${BASE}/${(await f.acceptance.campaign(cell)).campaignId}/test-cases`,
      body: { code: 'CT-02', title: 'Export' },
    }),
    expected: managers(201),
    anonymous: 401,
  },
  'POST /api/acceptance-campaigns/:id/test-cases/import': {
    request: async (cell, f) => ({
      url: `${BASE}/${(await f.acceptance.campaign(cell)).campaignId}/test-cases/import`,
      upload: {
        file: {
          name: 'plan.xlsx',
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          content: await f.acceptance.workbook(),
        },
      },
    }),
    expected: managers(201),
    anonymous: 401,
  },
  'POST /api/acceptance-campaigns/:id/test-cases/:caseId/executions': {
    request: async (cell, f) => {
      const rows = await f.acceptance.campaign(cell);
      return {
        url: `${BASE}/${rows.campaignId}/test-cases/${rows.caseId}/executions`,
        body: { result: 'passed' },
      };
    },
    expected: (_role, scope) => (scope === 'own' ? 201 : 403),
    anonymous: 401,
  },
  'POST /api/acceptance-campaigns/:id/anomalies': {
    request: async (cell, f) => ({
      url: `${BASE}/${(await f.acceptance.campaign(cell)).campaignId}/anomalies`,
      body: { title: 'Erreur à la validation', severity: 'major' },
    }),
    expected: testersAndManagers(201),
    anonymous: 401,
  },
  'PATCH /api/acceptance-campaigns/:id/anomalies/:anomalyId': {
    // Naming the fixing version: testers, managers, and those who run the project (own office here).
    request: async (cell, f) => {
      const rows = await f.acceptance.campaign(cell);
      return {
        url: `${BASE}/${rows.campaignId}/anomalies/${rows.anomalyId}`,
        body: { version: 1, status: 'fixed', fixedInVersion: '1.0.1' },
      };
    },
    expected: testersAndManagers(200),
    anonymous: 401,
  },
  'POST /api/acceptance-campaigns/:id/transitions': {
    // Cancelling is the managers'; signing, the national accountant's alone (campaigns.test.ts).
    request: async (cell, f) => ({
      url: `${BASE}/${(await f.acceptance.campaign(cell, 'planned')).campaignId}/transitions`,
      body: { action: 'cancel', version: 1, input: { reason: 'Version retirée' } },
    }),
    expected: managers(200),
    anonymous: 401,
  },
  'POST /api/acceptance-executions/:id/attachments': {
    request: async (cell, f) => ({
      url: `/api/acceptance-executions/${(await f.acceptance.executionFile(cell)).executionId}/attachments`,
      upload: {
        file: { name: 'preuve.pdf', type: 'application/pdf', content: PDF },
        fields: { kind: 'document' },
      },
    }),
    expected: (_role, scope) => (scope === 'own' ? 201 : 403),
    anonymous: 401,
  },
  'GET /api/acceptance-executions/:id/attachments/:attachmentId': {
    request: async (cell, f) => {
      const { executionId, fileId } = await f.acceptance.executionFile(cell);
      return { url: `/api/acceptance-executions/${executionId}/attachments/${fileId}` };
    },
    expected: everyone(200),
    anonymous: 401,
  },
  'DELETE /api/acceptance-executions/:id/attachments/:attachmentId': {
    request: async (cell, f) => {
      const { executionId, fileId } = await f.acceptance.executionFile(cell);
      return { url: `/api/acceptance-executions/${executionId}/attachments/${fileId}` };
    },
    expected: (_role, scope) => (scope === 'own' ? 204 : 403),
    anonymous: 401,
  },
  'GET /api/acceptance-testers': {
    request: () => ({ url: '/api/acceptance-testers?q=mutualis' }),
    expected: managers(200),
    anonymous: 401,
  },
  'GET /api/acceptance-reports': {
    request: () => ({ url: '/api/acceptance-reports' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/acceptance-reports/:id': {
    request: async (_cell, f) => ({ url: `/api/acceptance-reports/${await f.acceptance.report()}` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/acceptance-reports/:id/pdf': {
    request: async (_cell, f) => ({ url: `/api/acceptance-reports/${await f.acceptance.report()}/pdf` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/acceptance-reports/:id/verify': {
    request: async (_cell, f) => ({ url: `/api/acceptance-reports/${await f.acceptance.report()}/verify` }),
    expected: everyone(200),
    anonymous: 200,
  },
};
