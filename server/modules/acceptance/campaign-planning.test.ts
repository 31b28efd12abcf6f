import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDto } from '../../../common/schemas/acceptance.ts';
import { acceptanceCampaigns, auditEvents } from '../../db/schema.ts';
import { MAX_ATTACHMENT_BYTES } from '../../lib/attachments.ts';
import { problem } from '../../test/acceptance-fixtures.ts';
import { insertCampaignRows } from '../../test/acceptance-rows.ts';
import { uploadFile } from '../../test/catalog-fixtures.ts';
import {
  type Agent,
  createTestContext,
  organisationId,
  signUp,
  type TestContext,
} from '../../test/harness.ts';

/** Planning and running a campaign: evidence files of an execution, the testers a campaign may name, a test plan imported with errors. */

let t: TestContext;
let tester: Agent;
let outsider: Agent;
let testerId: string;

beforeAll(async () => {
  t = await createTestContext();
  const named = await signUp(t, { roles: ['agent'], organisationCode: 'CNR-64' });
  tester = named.agent;
  testerId = named.user.id;
  outsider = (await signUp(t, { roles: ['agent'], organisationCode: 'CNR-64' })).agent;
}, 120_000);
afterAll(() => t.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A campaign in progress naming the tester, and one execution of its case by the tester. */
async function executed() {
  const rows = await insertCampaignRows(t.db, {
    officeId: await organisationId(t.db, 'CPAM-67'),
    testerIds: [testerId],
  });
  const response = await tester.post(
    `/api/acceptance-campaigns/${rows.campaignId}/test-cases/${rows.caseId}/executions`,
    { result: 'failed', comment: 'Le bouton « Valider » reste grisé.' },
  );
  expect(response.statusCode, response.body).toBe(201);
  const campaign = response.json() as CampaignDto;
  const execution = campaign.cases[0]?.executions[0];
  if (!execution) throw new Error('no execution recorded');
  return { campaignId: rows.campaignId, executionId: execution.id };
}
const filesUrl = (executionId: string) => `/api/acceptance-executions/${executionId}/attachments`;

describe('the evidence files of an execution', () => {
  it('are attached by a named tester, shown on the campaign, downloaded as sent, removed — audited on the campaign', async () => {
    const { campaignId, executionId } = await executed();
    const screenshot = { name: 'bouton-grisé.png', type: 'image/png', content: PNG };
    const refused = await problem(
      uploadFile(t.app, outsider, filesUrl(executionId), screenshot, { kind: 'screenshot' }),
      403,
    );
    expect(refused.detail).toMatch(/[a-z]/);
    const added = await uploadFile(t.app, tester, filesUrl(executionId), screenshot, { kind: 'screenshot' });
    expect(added.statusCode, added.body).toBe(201);
    const file = added.json() as { id: string; fileName: string; kind: string; mediaType: string };
    expect(file).toMatchObject({ fileName: 'bouton-grisé.png', kind: 'screenshot', mediaType: 'image/png' });

    const campaign = (await outsider.get(`/api/acceptance-campaigns/${campaignId}`)).json() as CampaignDto;
    expect(campaign.cases[0]?.executions[0]?.files.map((f) => f.id)).toEqual([file.id]);
    const downloaded = await outsider.get(`${filesUrl(executionId)}/${file.id}`);
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.rawPayload.equals(PNG)).toBe(true);
    expect(downloaded.headers['content-disposition']).toContain('attachment');

    await problem(outsider.request('DELETE', `${filesUrl(executionId)}/${file.id}`), 403);
    expect((await tester.request('DELETE', `${filesUrl(executionId)}/${file.id}`)).statusCode).toBe(204);
    await problem(outsider.get(`${filesUrl(executionId)}/${file.id}`), 404);
    const audited = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, campaignId), eq(auditEvents.targetType, 'acceptanceCampaign')));
    expect(audited.map((a) => a.action)).toEqual(['campaign.execute', 'campaign.attach', 'campaign.detach']);
  });

  it('refuses in French a file of another type, an empty one, one too large, another field, an unknown execution', async () => {
    const { executionId } = await executed();
    const url = filesUrl(executionId);
    const script = await problem(
      uploadFile(t.app, tester, url, {
        name: 'preuve.pdf',
        type: 'application/pdf',
        content: Buffer.from('#!/bin/sh\nrm -rf /\n'),
      }),
      415,
    );
    expect(script.detail).toContain('Un document doit être un PDF');
    expect(script.errors?.[0]?.field).toBe('file');
    const empty = await problem(
      uploadFile(t.app, tester, url, {
        name: 'vide.pdf',
        type: 'application/pdf',
        content: Buffer.alloc(0),
      }),
      400,
    );
    expect(empty.detail).toBe('Le fichier est vide.');
    const large = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    await problem(
      uploadFile(t.app, tester, url, { name: 'gros.pdf', type: 'application/pdf', content: large }),
      413,
    );
    const kind = await problem(
      uploadFile(
        t.app,
        tester,
        url,
        { name: 'preuve.pdf', type: 'application/pdf', content: PDF },
        { kind: 'video' },
      ),
      400,
    );
    expect(kind.errors?.[0]?.field).toBe('kind');
    const unknown = await problem(
      uploadFile(t.app, tester, filesUrl('00000000-0000-4000-8000-000000000000'), {
        name: 'preuve.pdf',
        type: 'application/pdf',
        content: PDF,
      }),
      404,
    );
    expect(unknown.detail).toContain("Cette exécution n'existe pas");
  });

  it('are attached only while the campaign is in progress (409 once the report is requested)', async () => {
    const { campaignId, executionId } = await executed();
    await t.db
      .update(acceptanceCampaigns)
      .set({ state: 'reportRequested' })
      .where(eq(acceptanceCampaigns.id, campaignId));
    const late = await problem(
      uploadFile(t.app, tester, filesUrl(executionId), {
        name: 'preuve.pdf',
        type: 'application/pdf',
        content: PDF,
      }),
      409,
    );
    expect(late.detail).toContain("elle n'est pas en cours");
  });
});

