import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDto, ReportDto } from '../../../common/schemas/acceptance.ts';
import { acceptanceReports, auditEvents, projects } from '../../db/schema.ts';
import {
  campaignBody,
  evaluatedSheetWithoutBlockingItem,
  evaluatedWithoutBlockingItem,
  expectCampaign,
  fireCampaign,
  problem,
} from '../../test/acceptance-fixtures.ts';
import { createSheet } from '../../test/catalog-fixtures.ts';
import { type EvaluationPeople, evaluationPeople } from '../../test/evaluation-fixtures.ts';
import { type Agent, createTestContext, signUp, type TestContext } from '../../test/harness.ts';
import { fire, sponsor } from '../../test/project-fixtures.ts';
import { pdfText, testSigning } from '../../test/signing-fixtures.ts';

let t: TestContext;
let p: EvaluationPeople;
let signing: Awaited<ReturnType<typeof testSigning>>;
let tester: { user: { id: string }; agent: Agent };

beforeAll(async () => {
  signing = await testSigning();
  t = await createTestContext(signing.config);
  p = await evaluationPeople(t);
  tester = await signUp(t, { roles: ['agent'], organisationCode: 'CNR-64', displayName: 'Camille Testeuse' });
}, 120_000);
afterAll(() => t.close());

/** A campaign with two cases executed, a blocking anomaly fixed and closed, a minor one left open: report requested. */
async function campaignReadyToSign(subject: { projectId?: string; applicationId?: string }) {
  let campaign = await expectCampaign(
    p.ddsi.post('/api/acceptance-campaigns', campaignBody(subject, [tester.user.id])),
    201,
  );
  for (const code of ['CT-01', 'CT-02'])
    campaign = await expectCampaign(
      p.accountant.post(`/api/acceptance-campaigns/${campaign.id}/test-cases`, {
        code,
        title: `Cas ${code}`,
        requirementCodes: ['SEC-01'],
      }),
      201,
    );
  campaign = await expectCampaign(fireCampaign(p.ddsi, campaign.id, 'start'));
  for (const testCase of campaign.cases)
    campaign = await expectCampaign(
      tester.agent.post(`/api/acceptance-campaigns/${campaign.id}/test-cases/${testCase.id}/executions`, {
        result: 'passed',
      }),
      201,
    );
  campaign = await expectCampaign(
    tester.agent.post(`/api/acceptance-campaigns/${campaign.id}/anomalies`, {
      title: 'Accents perdus à l’export',
      severity: 'minor',
    }),
    201,
  );
  return expectCampaign(fireCampaign(p.ddsi, campaign.id, 'requestReport'));
}

async function download(id: string) {
  const response = await p.agent.get(`/api/acceptance-reports/${id}/pdf`);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  const file = path.join(signing.dir, `${id}.pdf`);
  writeFileSync(file, response.rawPayload);
  return { file, bytes: response.rawPayload };
}

