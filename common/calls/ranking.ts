/**
 * The comparison of a call's proposals: each evaluator's scores (0–5) per criterion, weighted by the
 * criteria (weights make 100), averaged across evaluators. Pure, shared by the server (the table and
 * its spreadsheet) and its tests.
 */

export interface ScoreEntry {
  evaluatorId: string;
  criterion: number;
  score: number;
}

export interface RankedProposal<P> {
  proposal: P;
  /** The weighted score (0–5), two decimals; null while nobody has scored every criterion. */
  weighted: number | null;
  /** Per criterion, the mean score across the evaluators who scored it (null: none). */
  criteria: (number | null)[];
  /** How many evaluators scored every criterion. */
  evaluators: number;
  /** The gap between the highest and the lowest weighted score of the evaluators (0 with one). */
  spread: number | null;
  /** 1 for the best; proposals with the same weighted score share a rank ("1, 1, 3"). */
  rank: number | null;
  /** Shares its rank with another proposal. */
  tied: boolean;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** One evaluator's weighted score of a proposal, when they scored every criterion. */
function evaluatorTotal(weights: readonly number[], scores: readonly ScoreEntry[]) {
  let total = 0;
  for (let k = 0; k < weights.length; k += 1) {
    const entry = scores.find((s) => s.criterion === k);
    if (!entry) return null;
    total += (entry.score * (weights[k] ?? 0)) / 100;
  }
  return total;
}

/** Ranks proposals by weighted score, best first; the unscored come last, unranked. */
export function rankProposals<P>(
  weights: readonly number[],
  proposals: readonly { proposal: P; scores: readonly ScoreEntry[] }[],
): RankedProposal<P>[] {
  const rows: RankedProposal<P>[] = proposals.map(({ proposal, scores }) => {
    const byEvaluator = new Map<string, ScoreEntry[]>();
    for (const s of scores) byEvaluator.set(s.evaluatorId, [...(byEvaluator.get(s.evaluatorId) ?? []), s]);
    const totals = [...byEvaluator.values()]
      .map((own) => evaluatorTotal(weights, own))
      .filter((t): t is number => t !== null);
    const criteria = weights.map((_, k) => {
      const own = scores.filter((s) => s.criterion === k);
      return own.length === 0 ? null : round2(own.reduce((sum, s) => sum + s.score, 0) / own.length);
    });
    const weighted =
      totals.length === 0 ? null : round2(totals.reduce((sum, t) => sum + t, 0) / totals.length);
    const spread = totals.length === 0 ? null : round2(Math.max(...totals) - Math.min(...totals));
    return { proposal, weighted, criteria, evaluators: totals.length, spread, rank: null, tied: false };
  });
  const ordered = rows.sort((a, b) => (b.weighted ?? -1) - (a.weighted ?? -1));
  return ordered.map((row) => {
    if (row.weighted === null) return row;
    const same = ordered.filter((other) => other.weighted === row.weighted);
    return { ...row, rank: ordered.indexOf(same[0] as RankedProposal<P>) + 1, tied: same.length > 1 };
  });
}
