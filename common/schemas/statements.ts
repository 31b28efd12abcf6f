import { z } from 'zod';
import { EFFORT_PROFILES, STATEMENT_STATES, VALUATION_RULES } from '../compensation/vocabulary.ts';
import { valuationSchema } from './agreements.ts';
import { month, targetRefSchema } from './effort.ts';
import { costsQuerySchema } from './hosting.ts';
import { labelSchema, lifecycleViewSchema, transitionSchema } from './lifecycle.ts';

/** The statements of an agreement and the network balance: the API's shapes. */

// ——— Inputs ———

export const computeStatementSchema = z.object({
  periodStart: month('Le premier mois de la période du relevé'),
});
export type ComputeStatementInput = z.infer<typeof computeStatementSchema>;

export const statementExportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx'], { error: 'Le format d’export vaut csv ou xlsx.' }),
});

/** A period of months, at most 36, the last twelve by default. */
export const balanceQuerySchema = costsQuerySchema;

// ——— Outputs ———

const officeRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const statementSummarySchema = z.object({
  id: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  state: z.enum(STATEMENT_STATES),
  valuedCents: z.number(),
  payableCents: z.number(),
  overCents: z.number(),
  createdAt: z.string(),
});
export type StatementSummaryDto = z.infer<typeof statementSummarySchema>;

export const statementSchema = statementSummarySchema.extend({
  agreement: z.object({
    id: z.string(),
    title: z.string(),
    office: officeRef,
    target: targetRefSchema,
  }),
  valuation: z.enum(VALUATION_RULES),
  rateTableNumber: z.number().nullable(),
  rates: z.record(z.enum(EFFORT_PROFILES), z.number()).nullable(),
  flatShareCents: z.number().nullable(),
  ceilingCents: z.number(),
  lines: valuationSchema.shape.lines,
  confirmedDays: z.number(),
  alreadyPaidCents: z.number(),
  /** When the DDO validated it. */
  validatedAt: z.string().nullable(),
  rule: labelSchema,
  version: z.number(),
  transitions: z.array(transitionSchema),
  lifecycles: z.array(lifecycleViewSchema),
});
export type StatementDto = z.infer<typeof statementSchema>;

/** An agreement's statements, its schedule of periods (each with its live statement, if any). */
export const agreementStatementsSchema = z.object({
  items: z.array(statementSummarySchema),
  periods: z.array(
    z.object({
      start: z.string(),
      end: z.string(),
      /** Over, so that its statement may be computed. */
      over: z.boolean(),
      statementId: z.string().nullable(),
    }),
  ),
  committedCents: z.number(),
  ceilingCents: z.number(),
  mayCompute: z.boolean(),
});
export type AgreementStatementsDto = z.infer<typeof agreementStatementsSchema>;

export const networkBalanceSchema = z.object({
  months: z.array(z.string()),
  rules: z.object({ usage: labelSchema, savings: labelSchema, allocation: labelSchema }),
  offices: z.array(
    z.object({
      office: officeRef,
      /** Confirmed person-days given, month by month, and their value at the rate table. */
      effortDays: z.array(z.number()),
      effortValueCents: z.number(),
      /** Declared users of applications designed by other offices, at each month's end. */
      usersOfOthers: z.array(z.number()),
      applicationsOfOthers: z.number(),
      /** Its share of the hosting cost of others' applications, month by month. */
      hostingShareCents: z.array(z.number()),
      totalEffortDays: z.number(),
      totalHostingShareCents: z.number(),
    }),
  ),
  applications: z.array(
    z.object({
      application: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      designer: officeRef,
      effortDays: z.number(),
      effortValueCents: z.number(),
      contributors: z.number(),
      officesServed: z.number(),
      savedCents: z.number(),
    }),
  ),
  savings: z.object({
    effortSavedCents: z.number(),
    hostingSavedCents: z.number(),
    totalSavedCents: z.number(),
  }),
});
export type NetworkBalanceDto = z.infer<typeof networkBalanceSchema>;