describe('the signed national acceptance report', () => {
  it('is a French PDF signed PAdES by the national accountant, verified by pdfsig and broken by one byte', async () => {
    const { project } = await evaluatedWithoutBlockingItem(p, 'labelling', {
      title: 'Suivi des indemnités journalières',
      forgeUrl: 'https://forge.example/ij',
    });
    await sponsor(p.developer, p.sponsor, project.id, p.ddgos);
    for (const action of ['frame', 'startDevelopment', 'submitForAcceptance'])
      expect((await fire(p.developer, project, action)).statusCode).toBe(200);
    const noReport = await fire(p.developer, project, 'deliver');
    expect(noReport.json().refusal.code).toBe('acceptanceReportRequired');

    const ready = await campaignReadyToSign({ projectId: project.id });
    const signed = await expectCampaign(
      fireCampaign(p.accountant, ready.id, 'sign', {
        decision: 'acceptedWithReservations',
        observations: 'Réserve à lever à la prochaine version.',
      }),
    );
    expect(signed.state).toBe('acceptedWithReservations');
    const report = signed.report as NonNullable<CampaignDto['report']>;
    expect(report.number).toMatch(/^PV-\d{4}-0001$/);

    const { file, bytes } = await download(report.id);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(file)).replace(/\s+/g, ' ');
    for (const expected of [
      'Procès-verbal national de recette',
      report.number,
      'Suivi des indemnités journalières',
      '2.1.0',
      'Labellisation',
      'Recette nationale de la version 2.1',
      'Centre national de recette des Pyrénées-Atlantiques',
      'Camille Testeuse',
      'Cas de test au plan 2',
      'Cas réussis (taux de réussite) 2 (100 %)',
      'AN-1 Accents perdus à l’export Mineure Ouverte',
      'Recette prononcée avec réserves',
      'Agent comptable national (DDFC/DC2R)',
      'Signature électronique (PAdES)',
    ])
      expect(text).toContain(expected);

    const verdict = await signing.pdfsig(file);
    expect(verdict).toContain('Signature Type: ETSI.CAdES.detached');
    expect(verdict).toContain('Signature Validation: Signature is Valid.');
    expect(verdict).toContain('Certificate Validation: Certificate is Trusted.');
    expect(verdict).toContain('Total document signed');
    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf('Suivi'.charCodeAt(0), 400);
    tampered[at] = (tampered[at] as number) ^ 0x01;
    const tamperedFile = `${file}.tampered.pdf`;
    writeFileSync(tamperedFile, tampered);
    const broken = await signing.pdfsig(tamperedFile);
    expect(broken).not.toContain('Signature is Valid.');
    expect(broken).toMatch(/Digest Mismatch|Signature is Invalid/);

    const check = (await t.app.inject({ url: `/api/acceptance-reports/${report.id}/verify` })).json();
    expect(check).toMatchObject({
      valid: true,
      integrity: true,
      signatureValid: true,
      number: report.number,
    });
    expect(check.certificateSubject).toContain('CN=Agent comptable national (test)');
    await t.db.update(acceptanceReports).set({ pdf: tampered }).where(eq(acceptanceReports.id, report.id));
    const after = (await t.app.inject({ url: `/api/acceptance-reports/${report.id}/verify` })).json();
    expect(after).toMatchObject({ valid: false, integrity: false, signatureValid: false });

    // The project's field is set: it can now be delivered, and its new sheet is labelled by the report.
    const [row] = await t.db.select().from(projects).where(eq(projects.id, project.id));
    expect(row?.acceptanceReportReference).toBe(report.number);
    const delivered = await fire(p.developer, project, 'deliver');
    expect(delivered.statusCode, delivered.body).toBe(200);
    const sheetId = delivered.json().application.id as string;
    const sheet = (await p.agent.get(`/api/applications/${sheetId}`)).json();
    expect(sheet.certificationStatus).toBe('labelled');
    const listed = (await p.agent.get(`/api/acceptance-reports?applicationId=${sheetId}`)).json();
    expect(listed.items.map((r: ReportDto) => [r.number, r.versionLabel, r.decision])).toEqual([
      [report.number, '2.1.0', 'acceptedWithReservations'],
    ]);
  }, 120_000);

  it('certifies the sheet in the signature’s transaction: a failure on the sheet leaves no report and no decision', async () => {
    const sheet = await createSheet(p.developer, p.rhone, {
      name: 'Gestion des astreintes',
      track: 'labelling',
    });
    await evaluatedSheetWithoutBlockingItem(p, sheet.id);
    const ready = await campaignReadyToSign({ applicationId: sheet.id });
    await t.db.execute(sql`CREATE FUNCTION refuse_certification() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'certification refused by the test'; END $$`);
    await t.db.execute(sql`CREATE TRIGGER refuse_certification BEFORE UPDATE OF certification_status ON applications
      FOR EACH ROW EXECUTE FUNCTION refuse_certification()`);
    try {
      const failed = await fireCampaign(p.accountant, ready.id, 'sign', {
        decision: 'acceptedWithReservations',
      });
      expect(failed.statusCode).toBe(500);
    } finally {
      await t.db.execute(sql`DROP TRIGGER refuse_certification ON applications`);
      await t.db.execute(sql`DROP FUNCTION refuse_certification()`);
    }
    const nothing = await t.db
      .select()
      .from(acceptanceReports)
      .where(eq(acceptanceReports.campaignId, ready.id));
    expect(nothing).toEqual([]);
    expect((await p.agent.get(`/api/acceptance-campaigns/${ready.id}`)).json().state).toBe('reportRequested');
    expect((await p.agent.get(`/api/applications/${sheet.id}`)).json().certificationStatus).toBe('none');

    const signed = await expectCampaign(
      fireCampaign(p.accountant, ready.id, 'sign', { decision: 'acceptedWithReservations' }),
    );
    expect((await p.agent.get(`/api/applications/${sheet.id}`)).json().certificationStatus).toBe('labelled');
    const [sign] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, ready.id), eq(auditEvents.action, 'campaign.sign')));
    const [certify] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, sheet.id), eq(auditEvents.action, 'application.certify')));
    expect(certify?.requestId).toBe(sign?.requestId);
    expect(certify?.details).toMatchObject({ report: signed.report?.id, to: 'labelled' });
  }, 120_000);

  it('a refusal says what to fix, and neither opens the delivery nor certifies', async () => {
    const { project } = await evaluatedWithoutBlockingItem(p, 'homologation');
    const ready = await campaignReadyToSign({ projectId: project.id });
    const signed = await expectCampaign(
      fireCampaign(p.accountant, ready.id, 'sign', {
        decision: 'refused',
        toFix: 'Rétablir les accents dans l’export CSV.',
      }),
    );
    expect(signed.state).toBe('refused');
    const report = (await p.agent.get(`/api/acceptance-reports/${signed.report?.id}`)).json() as ReportDto;
    expect(report).toMatchObject({ decision: 'refused', toFix: 'Rétablir les accents dans l’export CSV.' });
    const text = (await pdfText((await download(report.id)).file)).replace(/\s+/g, ' ');
    expect(text).toContain('Recette refusée');
    expect(text).toContain(
      'À corriger avant une nouvelle campagne : Rétablir les accents dans l’export CSV.',
    );
    const [row] = await t.db.select().from(projects).where(eq(projects.id, project.id));
    expect(row?.acceptanceReportSignedAt).toBeNull();
    await problem(p.agent.get('/api/acceptance-reports/7d1f3a52-0f6e-4c55-9a1e-2b0c8d9e4f10'), 404);
  }, 120_000);
});
