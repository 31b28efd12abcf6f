import { FACETS, type Facet } from '../../../../common/catalog/vocabulary.ts';
import type { OrganisationSummaryRow } from '../../organisations/organisations.queries.ts';
import type { IndexRow } from './search.changes.ts';
import { Dictionary, MULTI, SINGLE } from './search.dictionary.ts';
import type { CatalogueRow } from './search.queries.ts';
import { comparableName, rankingPrior } from './search.ranking.ts';
import { grown, SlotList, SortedSlots, StringColumn, TagColumn } from './search.store.ts';
import { TextIndex } from './search.text.ts';

/**
 * The catalogue search index of one server process, in memory (docs/architecture.md, "Catalogue search
 * index"). Each application has a slot; each slot has its facet codes in typed columns (interned by one
 * dictionary per facet), its sort keys, its card's few strings, its words in the text index, and its
 * place in the posting list of each of its facet values and in three presorted orders. A change to one
 * application (`apply`) moves exactly its slot in each structure: nothing is rebuilt.
 *
 * Searching it is search.evaluate.ts; keeping it in step with the database is search.sync.ts.
 */

/** The lifecycle-facet value of an archived application: counted nowhere, shown nowhere. */
export const ARCHIVED_STAGE = 'archived';

/** Facet number → column number, or -(m + 1) for the multi-valued facet m. */
export const SLOT_OF_FACET = Int8Array.from(
  FACETS.map((facet) => {
    const column = SINGLE.indexOf(facet as (typeof SINGLE)[number]);
    return column >= 0 ? column : -(MULTI.indexOf(facet as (typeof MULTI)[number]) + 1);
  }),
);

/** Code-point order, as PostgreSQL sorts with the C collation. */
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const singleValues = (row: CatalogueRow): [string, string?][] => [
  [row.domain.code, row.domain.label],
  [row.track],
  [row.certificationStatus],
  // An archived sheet is in no stage of its life any more (not "in production"): see presentFacets.
  [row.archived ? ARCHIVED_STAGE : row.lifecycleStage],
  [row.designer.code, row.designer.name],
  [row.designer.region as string],
  [row.hosting],
  [row.personalData ? 'yes' : 'no'],
];

/**
 * Two independent 32-bit hashes (FNV-1a, and a multiplicative one) of a name as homonyms compare: the
 * groups are keyed by the first, members must share the second too — 64 bits, so two different names of
 * a 100,000-sheet catalogue collide with a probability under 10⁻⁹, and a page needs no string work.
 */
function nameHashes(name: string): [number, number] {
  const key = comparableName(name);
  let first = 0x811c9dc5;
  let second = 0x2545f491;
  for (let k = 0; k < key.length; k += 1) {
    const c = key.charCodeAt(k);
    first = Math.imul(first ^ c, 0x01000193);
    second = Math.imul(second + c, 0x5bd1e995) ^ (second >>> 15);
  }
  return [first | 0, second | 0];
}

/** What a result shows of another sheet of the same name. */
export interface Homonym {
  id: string;
  code: string;
  designer: { code: string; name: string };
}

