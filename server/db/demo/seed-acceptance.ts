import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { and, count, eq, inArray } from 'drizzle-orm';
import { pino } from 'pino';
import type { Config } from '../../config.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { TxContext } from '../../lib/context.ts';
import { signReport } from '../../modules/acceptance/reports.service.ts';
import type { Database } from '../client.ts';
import {
  acceptanceAnomalies,
  acceptanceCampaignOffices,
  acceptanceCampaigns,
  acceptanceCampaignTesters,
  acceptanceExecutions,
  acceptanceTestCases,
  auditEvents,
  organisations,
  projects,
  users,
} from '../schema.ts';

const TESTER = 'agent.rhone@mutualis.demo';
const ACCOUNTANT = 'comptable@mutualis.demo';
const DDSI = 'ddsi@mutualis.demo';
const SCRIPT = fileURLToPath(new URL('../../scripts/test-ca.sh', import.meta.url));

/**
 * The demo's signing certificate: when the configured key is the default one under the data directory
 * and is missing, the test authority script makes one (development only; never a production key).
 */
export async function ensureDemoSigningCertificate(config: Config) {
  const dir = path.join(config.dataDir, 'signing');
  if (path.dirname(config.signingKeyFile) !== dir) return;
  try {
    await access(config.signingKeyFile);
  } catch {
    await promisify(execFile)('bash', [SCRIPT, dir]);
  }
}

interface DemoCase {
  code: string;
  title: string;
  requirements: string[];
  area: string;
  results: ('passed' | 'failed' | 'blocked')[];
}
const CASES: DemoCase[] = [
  {
    code: 'CT-01',
    title: 'Connexion par l’annuaire de la caisse',
    requirements: ['SEC-01'],
    area: 'Habilitations',
    results: ['passed'],
  },
  {
    code: 'CT-02',
    title: 'Numérisation d’une pièce au guichet',
    requirements: ['TEC-01'],
    area: 'Accueil',
    results: ['failed', 'passed'],
  },
  {
    code: 'CT-03',
    title: 'Rattachement de la pièce au dossier',
    requirements: ['TEC-02'],
    area: 'Back-office',
    results: ['passed'],
  },
  {
    code: 'CT-04',
    title: 'Purge des pièces après 90 jours',
    requirements: ['CNIL-01'],
    area: 'Conformité',
    results: ['passed'],
  },
  {
    code: 'CT-05',
    title: 'Export des statistiques d’accueil',
    requirements: ['PAT-02'],
    area: 'Pilotage',
    results: ['blocked'],
  },
];

/**
 * Two acceptance campaigns: one signed with reservations by the national accountant — its report, a real
 * PAdES-signed PDF, opens the delivery of « Campagnes d’appels sortants » and homologates its sheet — and
 * one in progress for « Numérisation des pièces justificatives à l’accueil », run by a group of offices,
 * with a major anomaly fixed and awaiting its re-test.
 */
