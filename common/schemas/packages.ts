import { z } from 'zod';

/**
 * The shared Composer packages (starter kit, connectors to the national information system) as the portal
 * last read them from the Composer repository, and which applications require which version (from their
 * composer.lock on the forge). `behind`: the application's version is older than the newest tagged one.
 */
export const packagesPageSchema = z
  .object({
    configured: z.boolean(),
    /** `demo`: demonstration data, said so on the page. */
    source: z.enum(['composer', 'demo']).nullable(),
    fetchedAt: z.string().nullable(),
    /** The last attempt to read the repository failed: the list is the one of `fetchedAt`. */
    lastError: z.string().nullable(),
    packages: z.array(
      z.object({
        name: z.string(),
        description: z.string(),
        latest: z.string().nullable(),
        licences: z.array(z.string()),
        versions: z.array(
          z.object({ version: z.string(), releasedAt: z.string().nullable(), licences: z.array(z.string()) }),
        ),
        users: z.array(
          z.object({
            applicationId: z.string(),
            applicationName: z.string(),
            version: z.string(),
            behind: z.boolean(),
          }),
        ),
        behindCount: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'PackagesPage' });
export type PackagesPageDto = z.infer<typeof packagesPageSchema>;