export class CatalogueIndex {
  /** Moves each time a change is applied: what was derived from the index before is stale. */
  version = 0;
  /** Slots in use (high-water mark; removed slots are reused). */
  size = 0;
  readonly dictionaries = new Map<Facet, Dictionary>(FACETS.map((f) => [f, new Dictionary()]));
  columns: Uint16Array[] = SINGLE.map(() => new Uint16Array(16));
  readonly tags = MULTI.map(() => new TagColumn());
  /** The real stage of an archived application (its lifecycle column says ARCHIVED_STAGE). */
  stage = new Uint16Array(16);
  present = new Uint8Array(16);
  archived = new Uint8Array(16);
  usage = new Int32Array(16);
  /** Usage, certification and lifecycle weight of each application (search.ranking.ts). */
  prior = new Float32Array(16);
  updatedMs = new Float64Array(16);
  private hashes = new Int32Array(16);
  private checks = new Int32Array(16);
  readonly ids: string[] = [];
  readonly codes = new StringColumn();
  readonly names = new StringColumn();
  readonly summaries = new StringColumn();
  /** Name without accents, lower case (sort key, as the database orders). */
  readonly sortNames = new StringColumn();
  readonly position = new Map<string, number>();
  /** Per facet and value code: the slots of the live applications that have it. */
  readonly postings: SlotList[][] = FACETS.map(() => []);
  readonly text = new TextIndex();
  private readonly free: number[] = [];
  private readonly homonyms = new Map<number, number | number[]>();
  private readonly offices = new Map<string, OrganisationSummaryRow>();
  private sealed = false;
  /** By name (unaccented, lower case), then code: the order of the name sort and of every tie. */
  readonly byNameThenCode = (a: number, b: number) =>
    this.sortNames.compare(a, b) || this.codes.compare(a, b);
  readonly byName = new SortedSlots(this.byNameThenCode);
  readonly byUsage = new SortedSlots(
    (a, b) => (this.usage[b] as number) - (this.usage[a] as number) || this.byNameThenCode(a, b),
  );
  readonly byUpdated = new SortedSlots(
    (a, b) => (this.updatedMs[b] as number) - (this.updatedMs[a] as number) || this.byNameThenCode(a, b),
  );
  /** Derived once per version: the slot lists by archived state, the unfiltered facet counts. */
  derived = new Map<string, unknown>();
  private scratchArrays = {
    rejected: new Uint8Array(0),
    rejectedBy: new Uint8Array(0),
    matched: new Uint8Array(0),
    seen: new Uint8Array(0),
  };

  constructor(offices: OrganisationSummaryRow[] = []) {
    this.setOffices(offices);
  }

  /** The offices (designer cards, labels of the "used by" facet). */
  setOffices(offices: OrganisationSummaryRow[]) {
    for (const office of offices) this.offices.set(office.code, office);
  }

  knowsOffice(code: string) {
    return this.offices.has(code);
  }

  private dictionary(facet: Facet) {
    return this.dictionaries.get(facet) as Dictionary;
  }

  /** Adds rows during a load (orders are sorted once, by `seal`). */
  add(rows: IndexRow[]) {
    for (const row of rows) this.upsert(row);
  }

  /** Ends a load: sorts the three orders once. */
  seal() {
    const slots: number[] = [];
    for (let i = 0; i < this.size; i += 1) if (this.present[i] === 1) slots.push(i);
    this.byName.reset(slots.slice());
    this.byUsage.reset(slots.slice());
    this.byUpdated.reset(slots);
    for (const column of [this.codes, this.names, this.summaries, this.sortNames, ...this.tags])
      column.trim();
    for (const lists of this.postings) for (const list of lists) list.trim();
    this.sealed = true;
    this.changed();
  }

  /** Applies committed changes: the rows read again; an id without a row was deleted. */
  apply(ids: string[], rows: IndexRow[]) {
    const found = new Set<string>();
    for (const row of rows) {
      found.add(row.id);
      this.upsert(row);
    }
    for (const id of ids) if (!found.has(id)) this.remove(id);
    this.changed();
  }

  private changed() {
    this.version += 1;
    this.derived = new Map();
  }

  private upsert(row: IndexRow) {
    let slot = this.position.get(row.id);
    if (slot === undefined) slot = this.allocate(row.id);
    else this.detach(slot);
    this.write(slot, row);
    this.attach(slot);
    this.text.set(slot, row.vector);
  }

  private remove(id: string) {
    const slot = this.position.get(id);
    if (slot === undefined) return;
    this.detach(slot);
    this.text.remove(slot);
    this.present[slot] = 0;
    this.position.delete(id);
    this.free.push(slot);
  }

  private allocate(id: string) {
    const slot = this.free.pop() ?? this.size;
    if (slot === this.size) {
      this.size += 1;
      const n = this.size;
      this.columns = this.columns.map((column) => grown(column, n));
      this.stage = grown(this.stage, n);
      this.present = grown(this.present, n);
      this.archived = grown(this.archived, n);
      this.usage = grown(this.usage, n);
      this.prior = grown(this.prior, n);
      this.updatedMs = grown(this.updatedMs, n);
      this.hashes = grown(this.hashes, n);
      this.checks = grown(this.checks, n);
    }
    this.position.set(id, slot);
    this.ids[slot] = id;
    return slot;
  }

