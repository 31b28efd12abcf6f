import type { Facet } from '../../../../common/catalog/vocabulary.ts';

/** How the search index interns the facet values of the applications. */

/** Interns the values of one facet as small integers. */
export class Dictionary {
  readonly values: string[] = [];
  readonly labels: string[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string, label = value) {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
      this.labels.push(label);
    }
    return code;
  }
  find(value: string) {
    return this.codes.get(value);
  }
}

/** Multi-valued facets (an application has any number of values), in the order of their tag lists. */
export const MULTI = ['technology', 'usedBy', 'forge'] as const satisfies readonly Facet[];
export type MultiFacet = (typeof MULTI)[number];

/** Single-valued facets, in the order of their columns in the index. */
export const SINGLE: Exclude<Facet, MultiFacet>[] = [
  'domain',
  'track',
  'status',
  'lifecycle',
  'organisation',
  'region',
  'hosting',
  'personalData',
];
