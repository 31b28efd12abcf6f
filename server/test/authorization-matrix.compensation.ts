import ExcelJS from 'exceljs';
import type { Role } from '../../common/roles.ts';
import type { Database } from '../db/client.ts';
import { agreementStatements, agreements, agreementTexts, effortEntries } from '../db/schema.ts';
import type { Cell, Fixtures, RouteCase, Scope } from './authorization-matrix.table.ts';

/**
 * Compensation's rows of the authorization matrix: effort of the "own" cell is the caller's office's
 * (CPAM-67), of the "other" cell another office's; each cell has its own lines, in a month of its own.
 */
export function compensationFixtures(db: Database, officeId: Record<Scope, string>) {
  let months = 0;
  return {
    /** A past month no other cell uses. */
    month() {
      months += 1;
      return `${1990 + Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}`;
    },
    async entry(cell: Cell, month: string) {
      const [row] = await db
        .insert(effortEntries)
        .values({
          organisationId: officeId[cell.scope],
          month,
          activity: 'maintenance',
          profile: 'developer',
          targetKind: 'nationalDevelopment',
          nationalLabel: 'Développement national',
          personDays: '2',
        })
        .returning({ id: effortEntries.id });
      return row?.id as string;
    },
    /** An agreement with the cell's office, with a first version of its text. */
    async agreement(cell: Cell, state: 'draft' | 'active' = 'draft') {
      const [row] = await db
        .insert(agreements)
        .values({
          title: `Convention ${cell.unique}`,
          organisationId: officeId[cell.scope],
          targetKind: 'nationalDevelopment',
          nationalLabel: 'Développement national',
          officeSignatory: 'Directrice',
          ddoSignatory: 'Directeur',
          periodStart: '2025-01',
          periodEnd: '2099-12',
          valuation: 'rateTable',
          ceilingCents: 100_000,
          statementFrequency: 'quarterly',
          state,
        })
        .returning({ id: agreements.id });
      await db
        .insert(agreementTexts)
        .values({ agreementId: row?.id as string, number: 1, body: 'Article 1.' });
      return row?.id as string;
    },
    /** A draft statement (first quarter of 2025) of an agreement in force with the cell's office. */
    async statement(cell: Cell) {
      const [row] = await db
        .insert(agreementStatements)
        .values({
          agreementId: await this.agreement(cell, 'active'),
          periodStart: '2025-01',
          periodEnd: '2025-03',
          valuation: 'rateTable',
          rateTableNumber: 1,
          rates: {
            developer: 52_000,
            leadDeveloper: 61_000,
            projectManager: 68_000,
            tester: 45_000,
            trainer: 50_000,
          },
          ceilingCents: 100_000,
          lines: [{ profile: 'developer', hundredths: 100, rateCents: 52_000, amountCents: 52_000 }],
          confirmedHundredths: 100,
          valuedCents: 52_000,
          alreadyPaidCents: 0,
          payableCents: 52_000,
          overCents: 0,
        })
        .returning({ id: agreementStatements.id });
      return row?.id as string;
    },
    /** A day later than every rate table published before. */
    effectiveFrom() {
      months += 1;
      return new Date(Date.UTC(2050, 0, 1 + months)).toISOString().slice(0, 10);
    },
    async workbook(month: string) {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Effort');
      sheet.addRow(['Mois', 'Activité', 'Profil', 'Cible', 'Référence', 'Jours-personnes']);
      sheet.addRow([month, 'Formation', 'Formateur', 'Développement national', 'Formation SK', 1]);
      return Buffer.from(await book.xlsx.writeBuffer());
    },
  };
}
export type CompensationFixtures = ReturnType<typeof compensationFixtures>;

export const NATIONAL_READERS: Role[] = [
  'operationsDirectorate',
  'nationalAccountant',
  'governanceBoard',
  'admin',
];
const RECORDERS: Role[] = ['officeDirector', 'developer', 'referent'];
/** The office's recorders on their own office, administrators anywhere. */
const recorderSide = (status: number) => (role: Role, scope: Scope) =>
  role === 'admin' || (RECORDERS.includes(role) && scope === 'own') ? status : 403;

