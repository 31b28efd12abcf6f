import type { Label } from '../lifecycle.ts';
import type { StatementFrequency } from './vocabulary.ts';

/**
 * The schedule of an agreement's statements and the share of a flat amount each carries, pure (the server
 * computes statements with it, the web shows the periods). Months are AAAA-MM.
 */

export const FREQUENCY_MONTHS: Record<StatementFrequency, number> = {
  monthly: 1,
  quarterly: 3,
  semiannual: 6,
  annual: 12,
};

/** The month `count` months after `month` (before, when negative). */
export function addMonths(month: string, count: number) {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export interface StatementPeriod {
  start: string;
  end: string;
}

/**
 * The periods of an agreement's statements: from its first month, one every `frequency`, the last cut at
 * the agreement's last month.
 */
export function statementPeriods(agreement: {
  periodStart: string;
  periodEnd: string;
  statementFrequency: StatementFrequency;
}): StatementPeriod[] {
  const length = FREQUENCY_MONTHS[agreement.statementFrequency];
  const periods: StatementPeriod[] = [];
  for (let start = agreement.periodStart; start <= agreement.periodEnd; start = addMonths(start, length)) {
    // Months as text: the earlier of the two sorts first.
    const [end] = [addMonths(start, length - 1), agreement.periodEnd].sort() as [string];
    periods.push({ start, end });
  }
  return periods;
}

/**
 * The share of a flat amount carried by the statement of period `index` out of `count`: the cumulative
 * share rounded down, minus the previous one — so the shares differ by a cent at most and add up to the
 * flat amount exactly (1 000,00 € in 3 periods: 333,33 €, 333,33 €, 333,34 €).
 */
export function flatShareCents(flatCents: number, index: number, count: number) {
  return Math.floor((flatCents * (index + 1)) / count) - Math.floor((flatCents * index) / count);
}

/** How a statement is computed, shown beside its figures. */
export const STATEMENT_RULE: Label = {
  fr: "Effort confirmé de l'organisme sur l'objet de la convention pendant la période, valorisé au barème en vigueur le premier jour de la période (la version 1 pour une période antérieure à toutes) — ou, au forfait, sa part de la période — ; montant à verser = min(valorisé, plafond − montants des autres relevés) ; le reste est au-delà du plafond, jamais versé.",
  en: "The office's confirmed effort on the agreement's object during the period, valued at the rate table in force on the period's first day (version 1 for a period before every version) — or, for a flat amount, the period's share —; payable = min(valued, ceiling − the other statements' amounts); the rest is over the ceiling, never paid.",
};

/** The « what mutualisation saved » estimate, written next to its figure. */
export const SAVINGS_FORMULA: Label = {
  fr: "Économie estimée = Σ applications [valeur de l'effort confirmé donné à l'application × (organismes servis − 1)] + économie d'hébergement (Σ mois [coût des instances dédiées à chaque organisme − coût de l'instance partagée]). Chaque organisme servi aurait sinon dû fournir le même effort ; l'effort est valorisé au barème journalier en vigueur chaque mois.",
  en: 'Estimated savings = Σ applications [value of the confirmed effort given to the application × (offices served − 1)] + hosting savings (Σ months [cost of an instance of its own for each office − cost of the shared instance]). Each office served would otherwise have had to give the same effort; effort is valued at the daily rate table in force each month.',
};

/** How an office's use of others' applications is counted, shown beside the balance. */
export const USAGE_RULE: Label = {
  fr: "Applications utilisées : celles conçues par un autre organisme dont l'organisme a déclaré l'usage (utilisateurs déclarés, à la fin de chaque mois, d'après la date de début d'usage) ; part d'hébergement : sa part du coût des instances AM Cloud partagées de ces applications, répartie au prorata des utilisateurs déclarés.",
  en: "Applications used: those designed by another office whose use the office declared (declared users at the end of each month, from the date use began); hosting share: its share of the cost of these applications' shared AM Cloud instances, split in proportion to declared users.",
};
