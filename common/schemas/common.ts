import { z } from 'zod';

export const idParamsSchema = z.object({ id: z.uuid({ error: "L'identifiant n'est pas valide." }) });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    code: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    /** A lifecycle refusal (403 not a party, 409 wrong state, 422 guard): its code and parameters. */
    refusal: z
      .object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })
      .optional(),
  })
  .meta({ id: 'Problem' });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
