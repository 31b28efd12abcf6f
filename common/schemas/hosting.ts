import { z } from 'zod';
import { ENVIRONMENTS } from '../store/vocabulary.ts';
import { rowVersion } from './common.ts';
import { labelSchema } from './lifecycle.ts';

/** Hosting costs on AM Cloud: price lists, costs month by month, allocation, savings, budgets (cents). */

const MONTH = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;
const month = (label: string) =>
  z.string({ error: `${label} est un mois au format AAAA-MM.` }).regex(MONTH, {
    error: `${label} est un mois au format AAAA-MM (2026-06).`,
  });

export const costsQuerySchema = z
  .object({
    from: month('Le premier mois').optional(),
    to: month('Le dernier mois').optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    error: 'Le premier mois précède le dernier.',
    path: ['from'],
  })
  .refine(
    (q) => {
      if (!q.from || !q.to) return true;
      const [fy, fm] = q.from.split('-').map(Number) as [number, number];
      const [ty, tm] = q.to.split('-').map(Number) as [number, number];
      return (ty - fy) * 12 + (tm - fm) < 36;
    },
    { error: 'La période couvre au plus 36 mois.', path: ['to'] },
  );
export type CostsQuery = z.infer<typeof costsQuerySchema>;

const resourcesSchema = z.object({ vcpu: z.number(), memoryGb: z.number(), storageGb: z.number() });

export const priceListSchema = z.object({
  version: z.number().int(),
  effectiveFrom: z.string(),
  label: z.string(),
  vcpuCents: z.number().int(),
  memoryGbCents: z.number().int(),
  storageGbCents: z.number().int(),
  sizing: z.object({
    base: resourcesSchema,
    block: resourcesSchema.extend({ users: z.number().int() }),
    environmentPercent: z.object({
      production: z.number(),
      preproduction: z.number(),
      training: z.number(),
    }),
  }),
});
export const priceListsSchema = z.object({ items: z.array(priceListSchema) });
export type PriceListDto = z.infer<typeof priceListSchema>;

/** One line of a series: an application, an office or a region, its cost for each month and in all. */
const seriesSchema = z.object({
  key: z.string(),
  label: z.string(),
  monthsCents: z.array(z.number().int()),
  totalCents: z.number().int(),
});

const budgetSchema = z.object({
  id: z.uuid(),
  organisation: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  amountCents: z.number().int(),
  consumedCents: z.number().int(),
  percent: z.number().int(),
  alerts: z.array(z.object({ threshold: z.number().int(), reachedAt: z.string() })),
  version: z.number().int(),
});
export type BudgetDto = z.infer<typeof budgetSchema>;

export const costReportSchema = z.object({
  months: z.array(z.string()),
  rules: z.object({ allocation: labelSchema, savings: labelSchema }),
  totals: z.object({ monthsCents: z.array(z.number().int()), totalCents: z.number().int() }),
  byApplication: z.array(seriesSchema),
  byOffice: z.array(seriesSchema.extend({ region: z.string() })),
  byRegion: z.array(seriesSchema),
  savings: z.object({
    standaloneMonthsCents: z.array(z.number().int()),
    savedMonthsCents: z.array(z.number().int()),
    totalSavedCents: z.number().int(),
  }),
  /** The last month's instances: resources, price list, cost and each office's share. */
  instances: z.array(
    z.object({
      application: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
      month: z.string(),
      priceListVersion: z.number().int(),
      users: z.number().int(),
      environments: z.array(z.enum(ENVIRONMENTS)),
      resources: resourcesSchema,
      costCents: z.number().int(),
      standaloneCents: z.number().int(),
      shares: z.array(
        z.object({
          tenantId: z.uuid(),
          organisation: z.object({ id: z.uuid(), name: z.string() }),
          users: z.number().int(),
          percent: z.number(),
          shareCents: z.number().int(),
          standaloneCents: z.number().int(),
        }),
      ),
    }),
  ),
  budgets: z.array(budgetSchema),
  thresholds: z.array(z.number().int()),
});
export type CostReportDto = z.infer<typeof costReportSchema>;

/**
 * What a deployment's tenant costs this month, on its request's page: the application's shared instance
 * (resources, environments, monthly cost from the price list in force) and the share allocated to this
 * office by the rule sent beside it. Cents.
 */
export const tenantHostingSchema = z
  .object({
    month: z.string(),
    priceList: z.object({ version: z.number().int(), label: z.string() }),
    instance: z.object({
      tenants: z.number().int(),
      users: z.number().int(),
      environments: z.array(z.enum(ENVIRONMENTS)),
      resources: resourcesSchema,
      costCents: z.number().int(),
    }),
    share: z.object({
      users: z.number().int(),
      percent: z.number(),
      shareCents: z.number().int(),
      /** What an instance of its own would cost this office (its users and environments only). */
      standaloneCents: z.number().int(),
    }),
    rule: labelSchema,
  })
  .meta({ id: 'TenantHosting' });
export type TenantHostingDto = z.infer<typeof tenantHostingSchema>;

export const budgetBodySchema = z.object({
  organisationId: z.uuid({ error: "L'organisme n'est pas valide." }),
  year: z
    .number({ error: "L'année est un nombre." })
    .int({ error: "L'année est un nombre entier." })
    .min(2000, { error: "L'année va de 2000 à 2100." })
    .max(2100, { error: "L'année va de 2000 à 2100." }),
  amountEuros: z
    .number({ error: 'Le montant est un nombre (euros).' })
    .min(0, { error: 'Le montant est positif ou nul.' })
    .max(20_000_000, { error: 'Le montant va au plus à 20 000 000 €.' }),
  /** The version read, to change an existing budget (409 when stale); absent to create one. */
  version: rowVersion.optional(),
});
export type BudgetBody = z.infer<typeof budgetBodySchema>;
export const budgetAnswerSchema = budgetSchema;
