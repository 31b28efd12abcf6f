import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatShareCents, statementPeriods } from '../../../common/compensation/statements.ts';
import type { AgreementStatementsDto, StatementDto } from '../../../common/schemas/statements.ts';
import {
  activeAgreement,
  type CompensationCast,
  compensationCast,
  confirmedEffort,
} from '../../test/compensation-fixtures.ts';
import { type Agent, createTestContext, signUp, type TestContext } from '../../test/harness.ts';
import { decimalComma } from './statement-export.ts';

let t: TestContext;
let cast: CompensationCast;
let ddo: Agent;
beforeAll(async () => {
  t = await createTestContext();
  cast = await compensationCast(t);
  ddo = cast.ddo;
});
afterAll(() => t.close());

const compute = (agreementId: string, periodStart: string) =>
  ddo.post(`/api/agreements/${agreementId}/statements`, { periodStart });
const fire = (agent: Agent, s: { id: string; version: number }, action: string) =>
  agent.post(`/api/statements/${s.id}/transitions`, { action, version: s.version });

describe('the schedule of statements', () => {
  it('cuts the period by the frequency, the last period at the agreement’s end, and shares a flat amount to the cent', () => {
    expect(
      statementPeriods({ periodStart: '2025-11', periodEnd: '2026-04', statementFrequency: 'quarterly' }),
    ).toEqual([
      { start: '2025-11', end: '2026-01' },
      { start: '2026-02', end: '2026-04' },
    ]);
    expect(
      statementPeriods({ periodStart: '2025-01', periodEnd: '2025-08', statementFrequency: 'semiannual' }),
    ).toEqual([
      { start: '2025-01', end: '2025-06' },
      { start: '2025-07', end: '2025-08' },
    ]);
    expect([0, 1, 2].map((i) => flatShareCents(100_000, i, 3))).toEqual([33_333, 33_333, 33_334]);
    expect(decimalComma(180_750)).toBe('1807,50');
    expect(decimalComma(-5)).toBe('-0,05');
  });
});

