import {
  CERTIFICATION_STATUS_LABELS,
  FACETS,
  type Facet,
  FORGE_SIGNAL_LABELS,
  HOSTING_LABELS,
  LIFECYCLE_STAGE_LABELS,
  PERSONAL_DATA_VALUE_LABELS,
  TRACK_LABELS,
} from '../../../../common/catalog/vocabulary.ts';
import { REGION_LABELS, type Region } from '../../../../common/organisations.ts';
import type {
  ApplicationFilters,
  ApplicationPageDto,
} from '../../../../common/schemas/application-search.ts';
import { presentApplicationSummary } from '../applications/applications.presenter.ts';
import type { IndexSearch } from './search.evaluate.ts';
import { ARCHIVED_STAGE, type Homonym } from './search.index.ts';
import type { CatalogueRow } from './search.queries.ts';

const FIXED_LABELS: Partial<Record<Facet, Record<string, { fr: string } | string>>> = {
  track: TRACK_LABELS,
  status: CERTIFICATION_STATUS_LABELS,
  lifecycle: LIFECYCLE_STAGE_LABELS,
  hosting: HOSTING_LABELS,
  personalData: PERSONAL_DATA_VALUE_LABELS,
  forge: FORGE_SIGNAL_LABELS,
  region: REGION_LABELS as Record<Region, string>,
};

function labelOf(facet: Facet, value: string, fallback: string | null) {
  const entry = FIXED_LABELS[facet]?.[value];
  if (typeof entry === 'string') return entry;
  return entry?.fr ?? fallback ?? value;
}

/** French order of labels (one collator: `localeCompare` with a locale builds one per call). */
const byFrenchLabel = new Intl.Collator('fr').compare;

/** Facet values by count (then label); a selected value stays listed even at zero, to be unselected. */
export function presentFacets(counted: IndexSearch['facets'], filters: ApplicationFilters) {
  const facets = Object.fromEntries(
    FACETS.map((f) => [f, [] as ApplicationPageDto['facets'][Facet]]),
  ) as ApplicationPageDto['facets'];
  for (const facet of FACETS) {
    for (const v of counted[facet]) {
      if (facet === 'lifecycle' && v.value === ARCHIVED_STAGE) continue;
      facets[facet].push({ value: v.value, label: labelOf(facet, v.value, v.label), count: v.count });
    }
    const selected = (filters[facet] as string[] | undefined) ?? [];
    for (const value of selected) {
      if (!facets[facet].some((v) => v.value === value))
        facets[facet].push({ value, label: labelOf(facet, value, null), count: 0 });
    }
    facets[facet].sort((a, b) => b.count - a.count || byFrenchLabel(a.label, b.label));
  }
  return facets;
}

/** A page of the catalogue: the cards (each with the other sheets of the same name), the total and the facets. */
export function presentApplicationPage(
  page: {
    cards: CatalogueRow[];
    sameName: { shown: Homonym[]; count: number }[];
    total: number;
    facets: IndexSearch['facets'];
  },
  filters: ApplicationFilters,
): ApplicationPageDto {
  return {
    items: page.cards.map((card, k) => ({
      ...presentApplicationSummary(card),
      sameName: (page.sameName[k]?.shown ?? []).map((other) => ({
        id: other.id,
        code: other.code,
        designerOrganisation: { code: other.designer.code, name: other.designer.name },
      })),
      sameNameCount: page.sameName[k]?.count ?? 0,
    })),
    total: page.total,
    facets: presentFacets(page.facets, filters),
  };
}
