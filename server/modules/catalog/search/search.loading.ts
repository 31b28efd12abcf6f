import { FACETS, type Facet } from '../../../../common/catalog/vocabulary.ts';
import type { TagList } from './search.counting.ts';
import { Dictionary, MULTI, SINGLE } from './search.dictionary.ts';
import type { CatalogueRow } from './search.queries.ts';
import { homonymGroups, rankingPrior } from './search.ranking.ts';

/**
 * What the search index holds of a catalogue version, built in one pass over its applications: typed
 * arrays of facet codes, the postings of every facet value, three presorted orders, the ranking prior,
 * the groups of homonyms and the cards.
 */
export interface IndexData {
  version: number;
  size: number;
  ids: string[];
  /** Name without accents, lower case (sort key). */
  names: string[];
  codes: string[];
  /** What the card of each application shows: a page needs no database read. */
  cards: CatalogueRow[];
  position: Map<string, number>;
  /** One column of codes per single-valued facet (SINGLE order). */
  columns: Uint16Array[];
  /** One tag list per multi-valued facet (MULTI order). */
  tagLists: TagList[];
  archived: Uint8Array;
  usage: Int32Array;
  /** Usage, certification and lifecycle weight of each application (search.ranking.ts). */
  prior: Float32Array;
  byName: Int32Array;
  byUsage: Int32Array;
  byUpdated: Int32Array;
  dictionaries: Map<Facet, Dictionary>;
  /** Per facet and value code: the positions of the live applications that have it. */
  postings: Int32Array[][];
  all: Int32Array;
  live: Int32Array;
  archivedRows: Int32Array;
  homonyms: { groupOf: Int32Array; groups: Int32Array[] };
}

/** Facet number → column number, or -(m + 1) for the multi-valued facet m. */
export const SLOT_OF_FACET = Int8Array.from(
  FACETS.map((facet) => {
    const column = SINGLE.indexOf(facet as (typeof SINGLE)[number]);
    return column >= 0 ? column : -(MULTI.indexOf(facet as (typeof MULTI)[number]) + 1);
  }),
);

/** The lifecycle-facet value of an archived application: counted nowhere, shown nowhere. */
export const ARCHIVED_STAGE = 'archived';

/** Code-point order, as PostgreSQL sorts with the C collation. */
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const singleValues = (row: CatalogueRow): [string, string?][] => [
  [row.domain.code, row.domain.label],
  [row.track],
  [row.certificationStatus],
  // An archived sheet is in no stage of its life any more (not "in production"): see presentFacets.
  [row.archived ? ARCHIVED_STAGE : row.lifecycleStage],
  [row.designer.code, row.designer.name],
  [row.designer.region],
  [row.hosting],
  [row.personalData ? 'yes' : 'no'],
];

const multiValues = (
  row: CatalogueRow,
  officeNames: Map<string, string>,
): Record<(typeof MULTI)[number], [string, string?][]> => ({
  technology: row.technologyTags.map((tag) => [tag]),
  usedBy: (row.usedBy ?? []).map((code) => [code, officeNames.get(code)]),
});

/** Values of a multi-valued facet in one flat array, with where each application's values start. */
function tagList(perRow: number[][]): TagList {
  const start = new Int32Array(perRow.length + 1);
  perRow.forEach((list, i) => {
    start[i + 1] = (start[i] as number) + list.length;
  });
  return { start, values: Uint16Array.from(perRow.flat()) };
}

export function buildIndexData(
  version: number,
  rows: CatalogueRow[],
  officeNames = new Map<string, string>(),
): IndexData {
  const n = rows.length;
  const dictionaries = new Map<Facet, Dictionary>(FACETS.map((f) => [f, new Dictionary()]));
  const dict = (f: Facet) => dictionaries.get(f) as Dictionary;
  const columns = SINGLE.map(() => new Uint16Array(n));
  const rowTags = MULTI.map(() => new Array<number[]>(n));
  const archived = new Uint8Array(n);
  const usage = new Int32Array(n);
  const prior = new Float32Array(n);
  const updated = new Float64Array(n);
  const ids: string[] = new Array(n);
  const codes: string[] = new Array(n);
  const names: string[] = new Array(n);
  const cards: CatalogueRow[] = new Array(n);
  const position = new Map<string, number>();
  rows.forEach((row, i) => {
    const values = singleValues(row);
    SINGLE.forEach((facet, c) => {
      const [value, label] = values[c] as [string, string?];
      (columns[c] as Uint16Array)[i] = dict(facet).code(value, label);
    });
    const multi = multiValues(row, officeNames);
    MULTI.forEach((facet, m) => {
      (rowTags[m] as number[][])[i] = multi[facet].map(([value, label]) => dict(facet).code(value, label));
    });
    archived[i] = row.archived ? 1 : 0;
    usage[i] = row.usageCount;
    prior[i] = rankingPrior(row);
    updated[i] = row.updatedMs;
    ids[i] = row.id;
    codes[i] = row.code;
    names[i] = row.sortName;
    // The card keeps what a result shows; the offices that use the application live in the tag list only.
    const { usedBy: _usedBy, ...card } = row;
    cards[i] = card;
    position.set(row.id, i);
  });
  const tagLists = rowTags.map(tagList);
  const sorted = (compare: (a: number, b: number) => number) =>
    Int32Array.from(Array.from({ length: n }, (_, i) => i).sort(compare));
  const byNameThenCode = (a: number, b: number) =>
    compareText(names[a] as string, names[b] as string) ||
    compareText(codes[a] as string, codes[b] as string);
  const postings = FACETS.map((facet, f) => {
    const lists: number[][] = dict(facet).values.map(() => []);
    const slot = SLOT_OF_FACET[f] as number;
    for (let i = 0; i < n; i += 1) {
      if (archived[i] === 1) continue;
      if (slot < 0) {
        const { start, values } = tagLists[-slot - 1] as TagList;
        for (let t = start[i] as number; t < (start[i + 1] as number); t += 1)
          lists[values[t] as number]?.push(i);
      } else {
        lists[(columns[slot] as Uint16Array)[i] as number]?.push(i);
      }
    }
    return lists.map((list) => Int32Array.from(list));
  });
  return {
    version,
    size: n,
    ids,
    names,
    codes,
    cards,
    position,
    columns,
    tagLists,
    archived,
    usage,
    prior,
    byName: sorted(byNameThenCode),
    byUsage: sorted((a, b) => (usage[b] as number) - (usage[a] as number) || byNameThenCode(a, b)),
    byUpdated: sorted((a, b) => (updated[b] as number) - (updated[a] as number) || byNameThenCode(a, b)),
    dictionaries,
    postings,
    all: Int32Array.from({ length: n }, (_, i) => i),
    live: Int32Array.from(Array.from({ length: n }, (_, i) => i).filter((i) => archived[i] !== 1)),
    archivedRows: Int32Array.from(Array.from({ length: n }, (_, i) => i).filter((i) => archived[i] === 1)),
    homonyms: homonymGroups(
      rows.map((row) => row.name),
      archived,
    ),
  };
}
