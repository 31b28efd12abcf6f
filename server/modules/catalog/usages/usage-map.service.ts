import { requireActor, type ServiceContext } from '../../../lib/context.ts';
import { type ApplicationTermsRow, readUsageMapFigures } from './usage-map.queries.ts';

/** Two applications answer the same need when their name and summary share enough stemmed words. */
export const REDUNDANCY_THRESHOLD = 0.3;
const SAME_DOMAIN_BONUS = 0.1;

/**
 * Clusters of applications that look like the same need: the stems of name + summary (French stemmer, accents
 * removed, stop words dropped) compared pairwise by a Jaccard index weighted by rarity (IDF), plus a bonus within one business domain;
 * pairs above the threshold are joined into clusters (union-find). Only applications sharing a rare enough stem
 * are compared, so the cost stays close to linear.
 */
export function redundancyClusters(applications: ApplicationTermsRow[]) {
  const byLexeme = new Map<string, number[]>();
  applications.forEach((s, i) => {
    for (const lexeme of s.lexemes) byLexeme.set(lexeme, [...(byLexeme.get(lexeme) ?? []), i]);
  });
  const common = Math.max(20, applications.length * 0.05);
  // Rare words say more about the need than "suivi" or "assurés": each stem weighs its inverse frequency.
  const weight = (lexeme: string) =>
    Math.log((applications.length + 1) / (byLexeme.get(lexeme)?.length ?? 1));
  const parent = applications.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const best = new Map<number, number>();
  const seen = new Set<string>();
  for (const members of byLexeme.values()) {
    if (members.length < 2 || members.length > common) continue;
    for (let x = 0; x < members.length; x += 1) {
      for (let y = x + 1; y < members.length; y += 1) {
        const i = members[x] as number;
        const j = members[y] as number;
        const key = `${i}:${j}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const a = applications[i] as ApplicationTermsRow;
        const b = applications[j] as ApplicationTermsRow;
        const setA = new Set(a.lexemes);
        const setB = new Set(b.lexemes);
        let shared = 0;
        let union = 0;
        for (const l of new Set([...setA, ...setB])) {
          const w = weight(l);
          union += w;
          if (setA.has(l) && setB.has(l)) shared += w;
        }
        const jaccard = union === 0 ? 0 : shared / union;
        const score = Math.min(1, jaccard + (a.domain_code === b.domain_code ? SAME_DOMAIN_BONUS : 0));
        if (score < REDUNDANCY_THRESHOLD) continue;
        const ri = find(i);
        const rj = find(j);
        const root = Math.min(ri, rj);
        parent[Math.max(ri, rj)] = root;
        best.set(root, Math.max(best.get(root) ?? 0, best.get(Math.max(ri, rj)) ?? 0, score));
      }
    }
  }
  const clusters = new Map<number, number[]>();
  applications.forEach((_, i) => {
    const root = find(i);
    clusters.set(root, [...(clusters.get(root) ?? []), i]);
  });
  return [...clusters.entries()]
    .filter(([, members]) => members.length > 1)
    .map(([root, members]) => {
      const list = members.map((i) => applications[i] as ApplicationTermsRow);
      const domains = new Set(list.map((s) => s.domain_code));
      const first = list[0] as ApplicationTermsRow;
      return {
        similarity: Math.round((best.get(root) ?? REDUNDANCY_THRESHOLD) * 100) / 100,
        sharedDomain: domains.size === 1 ? { code: first.domain_code, label: first.domain_label } : null,
        applications: list.sort(
          (p, q) => Number(q.usage_count) - Number(p.usage_count) || p.name.localeCompare(q.name, 'fr'),
        ),
      };
    })
    .sort((p, q) => q.applications.length - p.applications.length || q.similarity - p.similarity);
}

/** The figures of the usage map and the clusters of applications that look like the same need. */
export async function getUsageMap(ctx: ServiceContext) {
  requireActor(ctx);
  const { terms, ...figures } = await readUsageMapFigures(ctx.db);
  return { ...figures, redundancies: redundancyClusters(terms).slice(0, 30) };
}
export type UsageMap = Awaited<ReturnType<typeof getUsageMap>>;
