import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  CERTIFICATION_STATUSES,
  HOSTINGS,
  LIFECYCLE_STAGES,
  PERSONAL_DATA_CATEGORIES,
  TRACKS,
} from '../../../common/catalog/vocabulary.ts';

/**
 * The demo catalogue (catalogue.json): realistic local applications of the network, with groups that
 * answer the same need (leave, undue payments, appointments, mail, sick-leave control…) so that the usage map and its
 * redundancies mean something, and two sheets of different offices with the same name. `uses` is how many offices
 * use it: the designer office counts while the sheet is in production, the others declare their use.
 */

const demoApplicationSchema = z.object({
  code: z.string(),
  name: z.string(),
  summary: z.string(),
  /** Markdown, written for this sheet alone (a search must not find every sheet by a shared sentence). */
  description: z.string().min(1),
  domain: z.string(),
  designer: z.string(),
  track: z.enum(TRACKS),
  status: z.enum(CERTIFICATION_STATUSES),
  lifecycle: z.enum(LIFECYCLE_STAGES),
  hosting: z.enum(HOSTINGS),
  php: z.string().optional(),
  symfony: z.string().optional(),
  starterKit: z.string().optional(),
  database: z.string().optional(),
  personal: z.array(z.enum(PERSONAL_DATA_CATEGORIES)).optional(),
  connectors: z.array(z.string()).optional(),
  uses: z.number().int().min(0),
});

export type DemoApplication = z.infer<typeof demoApplicationSchema>;

export const DEMO_APPLICATIONS: DemoApplication[] = z
  .object({ applications: z.array(demoApplicationSchema) })
  .parse(
    JSON.parse(
      readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'catalogue.json'), 'utf8'),
    ),
  ).applications;
