import { z } from 'zod';

export const livenessSchema = z.object({ status: z.literal('ok') });

/** Ready to serve: the database answers and every shipped migration is applied. */
export const readinessSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['ok', 'unreachable']),
  migrations: z.object({ expected: z.number(), applied: z.number() }),
});
