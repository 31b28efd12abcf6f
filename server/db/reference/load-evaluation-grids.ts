import { inArray } from 'drizzle-orm';
import type { GridKind } from '../../../common/evaluation/vocabulary.ts';
import { type GridContent, gridContentSchema } from '../../../common/schemas/evaluation-grid.ts';
import type { Executor } from '../client.ts';
import { auditEvents, evaluationGrids, evaluationGridVersions } from '../schema.ts';
import { HOMOLOGATION_GRID } from './grids/homologation.ts';
import { LABELLING_GRID } from './grids/labelling.ts';
import { TRANSITIONAL_GRID } from './grids/transitional.ts';

/** The first version of each grid, published: the DDSI's starting point (letter §2.2.1, §2.2.2, §2.4). */
export const SEED_GRIDS: Record<GridKind, GridContent> = {
  labelling: LABELLING_GRID,
  homologation: HOMOLOGATION_GRID,
  transitional: TRANSITIONAL_GRID,
};

/**
 * Creates the grids that do not exist yet, each with its seed content as version 1, published. A grid
 * that exists is never touched: from then on it belongs to its owners (the DDSI, the DDFC), who publish
 * new versions through the portal.
 */
/** What the first version of each grid takes up (lettre réseau LR-DDO-36-2018). */
const FIRST_VERSION_NOTES: Record<GridKind, string> = {
  labelling:
    'Première version, reprise des grilles d’audit du processus de labellisation (lettre réseau LR-DDO-36-2018, §2.2.1 et §3.3).',
  homologation:
    'Première version, reprise des exigences de maturité, de criticité et des prérequis techniques de la DDSI pour l’homologation (lettre réseau LR-DDO-36-2018, §2.2.2 et §3.3).',
  transitional:
    'Première version, pour les applications existantes labellisées ou homologuées par la procédure transitoire (lettre réseau LR-DDO-36-2018, §2.4).',
};

export async function loadEvaluationGrids(db: Executor) {
  const kinds = Object.keys(SEED_GRIDS) as GridKind[];
  const existing = new Set(
    (
      await db
        .select({ kind: evaluationGrids.kind })
        .from(evaluationGrids)
        .where(inArray(evaluationGrids.kind, kinds))
    ).map((row) => row.kind),
  );
  const created: GridKind[] = [];
  for (const kind of kinds) {
    if (existing.has(kind)) continue;
    const content = gridContentSchema.parse(SEED_GRIDS[kind]);
    const [grid] = await db.insert(evaluationGrids).values({ kind }).returning({ id: evaluationGrids.id });
    if (!grid) throw new Error(`grid ${kind} not inserted`);
    await db.insert(evaluationGridVersions).values({
      gridId: grid.id,
      number: 1,
      state: 'published',
      content,
      note: FIRST_VERSION_NOTES[kind],
      publishedAt: new Date(),
    });
    created.push(kind);
  }
  if (created.length > 0)
    await db.insert(auditEvents).values({
      action: 'referenceData.load',
      targetType: 'referenceData',
      targetId: 'evaluationGrids',
      after: { created },
    });
  return { created: created.length };
}