describe('the testers a campaign may name', () => {
  it('are found by name or e-mail by the managers; the search is refused in French when too short', async () => {
    const manager = (await signUp(t, { roles: ['itDirectorate'], organisationCode: 'CNAM-DDSI' })).agent;
    const me = (await tester.get('/api/me')).json() as { user: { displayName: string; email: string } };
    const found = await manager.get(
      `/api/acceptance-testers?q=${encodeURIComponent(me.user.email.slice(0, 12))}`,
    );
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().items).toContainEqual({
      id: testerId,
      name: me.user.displayName,
      organisationName: expect.stringContaining('Pyrénées-Atlantiques'),
    });
    await problem(tester.get('/api/acceptance-testers?q=agent'), 403);
    const short = await problem(manager.get('/api/acceptance-testers?q=a'), 400);
    expect(short.errors?.[0]).toEqual({ field: 'q', message: 'La recherche compte au moins 2 caractères.' });
  });
});

describe('a test plan imported from a workbook', () => {
  it('is refused whole with a French 422 naming each line and column in error', async () => {
    const manager = (await signUp(t, { roles: ['itDirectorate'], organisationCode: 'CNAM-DDSI' })).agent;
    const rows = await insertCampaignRows(t.db, {
      officeId: await organisationId(t.db, 'CPAM-67'),
      testerIds: [],
      state: 'planned',
    });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Plan');
    sheet.addRow(['Code', 'Titre', 'Exigences']);
    sheet.addRow(['CT-10', 'Connexion', 'SEC-01']);
    sheet.addRow(['CT-11', '', 'SEC-02']);
    sheet.addRow(['CT-12', 'Export', 'SEC 03']);
    const refused = await problem(
      uploadFile(t.app, manager, `/api/acceptance-campaigns/${rows.campaignId}/test-cases/import`, {
        name: 'plan.xlsx',
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        content: Buffer.from(await book.xlsx.writeBuffer()),
      }),
      422,
    );
    expect(refused.detail).toBe("Le plan de tests a 2 erreur(s) : rien n'est importé.");
    expect(refused.errors).toEqual([
      {
        field: 'ligne 3.title',
        message: 'Ligne 3, colonne « Titre » : Le titre du cas de test est obligatoire.',
      },
      {
        field: 'ligne 4.requirementCodes.0',
        message:
          "Ligne 4, colonne « Exigences » : Un code d'exigence s'écrit en majuscules, chiffres, points et tirets (ex. SEC-03).",
      },
    ]);
    const campaign = (
      await manager.get(`/api/acceptance-campaigns/${rows.campaignId}`)
    ).json() as CampaignDto;
    expect(campaign.cases.map((c) => c.code)).toEqual(['CT-01']);
  });
});
