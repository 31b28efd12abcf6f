import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_TARGET_TYPE_LABELS } from '../../../common/audit-actions.ts';
import type { CampaignDto } from '../../../common/schemas/acceptance.ts';
import { auditEvents } from '../../db/schema.ts';
import {
  campaignBody,
  evaluatedWithoutBlockingItem,
  expectCampaign,
  fireCampaign,
  problem,
} from '../../test/acceptance-fixtures.ts';
import { uploadFile } from '../../test/catalog-fixtures.ts';
import { type EvaluationPeople, evaluatedProject, evaluationPeople } from '../../test/evaluation-fixtures.ts';
import { type Agent, createTestContext, signUp, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let p: EvaluationPeople;
let tester: { user: { id: string }; agent: Agent };
let outsider: Agent;

beforeAll(async () => {
  t = await createTestContext();
  p = await evaluationPeople(t);
  tester = await signUp(t, { roles: ['agent'], organisationCode: 'CNR-64' });
  outsider = (await signUp(t, { roles: ['agent'], organisationCode: 'CNR-64' })).agent;
}, 120_000);
afterAll(() => t.close());

const open = async (projectId: string) =>
  expectCampaign(
    p.ddsi.post('/api/acceptance-campaigns', campaignBody({ projectId }, [tester.user.id])),
    201,
  );
const writeCase = (id: string, code: string, requirementCodes = ['SEC-01']) =>
  expectCampaign(
    p.accountant.post(`/api/acceptance-campaigns/${id}/test-cases`, {
      code,
      title: `Cas ${code}`,
      steps: 'Ouvrir la page, saisir, valider.',
      expectedResult: 'La demande est enregistrée.',
      requirementCodes,
      functionalAreas: ['Saisie'],
    }),
    201,
  );
const execute = (agent: Agent, campaign: CampaignDto, code: string, result: string, status = 201) => {
  const testCase = campaign.cases.find((c) => c.code === code);
  return expectCampaign(
    agent.post(`/api/acceptance-campaigns/${campaign.id}/test-cases/${testCase?.id}/executions`, { result }),
    status,
  );
};

describe('opening a campaign', () => {
  it('is refused while the evaluation has blocking items, or has not started, naming the field', async () => {
    const { project } = await evaluatedProject(p.developer, 'labelling');
    const blocking = await problem(
      p.ddsi.post('/api/acceptance-campaigns', campaignBody({ projectId: project.id }, [tester.user.id])),
      422,
    );
    expect(blocking.refusal?.code).toBe('evaluationBlocking');
    expect(blocking.errors?.[0]?.field).toBe('projectId');
    expect(blocking.detail).toContain('point(s) bloquant(s)');

    const bare = await p.developer.post('/api/projects', {
      ...(await import('../../test/project-fixtures.ts')).projectBody({ track: 'homologation' }),
    });
    const missing = await problem(
      p.ddsi.post('/api/acceptance-campaigns', campaignBody({ projectId: bare.json().id }, [])),
      422,
    );
    expect(missing.refusal?.code).toBe('evaluationMissing');
  });

  it('is for the DDSI, the DDFC/DC2R and administrators only; a bad body is a French 400', async () => {
    const { project } = await evaluatedWithoutBlockingItem(p);
    await problem(
      p.developer.post('/api/acceptance-campaigns', campaignBody({ projectId: project.id }, [])),
      403,
    );
    const bad = await problem(
      p.ddsi.post('/api/acceptance-campaigns', {
        ...campaignBody({ projectId: project.id }, []),
        runnerKind: 'x',
      }),
      400,
    );
    expect(bad.errors?.[0]?.field).toBe('runnerKind');
    const group = await problem(
      p.ddsi.post('/api/acceptance-campaigns', {
        ...campaignBody({ projectId: project.id }, []),
        runnerKind: 'officeGroup',
      }),
      422,
    );
    expect(group.errors?.[0]?.field).toBe('officeIds');
    const campaign = await open(project.id);
    expect(campaign).toMatchObject({ state: 'planned', track: 'labelling', versionLabel: '2.1.0' });
    expect(campaign.offices.map((o) => o.code)).toEqual(['CNR-64']);
    expect(campaign.testers.map((x) => x.id)).toEqual([tester.user.id]);
  });
});

describe('the campaign lifecycle', () => {
  it('runs from planned to report requested, held by its guards; only the national accountant signs', async () => {
    const { project } = await evaluatedWithoutBlockingItem(p);
    let campaign = await open(project.id);
    const empty = await problem(fireCampaign(p.ddsi, campaign.id, 'start'), 422);
    expect(empty.refusal?.code).toBe('noTestCase');

    await writeCase(campaign.id, 'CT-01');
    // The rest of the plan from a workbook, all or nothing.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRow(['Code', 'Titre', 'Étapes', 'Résultat attendu', 'Exigences', 'Domaines fonctionnels']);
    sheet.addRow([
      'CT-02',
      'Export CSV',
      'Exporter',
      'Un fichier',
      'SEC-02, cnil-01',
      'Export; Statistiques',
    ]);
    sheet.addRow(['CT-03', 'Droits', 'Se connecter sans droit', 'Refus', '', 'Habilitations']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const broken = new ExcelJS.Workbook();
    broken.addWorksheet('Plan').addRow(['Code', 'Titre']);
    broken.getWorksheet('Plan')?.addRow(['CT-01', 'Déjà pris']);
    const taken = await uploadFile(
      t.app,
      p.accountant,
      `/api/acceptance-campaigns/${campaign.id}/test-cases/import`,
      {
        name: 'plan.xlsx',
        content: Buffer.from(await broken.xlsx.writeBuffer()),
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    );
    expect(taken.statusCode, taken.body).toBe(409);
    const imported = await uploadFile(
      t.app,
      p.accountant,
      `/api/acceptance-campaigns/${campaign.id}/test-cases/import`,
      {
        name: 'plan.xlsx',
        content: bytes,
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    );
    expect(imported.statusCode, imported.body).toBe(201);
    campaign = imported.json();
    expect(campaign.cases.map((c) => c.code)).toEqual(['CT-01', 'CT-02', 'CT-03']);
    expect(campaign.cases[1]).toMatchObject({
      requirementCodes: ['SEC-02', 'CNIL-01'],
      functionalAreas: ['Export', 'Statistiques'],
    });

    await problem(
      p.developer.post(`/api/acceptance-campaigns/${campaign.id}/transitions`, {
        action: 'start',
        version: campaign.version,
      }),
      403,
    );
    campaign = await expectCampaign(fireCampaign(p.ddsi, campaign.id, 'start'));
    expect(campaign.state).toBe('inProgress');

    // Only named testers execute.
    await problem(
      outsider.post(
        `/api/acceptance-campaigns/${campaign.id}/test-cases/${campaign.cases[0]?.id}/executions`,
        {
          result: 'passed',
        },
      ),
      403,
    );
    campaign = await execute(tester.agent, campaign, 'CT-01', 'passed');
    campaign = await execute(tester.agent, campaign, 'CT-02', 'failed');
    expect(campaign.figures).toMatchObject({
      cases: 3,
      executed: 2,
      passed: 1,
      failed: 1,
      coverage: 66.7,
      passRate: 50,
    });

    campaign = await expectCampaign(
      tester.agent.post(`/api/acceptance-campaigns/${campaign.id}/anomalies`, {
        title: "L'export CSV coupe les accents",
        severity: 'blocking',
        caseId: campaign.cases[1]?.id,
      }),
      201,
    );
    const blocking = campaign.anomalies[0];
    expect(blocking).toMatchObject({ number: 1, status: 'open', severity: 'blocking' });
    const held = await problem(fireCampaign(p.ddsi, campaign.id, 'requestReport'), 422);
    expect(held.refusal?.code).toBe('blockingAnomalyOpen');

    // The project's developer names the fixing version, but cannot close; the tester re-tests and closes.
    const url = `/api/acceptance-campaigns/${campaign.id}/anomalies/${blocking?.id}`;
    const noVersion = await problem(p.developer.patch(url, { version: 1, status: 'fixed' }), 422);
    expect(noVersion.errors?.[0]?.field).toBe('fixedInVersion');
    campaign = await expectCampaign(
      p.developer.patch(url, { version: 1, status: 'fixed', fixedInVersion: '2.1.1' }),
    );
    await problem(p.developer.patch(url, { version: 2, status: 'closed' }), 403);
    await problem(p.developer.patch(url, { version: 1, status: 'closed' }), 409);
    campaign = await execute(tester.agent, campaign, 'CT-02', 'passed');
    campaign = await expectCampaign(tester.agent.patch(url, { version: 2, status: 'closed' }));
    expect(campaign.cases[1]?.executions.map((e) => e.result)).toEqual(['passed', 'failed']);
    campaign = await expectCampaign(
      tester.agent.post(`/api/acceptance-campaigns/${campaign.id}/anomalies`, {
        title: 'Libellé tronqué sur mobile',
        severity: 'minor',
      }),
      201,
    );

    campaign = await expectCampaign(fireCampaign(p.ddsi, campaign.id, 'requestReport'));
    expect(campaign.state).toBe('reportRequested');
    await problem(
      tester.agent.post(
        `/api/acceptance-campaigns/${campaign.id}/test-cases/${campaign.cases[2]?.id}/executions`,
        {
          result: 'passed',
        },
      ),
      409,
    );
    const sign = campaign.transitions.find((x) => x.action === 'sign');
    expect(sign?.allowed).toBe(false);
    expect(sign?.reason?.kind).toBe('notParty');
    const ddsi = await problem(fireCampaign(p.ddsi, campaign.id, 'sign', { decision: 'accepted' }), 403);
    expect(ddsi.detail).toContain('Agent comptable national');
    const admin = await problem(fireCampaign(p.admin, campaign.id, 'sign', { decision: 'accepted' }), 403);
    expect(admin.refusal?.code).toBe('notParty');
    const reservations = await problem(
      fireCampaign(p.accountant, campaign.id, 'sign', { decision: 'accepted' }),
      422,
    );
    expect(reservations.refusal?.code).toBe('reservationsOpen');
    const refusal = await problem(
      fireCampaign(p.accountant, campaign.id, 'sign', { decision: 'refused' }),
      422,
    );
    expect(refusal.refusal?.code).toBe('refusalNeedsWhatToFix');
    const audited = await t.db.select().from(auditEvents).where(eq(auditEvents.targetId, campaign.id));
    expect(audited.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'campaign.create',
        'campaign.start',
        'campaign.execute',
        'campaign.requestReport',
      ]),
    );
    // The audit journal names each of them in French and English.
    expect(
      audited.filter((e) => !AUDIT_ACTION_LABELS[e.action]?.fr || !AUDIT_ACTION_LABELS[e.action]?.en),
    ).toEqual([]);
    expect(AUDIT_TARGET_TYPE_LABELS.acceptanceCampaign?.fr).toBe('Campagne de recette');
  });

  it('is cancelled with a reason by its managers, and then nothing moves', async () => {
    const { project } = await evaluatedWithoutBlockingItem(p, 'homologation');
    const campaign = await open(project.id);
    const noReason = await problem(fireCampaign(p.ddsi, campaign.id, 'cancel'), 400);
    expect(noReason.errors?.[0]?.field).toBe('input.reason');
    const cancelled = await expectCampaign(
      fireCampaign(p.ddsi, campaign.id, 'cancel', { reason: 'Version retirée' }),
    );
    expect(cancelled.state).toBe('cancelled');
    await problem(fireCampaign(p.ddsi, campaign.id, 'start'), 409);
    const url = `/api/acceptance-campaigns/${campaign.id}/test-cases`;
    await problem(p.ddsi.post(url, { code: 'CT-09', title: 'Trop tard' }), 409);
    const listed = (await p.agent.get(`/api/acceptance-campaigns?projectId=${project.id}`)).json();
    expect(listed.items.map((c: { id: string; state: string }) => [c.id, c.state])).toEqual([
      [campaign.id, 'cancelled'],
    ]);
  });
});