export const COMPENSATION_MATRIX: Record<string, RouteCase> = {
  'GET /api/effort': {
    request: (cell, f: Fixtures) => ({
      url: `/api/effort?year=2024&organisationId=${cell.scope === 'own' ? cell.actor.organisationId : f.officeId.other}`,
    }),
    expected: (role, scope) =>
      NATIONAL_READERS.includes(role) || (RECORDERS.includes(role) && scope === 'own') ? 200 : 403,
    anonymous: 401,
  },
  'POST /api/effort': {
    request: (cell, f: Fixtures) => ({
      url: '/api/effort',
      body: {
        organisationId: f.officeId[cell.scope],
        month: f.compensation.month(),
        activity: 'support',
        profile: 'developer',
        target: { kind: 'nationalDevelopment', label: 'Développement national' },
        personDays: 1.5,
      },
    }),
    expected: recorderSide(201),
    anonymous: 401,
  },
  'POST /api/effort/:id/corrections': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/effort/${await f.compensation.entry(cell, f.compensation.month())}/corrections`,
      body: { personDays: -0.5, reason: 'Demi-journée comptée deux fois' },
    }),
    expected: recorderSide(201),
    anonymous: 401,
  },
  'POST /api/effort/confirmations': {
    request: async (cell, f: Fixtures) => {
      const month = f.compensation.month();
      await f.compensation.entry(cell, month);
      return { url: '/api/effort/confirmations', body: { organisationId: f.officeId[cell.scope], month } };
    },
    expected: (role, scope) => (role === 'officeDirector' && scope === 'own' ? 201 : 403),
    anonymous: 401,
  },
  'POST /api/effort/import': {
    request: async (_cell, f: Fixtures) => ({
      url: '/api/effort/import',
      upload: {
        file: { name: 'effort.xlsx', content: await f.compensation.workbook(f.compensation.month()) },
      },
    }),
    expected: (role) => (role === 'admin' || RECORDERS.includes(role) ? 201 : 403),
    anonymous: 401,
  },
};

/** The DDO (and administrators) anywhere; the office's director on its own office's agreements. */
const negotiators = (status: number) => (role: Role, scope: Scope) =>
  role === 'operationsDirectorate' || (role === 'officeDirector' && scope === 'own') ? status : 403;
export const agreementReaders = (status: number) => (role: Role, scope: Scope) =>
  NATIONAL_READERS.includes(role) || ((role === 'officeDirector' || role === 'developer') && scope === 'own')
    ? status
    : 403;
const RATES = {
  developer: 52_000,
  leadDeveloper: 61_000,
  projectManager: 68_000,
  tester: 45_000,
  trainer: 50_000,
};

export const AGREEMENT_MATRIX: Record<string, RouteCase> = {
  'GET /api/agreements': {
    request: () => ({ url: '/api/agreements?state=draft' }),
    expected: (role) =>
      NATIONAL_READERS.includes(role) || role === 'officeDirector' || role === 'developer' ? 200 : 403,
    anonymous: 401,
  },
  'POST /api/agreements': {
    request: (cell, f: Fixtures) => ({
      url: '/api/agreements',
      body: {
        title: `Convention ${cell.unique}`,
        organisationId: f.officeId[cell.scope],
        target: { kind: 'nationalDevelopment', label: 'Développement national' },
        officeSignatory: 'Directrice',
        ddoSignatory: 'Directeur',
        periodStart: '2025-01',
        periodEnd: '2026-12',
        valuation: 'flat',
        flatAmountCents: 500_000,
        ceilingCents: 500_000,
        commitments: ['club'],
        commitmentNote: '',
        statementFrequency: 'annual',
      },
    }),
    expected: (role) => (role === 'operationsDirectorate' || role === 'admin' ? 201 : 403),
    anonymous: 401,
  },
  'GET /api/agreements/:id': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/agreements/${await f.compensation.agreement(cell)}`,
    }),
    expected: agreementReaders(200),
    anonymous: 401,
  },
  'GET /api/agreements/:id/pdf': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/agreements/${await f.compensation.agreement(cell)}/pdf`,
    }),
    expected: agreementReaders(200),
    anonymous: 401,
  },
  'PATCH /api/agreements/:id': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/agreements/${await f.compensation.agreement(cell)}`,
      body: { version: 1, ceilingCents: 200_000 },
    }),
    expected: negotiators(200),
    anonymous: 401,
  },
  'POST /api/agreements/:id/texts': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/agreements/${await f.compensation.agreement(cell)}/texts`,
      body: { body: 'Article 1 revu.' },
    }),
    expected: negotiators(201),
    anonymous: 401,
  },
  'POST /api/agreements/:id/comments': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/agreements/${await f.compensation.agreement(cell)}/comments`,
      body: { textNumber: 1, body: 'D’accord sur l’article 1.' },
    }),
    expected: negotiators(201),
    anonymous: 401,
  },
  'POST /api/agreements/:id/amendments': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/agreements/${await f.compensation.agreement(cell, 'active')}/amendments`,
    }),
    expected: (role) => (role === 'operationsDirectorate' || role === 'admin' ? 201 : 403),
    anonymous: 401,
  },
  'POST /api/agreements/:id/transitions': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/agreements/${await f.compensation.agreement(cell)}/transitions`,
      body: { action: 'openNegotiation', version: 1 },
    }),
    expected: (role) => (role === 'operationsDirectorate' ? 200 : 403),
    anonymous: 401,
  },
  'GET /api/rate-tables': {
    request: () => ({ url: '/api/rate-tables' }),
    expected: () => 200,
    anonymous: 401,
  },
  'POST /api/rate-tables': {
    request: (_cell, f: Fixtures) => ({
      url: '/api/rate-tables',
      body: { effectiveFrom: f.compensation.effectiveFrom(), rates: RATES, note: '' },
    }),
    expected: (role) =>
      role === 'operationsDirectorate' || role === 'nationalAccountant' || role === 'admin' ? 201 : 403,
    anonymous: 401,
  },
};
