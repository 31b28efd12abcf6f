import { z } from 'zod';
import { REPORT_LIMITS, REPORT_STATES } from '../accessibility/vocabulary.ts';
import { longText, pageNumber, pageSize, text } from './common.ts';
import { lifecycleViewSchema, transitionSchema } from './lifecycle.ts';

/**
 * An accessibility problem, as anyone sends it from the statement page. The e-mail is where the answer
 * goes: required when signed out; signed in, the account's address is used when none is given.
 */
export const reportAccessibilityProblemSchema = z.object({
  pageUrl: text("L'adresse de la page", { missing: "Indiquez l'adresse de la page concernée." })
    .min(1, { error: "Indiquez l'adresse de la page concernée." })
    .max(REPORT_LIMITS.pageUrl, {
      error: `L'adresse de la page est limitée à ${REPORT_LIMITS.pageUrl} caractères.`,
    }),
  description: longText('La description', { missing: 'Décrivez le problème rencontré.' })
    .min(10, { error: 'Décrivez le problème rencontré (10 caractères au moins).' })
    .max(REPORT_LIMITS.description, {
      error: `La description est limitée à ${REPORT_LIMITS.description.toLocaleString('fr-FR')} caractères.`,
    }),
  name: text('Le nom')
    .max(REPORT_LIMITS.name, { error: `Le nom est limité à ${REPORT_LIMITS.name} caractères.` })
    .nullable()
    .optional(),
  email: text("L'adresse e-mail")
    .toLowerCase()
    .pipe(
      z
        .email({ error: "L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr)." })
        .max(REPORT_LIMITS.email, { error: "L'adresse e-mail est limitée à 254 caractères." }),
    )
    .nullable()
    .optional(),
});
export type ReportAccessibilityProblemInput = z.infer<typeof reportAccessibilityProblemSchema>;

/** What the sender learns: the report's reference and when it was received — nothing of anyone else's. */
export const accessibilityReceiptSchema = z.object({
  reference: z.string(),
  receivedAt: z.string(),
});
export type AccessibilityReceiptDto = z.infer<typeof accessibilityReceiptSchema>;

const stateSchema = z.enum(REPORT_STATES);

export const accessibilityReportSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  pageUrl: z.string(),
  description: z.string(),
  reporterName: z.string().nullable(),
  email: z.string(),
  /** The account that sent it, when signed in. */
  reporter: z.object({ id: z.uuid(), name: z.string(), office: z.string() }).nullable(),
  state: stateSchema,
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  transitions: z.array(transitionSchema),
  lifecycles: z.array(lifecycleViewSchema),
});
export type AccessibilityReportDto = z.infer<typeof accessibilityReportSchema>;

export const accessibilityReportListQuerySchema = z.object({
  state: z.enum(REPORT_STATES, { error: "L'état demandé est inconnu." }).optional(),
  page: pageNumber,
  pageSize: pageSize(100, 25),
});

export const accessibilityReportListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      pageUrl: z.string(),
      excerpt: z.string(),
      email: z.string(),
      state: stateSchema,
      createdAt: z.string(),
    }),
  ),
  total: z.number().int(),
  /** How many reports are in each state (the queue's tabs). */
  counts: z.record(stateSchema, z.number().int()),
});
export type AccessibilityReportListDto = z.infer<typeof accessibilityReportListSchema>;

/** A short reference people can quote: the first eight characters of the id, upper case. */
export const reportReference = (id: string) => `A11Y-${id.slice(0, 8).toUpperCase()}`;