describe('statements of an agreement (worked example, to the cent)', () => {
  let agreementId: string;
  let first: StatementDto;
  let second: StatementDto;
  beforeAll(async () => {
    agreementId = (await activeAgreement(cast, { ceilingCents: 500_000 })).id;
    await confirmedEffort(cast, [
      { month: '2025-01', profile: 'developer', personDays: 3.5 },
      { month: '2025-02', profile: 'leadDeveloper', personDays: 2.25 },
      { month: '2025-04', profile: 'developer', personDays: 2.5 },
      { month: '2025-05', profile: 'leadDeveloper', personDays: 1.1 },
      { month: '2025-07', profile: 'developer', personDays: 1 },
    ]);
  });

  it('values the first quarter at the rate table in force on its first day, within the ceiling', async () => {
    // Version 1 (from 2025-01-01): developer 520.00 €, lead developer 610.00 €.
    // 3.5 d × 520.00 € = 1 820.00 €; 2.25 d × 610.00 € = 1 372.50 €; valued 3 192.50 €, all under the
    // ceiling of 5 000.00 €: payable 3 192.50 €, nothing over.
    const response = await compute(agreementId, '2025-01');
    expect(response.statusCode).toBe(201);
    first = response.json();
    expect(first).toMatchObject({
      periodStart: '2025-01',
      periodEnd: '2025-03',
      state: 'draft',
      rateTableNumber: 1,
      confirmedDays: 5.75,
      valuedCents: 319_250,
      alreadyPaidCents: 0,
      payableCents: 319_250,
      overCents: 0,
    });
    expect(first.lines.map((l) => [l.profile, l.days, l.rateCents, l.amountCents])).toEqual([
      ['developer', 3.5, 52_000, 182_000],
      ['leadDeveloper', 2.25, 61_000, 137_250],
    ]);
  });

  it('freezes the rates: a new version values the next quarter, the first statement is unchanged', async () => {
    const published = await ddo.post('/api/rate-tables', {
      effectiveFrom: '2025-04-01',
      rates: {
        developer: 53_333,
        leadDeveloper: 62_777,
        projectManager: 70_000,
        tester: 46_000,
        trainer: 51_000,
      },
      note: 'Revalorisation au 1er avril',
    });
    expect(published.statusCode).toBe(201);
    // Version 2: 2.5 d × 533.33 € = 1 333.325 € → 1 333.33 €; 1.1 d × 627.77 € = 690.547 € → 690.55 €.
    // Valued 2 023.88 €; the ceiling leaves 5 000.00 − 3 192.50 = 1 807.50 €: payable 1 807.50 €, over 216.38 €.
    const response = await compute(agreementId, '2025-04');
    expect(response.statusCode).toBe(201);
    second = response.json();
    expect(second).toMatchObject({
      rateTableNumber: 2,
      valuedCents: 202_388,
      alreadyPaidCents: 319_250,
      payableCents: 180_750,
      overCents: 21_638,
    });
    expect(second.lines.map((l) => l.amountCents)).toEqual([133_333, 69_055]);
    const again = (await ddo.get(`/api/statements/${first.id}`)).json() as StatementDto;
    expect(again).toMatchObject({ rateTableNumber: 1, valuedCents: 319_250, payableCents: 319_250 });
    expect(again.rates?.developer).toBe(52_000);
  });

  it('pays nothing once the ceiling is reached, and shows all of it over', async () => {
    // 1 d × 533.33 € = 533.33 €, with 5 000.00 € already committed.
    const third = (await compute(agreementId, '2025-07')).json() as StatementDto;
    expect(third).toMatchObject({ valuedCents: 53_333, payableCents: 0, overCents: 53_333 });
    const withdrawn = await fire(ddo, third, 'withdraw');
    expect(withdrawn.json().state).toBe('withdrawn');
    // The period is free again.
    expect((await compute(agreementId, '2025-07')).statusCode).toBe(201);
    const schedule = (
      await ddo.get(`/api/agreements/${agreementId}/statements`)
    ).json() as AgreementStatementsDto;
    expect(schedule.items.map((s) => s.periodStart)).toEqual(['2025-01', '2025-04', '2025-07']);
    expect(schedule.committedCents).toBe(500_000);
    expect(schedule.periods[0]).toMatchObject({
      start: '2025-01',
      end: '2025-03',
      over: true,
      statementId: first.id,
    });
  });

  it('is validated by the DDO only, and a validated statement is not withdrawn', async () => {
    expect((await fire(cast.director, first, 'validate')).statusCode).toBe(403);
    const validated = await fire(ddo, first, 'validate');
    expect(validated.statusCode).toBe(200);
    expect(validated.json()).toMatchObject({ state: 'validated' });
    expect(validated.json().validatedAt).not.toBeNull();
    const late = await fire(ddo, validated.json(), 'withdraw');
    expect(late.statusCode).toBe(409);
  });

  it('refuses a period that does not open one, that is not over, or that has its statement, in French', async () => {
    const misaligned = await compute(agreementId, '2025-02');
    expect(misaligned.statusCode).toBe(422);
    expect(misaligned.json().errors[0]).toMatchObject({ field: 'periodStart' });
    expect(misaligned.json().detail).toContain('2025-01, 2025-04');
    const future = await compute(agreementId, '2099-10');
    expect(future.statusCode).toBe(422);
    expect(future.json().detail).toContain('2099-12');
    const twice = await compute(agreementId, '2025-01');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0].field).toBe('periodStart');
    const badMonth = await compute(agreementId, '2025-1');
    expect(badMonth.statusCode).toBe(400);
    expect(badMonth.json().errors[0].field).toBe('periodStart');
    expect(
      (await cast.director.post(`/api/agreements/${agreementId}/statements`, { periodStart: '2025-10' }))
        .statusCode,
    ).toBe(403);
  });

  it('is read by the office and the national readers, not by another office', async () => {
    expect((await cast.director.get(`/api/statements/${second.id}`)).statusCode).toBe(200);
    const mine = (await cast.director.get(`/api/agreements/${agreementId}/statements`)).json();
    expect(mine.mayCompute).toBe(false);
    const stranger = (await signUp(t, { roles: ['officeDirector'], organisationCode: 'CPAM-13' })).agent;
    expect((await stranger.get(`/api/statements/${second.id}`)).statusCode).toBe(403);
    expect((await stranger.get(`/api/statements/${second.id}/export?format=csv`)).statusCode).toBe(403);
  });

  it('exports for accounting: CSV with a BOM, semicolons and decimal commas; XLSX with the detail', async () => {
    const csv = await ddo.get(`/api/statements/${second.id}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('.csv');
    expect(csv.body.startsWith('\uFEFFRéférence;Code organisme;')).toBe(true);
    const [, row] = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    const cells = row?.split(';') ?? [];
    expect(cells.slice(1, 2)).toEqual(['CPAM-67']);
    expect(cells.slice(9, 15)).toEqual(['3,6', '2023,88', '3192,50', '5000,00', '1807,50', '216,38']);

    const xlsx = await ddo.get(`/api/statements/${second.id}/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet('Relevé')?.getRow(2).getCell(14).value).toBe(1807.5);
    expect(book.getWorksheet('Détail')?.getRow(3).values).toEqual([
      undefined,
      'Développeur référent',
      1.1,
      627.77,
      690.55,
    ]);
    const bad = await ddo.get(`/api/statements/${second.id}/export?format=pdf`);
    expect(bad.statusCode).toBe(400);
  });
});

describe('statements of a flat agreement', () => {
  it('shares the flat amount between the periods, to the cent, within the ceiling', async () => {
    // 150 000.00 € over 2025-01 … 2099-12, half-yearly: 150 periods of 1 000.00 € each; the ceiling of
    // 2 500.00 € leaves 500.00 € for the third.
    const flat = await activeAgreement(cast, {
      valuation: 'flat',
      flatAmountCents: 15_000_000,
      ceilingCents: 250_000,
      statementFrequency: 'semiannual',
    });
    const amounts = [];
    for (const month of ['2025-01', '2025-07', '2026-01']) {
      const s = (await compute(flat.id, month)).json() as StatementDto;
      amounts.push([s.flatShareCents, s.valuedCents, s.payableCents, s.overCents]);
    }
    expect(amounts).toEqual([
      [100_000, 100_000, 100_000, 0],
      [100_000, 100_000, 100_000, 0],
      [100_000, 100_000, 50_000, 50_000],
    ]);
  });

  it('is computed for an agreement in force or closed only', async () => {
    const draft = await ddo.post('/api/agreements', {
      title: 'Brouillon',
      organisationId: cast.office,
      target: { kind: 'application', applicationId: cast.applicationId },
      officeSignatory: 'A',
      ddoSignatory: 'B',
      periodStart: '2025-01',
      periodEnd: '2025-12',
      valuation: 'flat',
      flatAmountCents: 1_000,
      ceilingCents: 1_000,
      commitments: [],
      commitmentNote: '',
      statementFrequency: 'annual',
    });
    const refused = await compute(draft.json().id, '2025-01');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('en vigueur');
  });
});
