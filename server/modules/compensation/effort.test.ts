import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EffortYearDto } from '../../../common/schemas/effort.ts';
import { uploadFile } from '../../test/catalog-fixtures.ts';
import { compensationCast } from '../../test/compensation-fixtures.ts';
import {
  type Agent,
  createTestContext,
  organisationId,
  signUp,
  type TestContext,
} from '../../test/harness.ts';

let t: TestContext;
let developer: Agent;
let director: Agent;
let applicationId: string;
let applicationCode: string;
beforeAll(async () => {
  t = await createTestContext();
  ({ developer, director, applicationId, applicationCode } = await compensationCast(t));
});
afterAll(() => t.close());

/** Months of their own per test (no two tests share a month of CPAM-67). */
const line = (month: string, personDays = 3) => ({
  month,
  activity: 'maintenance',
  profile: 'developer',
  target: { kind: 'application', applicationId },
  personDays,
});
const yearOf = async (agent: Agent, year: number, office = '') =>
  (
    await agent.get(`/api/effort?year=${year}${office ? `&organisationId=${office}` : ''}`)
  ).json() as EffortYearDto;

describe('effort records', () => {
  it('records person-days against an application; the office and the national readers see them, others do not', async () => {
    const recorded = await developer.post('/api/effort', line('2024-01', 2.5));
    expect(recorded.statusCode).toBe(201);
    const year = recorded.json() as EffortYearDto;
    expect(year.entries).toHaveLength(1);
    expect(year.entries[0]).toMatchObject({ personDays: 2.5, effectiveDays: 2.5, kind: 'entry' });
    expect(year.entries[0]?.target.id).toBe(applicationId);
    expect(year.months[0]).toMatchObject({ month: '2024-01', totalDays: 2.5, confirmed: null });

    const office = await organisationId(t.db, 'CPAM-67');
    const stranger = (await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-13' })).agent;
    expect((await stranger.get(`/api/effort?year=2024&organisationId=${office}`)).statusCode).toBe(403);
    const accountant = (await signUp(t, { roles: ['nationalAccountant'], organisationCode: 'CNAM-DDFC' }))
      .agent;
    expect((await yearOf(accountant, 2024, office)).entries.map((e) => e.personDays)).toEqual([2.5]);
  });

  it('is confirmed by the director once the month is over; then only corrections, never edits', async () => {
    await developer.post('/api/effort', line('2024-02', 4));
    expect((await developer.post('/api/effort/confirmations', { month: '2024-02' })).statusCode).toBe(403);
    const confirmed = await director.post('/api/effort/confirmations', { month: '2024-02' });
    expect(confirmed.statusCode).toBe(201);
    expect((confirmed.json() as EffortYearDto).months[1]?.confirmed).not.toBeNull();
    const again = await director.post('/api/effort/confirmations', { month: '2024-02' });
    expect(again.statusCode).toBe(409);

    const late = await developer.post('/api/effort', line('2024-02', 1));
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('déclarez une correction');

    const original = (await yearOf(developer, 2024)).entries.find((e) => e.month === '2024-02');
    const corrected = await developer.post(`/api/effort/${original?.id}/corrections`, {
      personDays: -1.25,
      reason: 'Un jour de congé compté à tort',
    });
    expect(corrected.statusCode).toBe(201);
    const lines = (corrected.json() as EffortYearDto).entries.filter((e) => e.month === '2024-02');
    expect(lines.map((e) => [e.kind, e.personDays, e.effectiveDays])).toEqual([
      ['entry', 4, 2.75],
      ['correction', -1.25, null],
    ]);
    expect((corrected.json() as EffortYearDto).months[1]?.totalDays).toBe(2.75);
    const audit = (await t.db.execute(
      sql`SELECT before, after FROM audit_events WHERE action = 'effort.correct' AND target_id = ${original?.id}`,
    )) as {
      rows: { before: { personDays: number }; after: { personDays: number; monthConfirmed: boolean } }[];
    };
    expect(audit.rows).toEqual([
      expect.objectContaining({
        before: { personDays: 4 },
        after: expect.objectContaining({ personDays: 2.75, monthConfirmed: true }),
      }),
    ]);

    const negative = await developer.post(`/api/effort/${original?.id}/corrections`, {
      personDays: -3,
      reason: 'Trop retiré',
    });
    expect(negative.statusCode).toBe(422);
    expect(negative.json().errors[0].field).toBe('personDays');
    const correction = lines[1]?.id;
    const ofCorrection = await developer.post(`/api/effort/${correction}/corrections`, {
      personDays: 1,
      reason: 'Correction de correction',
    });
    expect(ofCorrection.statusCode).toBe(422);
  });

  it('confirms neither a month that is not over nor a month without effort', async () => {
    const future = await director.post('/api/effort/confirmations', { month: '2099-01' });
    expect(future.statusCode).toBe(422);
    expect(future.json().detail).toContain("n'est pas terminé");
    const empty = await director.post('/api/effort/confirmations', { month: '2024-11' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0].field).toBe('month');
  });

  it('answers bad input in French, naming the field', async () => {
    const bad = await developer.post('/api/effort', { ...line('2024-13'), personDays: 0.001 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['month', 'personDays']),
    );
    const unknownProject = await developer.post('/api/effort', {
      ...line('2024-03'),
      target: { kind: 'project', projectId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownProject.statusCode).toBe(422);
    expect(unknownProject.json().errors[0].field).toBe('target.projectId');
  });
});

describe('effort import', () => {
  const workbook = async (rows: (string | number)[][]) => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Effort');
    sheet.addRow(['Mois', 'Activité', 'Profil', 'Cible', 'Référence', 'Jours-personnes']);
    for (const row of rows) sheet.addRow(row);
    return { name: 'effort.xlsx', content: Buffer.from(await book.xlsx.writeBuffer()) };
  };

  it('imports a workbook all or nothing, each error naming its line and column in French', async () => {
    const broken = await workbook([
      ['2024-05', 'Maintenance', 'Développeur', 'Application', applicationCode, 3],
      ['2024-5', 'Maintenance', 'Développeur', 'Application', applicationCode, 2],
      ['2024-05', 'Jardinage', 'Développeur', 'Application', 'INCONNU', 1],
    ]);
    const refused = await uploadFile(t.app, developer, '/api/effort/import', broken);
    expect(refused.statusCode).toBe(422);
    const messages = refused.json().errors.map((e: { message: string }) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Ligne 3, colonne « Mois » : /),
        expect.stringMatching(/^Ligne 4, colonne « Activité » : /),
      ]),
    );
    expect((await yearOf(developer, 2024)).entries.filter((e) => e.month === '2024-05')).toEqual([]);

    const unknownCode = await uploadFile(
      t.app,
      developer,
      '/api/effort/import',
      await workbook([['2024-05', 'Recette', 'Testeur', 'Application', 'INCONNU', 1]]),
    );
    expect(unknownCode.statusCode).toBe(422);
    expect(unknownCode.json().errors[0].message).toBe(
      "Ligne 2, colonne « Référence » : aucune application du catalogue n'a le code « INCONNU ».",
    );

    const good = await workbook([
      ['2024-05', 'Maintenance', 'Développeur', 'Application', applicationCode, '3,5'],
      ['2024-06', 'support', 'Développeur référent', 'Développement national', 'Refonte AMELI', 1],
    ]);
    const imported = await uploadFile(t.app, developer, '/api/effort/import', good);
    expect(imported.statusCode).toBe(201);
    const entries = (imported.json() as EffortYearDto).entries.filter((e) => e.source === 'import');
    expect(entries.map((e) => [e.month, e.activity, e.profile, e.target.label, e.personDays])).toEqual([
      ['2024-05', 'maintenance', 'developer', expect.any(String), 3.5],
      ['2024-06', 'support', 'leadDeveloper', 'Refonte AMELI', 1],
    ]);
  });
});
