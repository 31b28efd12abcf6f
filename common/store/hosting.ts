import type { Label } from '../lifecycle.ts';
import type { Environment } from './vocabulary.ts';

/**
 * Hosting resources and costs on AM Cloud (letter §4, « la maîtrise des moyens alloués à l'hébergement
 * Cloud »): the DDSI's price list, the sizing rule of an instance, the allocation between the offices
 * that share one, budgets per office and their alerts. Amounts are in euro cents.
 */

/** The shares of a budget at which its office and the DDSI are told, once each. */
export const BUDGET_THRESHOLDS = [80, 100] as const;
export type BudgetThreshold = (typeof BUDGET_THRESHOLDS)[number];

export interface Resources {
  vcpu: number;
  memoryGb: number;
  storageGb: number;
}

/** How an instance is sized: a base, one block more per started `block.users` users, a share per environment. */
export interface Sizing {
  base: Resources;
  block: Resources & { users: number };
  /** What each environment costs, in percent of production. */
  environmentPercent: Record<Environment, number>;
}

/** One version of the DDSI's price list, in force from its date until the next version's. */
export interface PriceList {
  version: number;
  effectiveFrom: string;
  label: string;
  vcpuCents: number;
  memoryGbCents: number;
  storageGbCents: number;
  sizing: Sizing;
}

/** The rule of allocation, shown beside the figures. */
export const ALLOCATION_RULE: Label = {
  fr: "Le coût mensuel d'une instance partagée est réparti entre les organismes locataires au prorata des utilisateurs qu'ils ont déclarés ; les centimes restants vont aux plus grands restes. Un mois commencé est dû.",
  en: 'The monthly cost of a shared instance is split between its tenant offices in proportion to the users they declared; the remaining cents go to the largest remainders. A month begun is due.',
};

/** The rule of the savings, shown beside the figures. */
export const SAVINGS_RULE: Label = {
  fr: "Économie = somme des coûts d'une instance dédiée à chaque organisme (même grille, ses seuls utilisateurs et environnements) − coût de l'instance partagée.",
  en: 'Savings = the sum of the costs of an instance of its own for each office (same price list, its users and environments only) − the cost of the shared instance.',
};
