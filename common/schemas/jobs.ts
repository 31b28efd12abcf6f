import { z } from 'zod';
import { pageNumber, pageSize } from './common.ts';

/** Where a job stands: waiting (or waiting again after a failed attempt), done, or given up. */
export const JOB_STATES = ['pending', 'failed', 'delivered'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const jobListQuerySchema = z.object({
  state: z.enum(JOB_STATES, { error: "L'état vaut pending, failed ou delivered." }).optional(),
  page: pageNumber,
  pageSize: pageSize(200, 50),
});
export type JobListQuery = z.infer<typeof jobListQuerySchema>;

export const jobIdParamsSchema = z.object({
  id: z.coerce
    .number({ error: "L'identifiant du travail est un nombre." })
    .int({ error: "L'identifiant du travail est un nombre entier." })
    .min(1, { error: "L'identifiant du travail commence à 1." })
    .max(Number.MAX_SAFE_INTEGER, { error: "L'identifiant du travail n'est pas valide." }),
});

export const jobSchema = z
  .object({
    id: z.number().int(),
    topic: z.string(),
    state: z.enum(JOB_STATES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    availableAt: z.string(),
    deliveredAt: z.string().nullable(),
    failedAt: z.string().nullable(),
  })
  .meta({ id: 'Job' });
export type JobDto = z.infer<typeof jobSchema>;

export const jobListSchema = z
  .object({
    items: z.array(jobSchema),
    total: z.number().int(),
    /** How many jobs stand in each state, whatever the filter. */
    counts: z.object({ pending: z.number().int(), failed: z.number().int(), delivered: z.number().int() }),
    /** Who runs them: pg-boss in this database, or in-process runs (tests, the CLI). */
    runner: z.enum(['pg-boss', 'inline']),
    /** E-mail goes to an SMTP server, or only to the log when none is configured. */
    mail: z.object({ mode: z.enum(['smtp', 'log']), from: z.string() }),
  })
  .meta({ id: 'JobList' });
export type JobListDto = z.infer<typeof jobListSchema>;