export async function seedDemoAcceptance(db: Database, config: Config): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(acceptanceCampaigns);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const people = new Map(
    (
      await db
        .select({ id: users.id, email: users.email, organisationId: users.organisationId })
        .from(users)
        .where(inArray(users.email, [TESTER, ACCOUNTANT, DDSI]))
    ).map((u) => [u.email, u]),
  );
  const offices = new Map(
    (await db.select({ id: organisations.id, code: organisations.code }).from(organisations)).map((o) => [
      o.code,
      o.id,
    ]),
  );
  const projectId = async (title: string) =>
    (await db.select({ id: projects.id }).from(projects).where(eq(projects.title, title)))[0]?.id;
  const signedProject = await projectId('Campagnes d’appels sortants');
  const runningProject = await projectId('Numérisation des pièces justificatives à l’accueil');
  const tester = people.get(TESTER);
  const accountant = people.get(ACCOUNTANT);
  if (!signedProject || !runningProject || !tester || !accountant) return { created: 0 };
  await ensureDemoSigningCertificate(config);

  return db.transaction(async (tx) => {
    const campaign = async (values: typeof acceptanceCampaigns.$inferInsert, officeCodes: string[]) => {
      const [row] = await tx.insert(acceptanceCampaigns).values(values).returning();
      if (!row) throw new Error('demo campaign not inserted');
      await tx
        .insert(acceptanceCampaignOffices)
        .values(
          officeCodes.map((code) => ({ campaignId: row.id, organisationId: offices.get(code) as string })),
        );
      await tx.insert(acceptanceCampaignTesters).values({ campaignId: row.id, userId: tester.id });
      for (const [index, c] of CASES.entries()) {
        const [testCase] = await tx
          .insert(acceptanceTestCases)
          .values({
            campaignId: row.id,
            code: c.code,
            title: c.title,
            steps: 'Suivre le mode opératoire de la recette nationale.',
            expectedResult: 'Le résultat décrit au cahier de recette.',
            requirementCodes: c.requirements,
            functionalAreas: [c.area],
            position: index + 1,
          })
          .returning({ id: acceptanceTestCases.id });
        for (const [n, result] of c.results.entries())
          await tx.insert(acceptanceExecutions).values({
            caseId: testCase?.id as string,
            campaignId: row.id,
            result,
            testerId: tester.id,
            executedOn: `2026-10-${String(5 + n * 7).padStart(2, '0')}`,
            versionLabel: n === 0 ? values.versionLabel : `${values.versionLabel}.1`,
            createdAt: new Date(Date.UTC(2026, 9, 5 + n * 7, 9, index)),
          });
      }
      return row;
    };

    const signed = await campaign(
      {
        title: 'Recette nationale de la version 3.0',
        projectId: signedProject,
        track: 'homologation',
        versionLabel: '3.0',
        runnerKind: 'nationalCentre',
        state: 'reportRequested',
        plannedStart: '2026-10-01',
        plannedEnd: '2026-10-31',
      },
      ['CNR-64'],
    );
    await tx.insert(acceptanceAnomalies).values([
      {
        campaignId: signed.id,
        number: 1,
        title: 'Le script d’appel ne reprend pas la civilité de l’assuré',
        severity: 'blocking',
        status: 'closed',
        fixedInVersion: '3.0.1',
        raisedBy: tester.id,
      },
      {
        campaignId: signed.id,
        number: 2,
        title: 'L’export des statistiques ne répond pas au-delà d’un an',
        severity: 'minor',
        status: 'open',
        raisedBy: tester.id,
      },
    ]);
    const ctx: TxContext = {
      actor: {
        userId: accountant.id,
        organisationId: accountant.organisationId,
        roles: ['nationalAccountant'],
        sessionId: 'demo',
        csrfToken: '',
      },
      db: tx,
      log: pino({ level: 'silent' }),
      requestId: null,
    };
    const input = {
      decision: 'acceptedWithReservations' as const,
      observations: 'La réserve AN-2 sera levée à la version 3.1.',
    };
    // The steps the campaign went through, as the executor would have recorded them (by the DDSI).
    const ddsi = people.get(DDSI);
    const steering: TxContext = ddsi
      ? {
          ...ctx,
          actor: {
            userId: ddsi.id,
            organisationId: ddsi.organisationId,
            roles: ['itDirectorate'],
            sessionId: 'demo',
            csrfToken: '',
          },
        }
      : ctx;
    for (const [transition, from, to] of [
      ['start', 'planned', 'inProgress'],
      ['requestReport', 'inProgress', 'reportRequested'],
    ] as const)
      await recordAudit(steering, {
        action: `campaign.${transition}`,
        targetType: 'acceptanceCampaign',
        targetId: signed.id,
        details: { lifecycle: 'acceptanceCampaign', transition, from, to, input: null },
      });
    // Dated as the campaign ran: planned in September, started with its period, the report asked for after
    // the last execution (26 October); the signature is the report's own time.
    await tx
      .update(acceptanceCampaigns)
      .set({ createdAt: new Date('2026-09-15T08:00:00Z') })
      .where(eq(acceptanceCampaigns.id, signed.id));
    for (const [action, at] of [
      ['campaign.start', '2026-10-01T07:30:00Z'],
      ['campaign.requestReport', '2026-11-03T13:00:00Z'],
    ] as const)
      await tx
        .update(auditEvents)
        .set({ occurredAt: new Date(at) })
        .where(and(eq(auditEvents.targetId, signed.id), eq(auditEvents.action, action)));
    await signReport(ctx, signed, input, config);
    await tx
      .update(acceptanceCampaigns)
      .set({ state: 'acceptedWithReservations', version: signed.version + 1 })
      .where(eq(acceptanceCampaigns.id, signed.id));
    await recordAudit(ctx, {
      action: 'campaign.sign',
      targetType: 'acceptanceCampaign',
      targetId: signed.id,
      details: {
        lifecycle: 'acceptanceCampaign',
        transition: 'sign',
        from: 'reportRequested',
        to: 'acceptedWithReservations',
        input,
      },
    });

    const running = await campaign(
      {
        title: 'Recette de la version 1.4 par les caisses pilotes',
        projectId: runningProject,
        track: 'labelling',
        versionLabel: '1.4',
        runnerKind: 'officeGroup',
        state: 'inProgress',
        plannedStart: '2026-11-02',
        plannedEnd: '2026-12-18',
      },
      ['CTI-NE', 'CPAM-69'],
    );
    await tx.insert(acceptanceAnomalies).values({
      campaignId: running.id,
      number: 1,
      title: 'La numérisation échoue sur les pièces recto verso',
      severity: 'major',
      status: 'fixed',
      fixedInVersion: '1.4.1',
      raisedBy: tester.id,
    });
    return { created: 2 };
  });
}
