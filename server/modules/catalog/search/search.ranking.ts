import type { CertificationStatus, LifecycleStage } from '../../../../common/catalog/vocabulary.ts';
import { comparableText } from '../../../../common/text.ts';

/**
 * How the catalogue ranks a text search (docs/architecture.md, "Search ranking"):
 *
 *   score = √(text rank) × usage weight × certification weight × lifecycle weight
 *
 * The text rank is PostgreSQL's cover density (`ts_rank_cd`, name A = 1, summary B = 0.4, description
 * and keywords C = 0.2, divided by 1 + log of the length); its square root keeps a match in the name ahead
 * of a match in the description, without letting the place of one word outweigh what the network
 * knows of an application. The other weights are that knowledge: how many offices use it (logarithmic:
 * the 40th office adds less than the 2nd), whether it is certified, and whether it is still alive.
 */
export const CERTIFICATION_WEIGHT: Record<CertificationStatus, number> = {
  homologated: 1.25,
  labelled: 1.25,
  inProgress: 1.1,
  none: 1,
  withdrawn: 0.8,
};
export const LIFECYCLE_WEIGHT: Record<LifecycleStage, number> = {
  inProduction: 1,
  inDevelopment: 0.85,
  deprecated: 0.5,
  retired: 0.3,
};
export const usageWeight = (offices: number) => 1 + Math.log2(1 + offices) / 4;

/** What an application brings to its score besides the words: computed once per application at load. */
export function rankingPrior(row: {
  usageCount: number;
  certificationStatus: string;
  lifecycleStage: string;
}) {
  return (
    usageWeight(row.usageCount) *
    (CERTIFICATION_WEIGHT[row.certificationStatus as CertificationStatus] ?? 1) *
    (LIFECYCLE_WEIGHT[row.lifecycleStage as LifecycleStage] ?? 1)
  );
}

export const searchScore = (textRank: number, prior: number) => Math.sqrt(textRank) * prior;

/**
 * The `k` best of the text matches that passed the filters, by score (then usage, then name), without
 * sorting every match: a bounded insertion into the best list.
 */
export function topByScore(
  text: { positions: Int32Array; ranks: Float64Array },
  matched: Uint8Array,
  prior: Float32Array,
  tieBreak: (a: number, b: number) => number,
  k: number,
) {
  const better = (a: number, scoreA: number, b: number, scoreB: number) =>
    scoreA !== scoreB ? scoreA > scoreB : tieBreak(a, b) < 0;
  const best: number[] = [];
  const bestScores: number[] = [];
  for (let c = 0; c < text.positions.length; c += 1) {
    const i = text.positions[c] as number;
    if (matched[i] !== 1) continue;
    const score = searchScore(text.ranks[c] as number, prior[i] as number);
    if (best.length >= k) {
      const last = best.length - 1;
      if (!better(i, score, best[last] as number, bestScores[last] as number)) continue;
      best.pop();
      bestScores.pop();
    }
    let at = best.length;
    while (at > 0 && better(i, score, best[at - 1] as number, bestScores[at - 1] as number)) at -= 1;
    best.splice(at, 0, i);
    bestScores.splice(at, 0, score);
  }
  return best;
}

/** A name as two sheets are compared: no accents, no case, no punctuation, single spaces. */
export const comparableName = (name: string) =>
  comparableText(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Sheets that bear the same name, among the live ones: for each position, the index of its group in
 * `groups` (-1 when its name is its own). Only the groups are kept, so the memory follows the homonyms.
 */
export function homonymGroups(names: string[], archived: Uint8Array) {
  const byName = new Map<string, number[]>();
  names.forEach((name, i) => {
    if (archived[i] === 1) return;
    const key = comparableName(name);
    const list = byName.get(key);
    if (list) list.push(i);
    else byName.set(key, [i]);
  });
  const groupOf = new Int32Array(names.length).fill(-1);
  const groups: Int32Array[] = [];
  for (const list of byName.values()) {
    if (list.length < 2) continue;
    for (const i of list) groupOf[i] = groups.length;
    groups.push(Int32Array.from(list));
  }
  return { groupOf, groups };
}