  private write(slot: number, row: IndexRow) {
    const values = singleValues(row);
    SINGLE.forEach((facet, c) => {
      const [value, label] = values[c] as [string, string?];
      (this.columns[c] as Uint16Array)[slot] = this.dictionary(facet).code(value, label);
    });
    this.stage[slot] = this.dictionary('lifecycle').code(row.lifecycleStage);
    const tagColumn = (m: number) => this.tags[m] as TagColumn;
    tagColumn(MULTI.indexOf('technology')).set(
      slot,
      row.technologyTags.map((tag) => this.dictionary('technology').code(tag)),
    );
    tagColumn(MULTI.indexOf('usedBy')).set(
      slot,
      (row.usedBy ?? []).map((code) => this.dictionary('usedBy').code(code, this.offices.get(code)?.name)),
    );
    tagColumn(MULTI.indexOf('forge')).set(
      slot,
      (row.forgeSignals ?? []).map((signal) => this.dictionary('forge').code(signal)),
    );
    if (!this.offices.has(row.designer.code)) this.offices.set(row.designer.code, row.designer);
    this.present[slot] = 1;
    this.archived[slot] = row.archived ? 1 : 0;
    this.usage[slot] = Number(row.usageCount);
    this.prior[slot] = rankingPrior({ ...row, usageCount: Number(row.usageCount) });
    this.updatedMs[slot] = row.updatedMs;
    this.codes.set(slot, row.code);
    this.names.set(slot, row.name);
    this.summaries.set(slot, row.summary);
    this.sortNames.set(slot, row.sortName);
    [this.hashes[slot], this.checks[slot]] = nameHashes(row.name);
  }

  /** Puts a written slot in its posting lists, orders and homonym group. */
  private attach(slot: number) {
    if (this.archived[slot] === 0) this.forEachCode(slot, (f, code) => this.postingList(f, code).add(slot));
    if (this.sealed) {
      this.byName.insert(slot);
      this.byUsage.insert(slot);
      this.byUpdated.insert(slot);
    }
    const hash = this.hashes[slot] as number;
    const group = this.homonyms.get(hash);
    if (group === undefined) this.homonyms.set(hash, slot);
    else if (typeof group === 'number') this.homonyms.set(hash, [group, slot]);
    else group.push(slot);
  }

  /** Takes a slot out of its posting lists, orders and homonym group (before its values change). */
  private detach(slot: number) {
    if (this.archived[slot] === 0)
      this.forEachCode(slot, (f, code) => this.postingList(f, code).remove(slot));
    if (this.sealed) {
      this.byName.remove(slot);
      this.byUsage.remove(slot);
      this.byUpdated.remove(slot);
    }
    const hash = this.hashes[slot] as number;
    const group = this.homonyms.get(hash);
    if (group === slot) this.homonyms.delete(hash);
    else if (Array.isArray(group)) {
      const rest = group.filter((s) => s !== slot);
      this.homonyms.set(hash, rest.length === 1 ? (rest[0] as number) : rest);
    }
  }

  private forEachCode(slot: number, visit: (facet: number, code: number) => void) {
    FACETS.forEach((_facet, f) => {
      const at = SLOT_OF_FACET[f] as number;
      if (at >= 0) visit(f, (this.columns[at] as Uint16Array)[slot] as number);
      else for (const code of (this.tags[-at - 1] as TagColumn).get(slot)) visit(f, code);
    });
  }

  private postingList(facet: number, code: number) {
    const lists = this.postings[facet] as SlotList[];
    while (lists.length <= code) lists.push(new SlotList());
    return lists[code] as SlotList;
  }

  /**
   * Per-slot marks a search uses (search.evaluate.ts), all zero between two searches: a search is
   * synchronous and clears what it marked, so nothing proportional to the catalogue is allocated per search.
   */
  scratch() {
    if (this.scratchArrays.matched.length < this.size) {
      const capacity = Math.ceil(this.size * 1.25) + 16;
      this.scratchArrays = {
        rejected: new Uint8Array(capacity),
        rejectedBy: new Uint8Array(capacity),
        matched: new Uint8Array(capacity),
        seen: new Uint8Array(capacity),
      };
    }
    return this.scratchArrays;
  }

