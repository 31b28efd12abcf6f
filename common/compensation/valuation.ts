import type { EffortProfile } from './vocabulary.ts';

/**
 * How confirmed effort becomes an amount, to the cent. Person-days are counted in hundredths and rates
 * in cents per day, so each line is hundredths × rate / 100 cents, rounded half up to the cent once per
 * line (profile); the amount valued is the sum of the lines. A flat agreement values its flat amount.
 * What may be paid is what remains under the ceiling after what was already paid; the rest is shown as
 * over the ceiling, never paid.
 *
 *   payable = min(valued, max(0, ceiling − already paid))      over = valued − payable
 */
export interface EffortByProfile {
  profile: EffortProfile;
  hundredths: number;
}

export interface Valuation {
  lines: { profile: EffortProfile; days: number; rateCents: number; amountCents: number }[];
  confirmedDays: number;
  valuedCents: number;
  payableCents: number;
  overCents: number;
}

export function valueEffort(options: {
  effort: readonly EffortByProfile[];
  rates: Record<EffortProfile, number> | null;
  flatAmountCents: number | null;
  ceilingCents: number;
  alreadyPaidCents?: number;
}): Valuation {
  const lines = options.effort
    .filter((e) => e.hundredths > 0)
    .map((e) => {
      const rateCents = options.rates?.[e.profile] ?? 0;
      return {
        profile: e.profile,
        days: e.hundredths / 100,
        rateCents,
        amountCents: Math.round((e.hundredths * rateCents) / 100),
      };
    });
  const hundredths = options.effort.reduce((sum, e) => sum + e.hundredths, 0);
  const valuedCents = options.flatAmountCents ?? lines.reduce((sum, line) => sum + line.amountCents, 0);
  const room = Math.max(0, options.ceilingCents - (options.alreadyPaidCents ?? 0));
  const payableCents = Math.min(valuedCents, room);
  return {
    lines: options.flatAmountCents === null ? lines : [],
    confirmedDays: hundredths / 100,
    valuedCents,
    payableCents,
    overCents: valuedCents - payableCents,
  };
}
