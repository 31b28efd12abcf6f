import { beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../../../bench/generate.ts';
import { readOrganisationsFile } from '../../../db/reference/load-organisations.ts';
import { TextCorpus } from '../../../lib/similarity.ts';
import { frenchVocabulary } from '../../../lib/similarity-vocabulary.ts';
import { createTestDatabase } from '../../../test/database.ts';
import type { ApplicationTextRow } from '../similar/similar.queries.ts';
import { MAX_GROUP_SIZE, redundancyClusters } from './usage-map.service.ts';

/**
 * The redundancy clusters on the generated inventory of 2,000 sheets (bench/generate.ts, the seed of
 * bench/make-inventory.ts), 100 of which are planted duplicates: another office's sheet for the need of an
 * earlier one, retyped (accents dropped, a typo, "V2", "Outil de …") with another summary. The generator
 * knows each sheet's subject ("des indus de prestations"): two sheets grouped on different subjects are
 * a wrong grouping. The words go through the French vocabulary the application uses (stems from
 * PostgreSQL, synonyms), hence a database.
 */
const offices = readOrganisationsFile().organisations.map((o) => o.code);
const generated = generateCatalogue(2000, offices, 7, { duplicates: 100 });
const rows: ApplicationTextRow[] = generated.map((a) => ({
  id: a.code,
  code: a.code,
  name: a.name,
  summary: a.summary,
  domain_code: a.domainCode,
  domain_label: a.domainCode,
  organisation_code: a.designerCode,
  organisation_name: a.designerCode,
  usage_count: a.usageOffices.length,
}));
let clusters: ReturnType<typeof redundancyClusters> = [];
const subjectOf = new Map(generated.map((a) => [a.code, a.need.split('|')[1]]));
let clusterOf = new Map<string, number>();
beforeAll(async () => {
  const database = await createTestDatabase();
  try {
    await frenchVocabulary.prepare(
      database.db,
      rows.flatMap((row) => [row.name, row.summary]),
    );
  } finally {
    await database.close();
  }
  clusters = redundancyClusters(rows, new TextCorpus(rows, frenchVocabulary));
  clusterOf = new Map(clusters.flatMap((c, k) => c.applications.map((a) => [a.code, k] as const)));
}, 120_000);

describe('redundancy clusters of the generated 2,000-sheet inventory', () => {
  it(`makes no group over ${MAX_GROUP_SIZE} sheets, each within one domain`, () => {
    expect(clusters.length).toBeGreaterThan(100);
    for (const cluster of clusters) {
      expect(cluster.applications.length).toBeGreaterThanOrEqual(2);
      expect(cluster.applications.length).toBeLessThanOrEqual(MAX_GROUP_SIZE);
      expect(new Set(cluster.applications.map((a) => a.domain_code))).toEqual(new Set([cluster.domain.code]));
    }
  });

  it('groups 95 % at least of the 100 planted duplicates with their original (99 % measured)', () => {
    const planted = generated.filter((a) => a.duplicateOf);
    expect(planted).toHaveLength(100);
    const found = planted.filter(
      (a) =>
        clusterOf.get(a.code) !== undefined &&
        clusterOf.get(a.code) === clusterOf.get(a.duplicateOf as string),
    );
    expect(found.length / planted.length).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps 97 % at least of the pairs grouped with a planted duplicate, and of all pairs, on one subject (100 % measured)', () => {
    let pairs = 0;
    let right = 0;
    let plantedPairs = 0;
    let plantedRight = 0;
    for (const { applications } of clusters)
      applications.forEach((a, x) => {
        for (const b of applications.slice(x + 1)) {
          const same = subjectOf.get(a.code) === subjectOf.get(b.code);
          pairs += 1;
          right += same ? 1 : 0;
          const planted = generated.some((g) => (g.code === a.code || g.code === b.code) && g.duplicateOf);
          plantedPairs += planted ? 1 : 0;
          plantedRight += planted && same ? 1 : 0;
        }
      });
    expect(plantedPairs).toBeGreaterThan(100);
    expect(plantedRight / plantedPairs).toBeGreaterThanOrEqual(0.97);
    expect(right / pairs).toBeGreaterThanOrEqual(0.97);
  });
});