  idAt(slot: number) {
    return this.ids[slot] as string;
  }

  /** What the card at this slot shows (the presenter turns it into the API's card). */
  cardAt(slot: number): CatalogueRow {
    const value = (facet: Facet, code: number) => this.dictionary(facet).values[code] as string;
    const column = (facet: Facet) =>
      (this.columns[SINGLE.indexOf(facet as never)] as Uint16Array)[slot] as number;
    const organisation = value('organisation', column('organisation'));
    return {
      id: this.ids[slot] as string,
      code: this.codes.get(slot),
      name: this.names.get(slot),
      summary: this.summaries.get(slot),
      domain: {
        code: value('domain', column('domain')),
        label: this.dictionary('domain').labels[column('domain')] as string,
      },
      designer: this.offices.get(organisation) as OrganisationSummaryRow,
      track: value('track', column('track')),
      certificationStatus: value('status', column('status')),
      lifecycleStage: value('lifecycle', this.stage[slot] as number),
      hosting: value('hosting', column('hosting')),
      personalData: value('personalData', column('personalData')) === 'yes',
      technologyTags: Array.from((this.tags[MULTI.indexOf('technology')] as TagColumn).get(slot), (code) =>
        value('technology', code),
      ),
      archived: this.archived[slot] === 1,
      usageCount: this.usage[slot] as number,
      updatedAt: new Date(this.updatedMs[slot] as number),
      updatedMs: this.updatedMs[slot] as number,
      sortName: this.sortNames.get(slot),
    };
  }

  /**
   * The other live applications that bear the same name (search.ranking.ts, comparableName): how many,
   * and the first `limit` of them by code.
   */
  sameNameAt(slot: number, limit = Number.POSITIVE_INFINITY): { shown: Homonym[]; count: number } {
    const group = this.homonyms.get(this.hashes[slot] as number);
    if (!Array.isArray(group)) return { shown: [], count: 0 };
    const check = this.checks[slot];
    const others = group
      .filter((other) => other !== slot && this.archived[other] === 0 && this.checks[other] === check)
      .sort((a, b) => this.codes.compare(a, b));
    const column = this.columns[SINGLE.indexOf('organisation')] as Uint16Array;
    const offices = this.dictionary('organisation').values;
    const shown = others.slice(0, limit).map((other) => {
      const office = this.offices.get(offices[column[other] as number] as string) as OrganisationSummaryRow;
      return {
        id: this.ids[other] as string,
        code: this.codes.get(other),
        designer: { code: office.code, name: office.name },
      };
    });
    return { shown, count: others.length };
  }

  /** The applications it holds. */
  get documentCount() {
    return this.position.size;
  }

  /** Bytes held by the index's typed arrays and an estimate of its strings and maps, per structure (bench/index-memory.ts). */
  byteSizes() {
    const sum = (sizes: number[]) => sizes.reduce((total, bytes) => total + bytes, 0);
    const arrays = [...this.columns, this.stage, this.present, this.archived, this.usage, this.prior];
    return {
      ...this.text.byteSizes(),
      columns: sum(arrays.map((a) => a.byteLength)) + this.updatedMs.byteLength,
      nameHashes: this.hashes.byteLength + this.checks.byteLength + this.homonyms.size * 24,
      tags: sum(this.tags.map((t) => t.byteSize())),
      facetPostings: sum(this.postings.flatMap((lists) => lists.map((list) => list.items.byteLength + 32))),
      orders: sum([this.byName, this.byUsage, this.byUpdated].map((order) => order.view().byteLength)),
      strings: sum([this.codes, this.names, this.summaries, this.sortNames].map((c) => c.byteSize())),
      // The ids (keys of `position`): one-byte characters plus V8's header; a Map entry about 40 bytes.
      ids: this.position.size * (36 + 16 + 40),
    };
  }
}
