import { sql } from 'drizzle-orm';
import { FACETS, type Facet } from '../../../common/catalog/vocabulary.ts';
import type { ApplicationFilters, ApplicationSummaryDto } from '../../../common/schemas/application.ts';
import type { Database, Executor } from '../../db/client.ts';

/**
 * The facet side of the catalogue search, in memory. Each server process keeps the facet values of every
 * sheet in flat arrays (a few bytes a sheet: 100,000 sheets take a few megabytes) and counts the facets
 * of a request in one pass over them, instead of the database scanning and grouping every row each time.
 * The text side stays in PostgreSQL (French full text, GIN index): it hands over the matching ids.
 * The result cards are kept too (a few hundred bytes a sheet), so a page is served without a read.
 *
 * Freshness: a statement trigger moves `catalogue_state.version` in every transaction that writes
 * applications. Each search reads that one row (a primary-key lookup) and reloads the index, in one
 * snapshot, when the version moved: a change committed by any process is seen by the next search.
 */

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Interns the values of one facet as small integers. */
class Dictionary {
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

interface LoadedRow {
  id: string;
  code: string;
  name: string;
  summary: string;
  organisation_id: string;
  organisation_type: string;
  updated_at: Date | string;
  domain_code: string;
  domain_label: string;
  track: string;
  certification_status: string;
  lifecycle_stage: string;
  organisation_code: string;
  organisation_name: string;
  region: string;
  hosting: string;
  personal_data: boolean;
  technology_tags: string[];
  archived: boolean;
  usage_count: number;
  updated: number | string;
  sort_name: string;
}

/** Single-valued facets, in the order of their columns in the index. */
const SINGLE: Exclude<Facet, 'technology'>[] = [
  'domain',
  'track',
  'status',
  'lifecycle',
  'organisation',
  'region',
  'hosting',
  'personalData',
];

export interface IndexSearch {
  /** Positions of the matching sheets of the requested page, in the requested order. */
  order: number[];
  total: number;
  facets: Record<Facet, { value: string; label: string; count: number }[]>;
}

export class CatalogueIndex {
  version = -1;
  private size = 0;
  private ids: string[] = [];
  private names: string[] = [];
  /** The result card of each sheet, ready to send: a page needs no database read. */
  private cards: ApplicationSummaryDto[] = [];
  private position = new Map<string, number>();
  private columns: Uint16Array[] = [];
  private tags: Uint16Array[] = [];
  private archived = new Uint8Array(0);
  private usage = new Int32Array(0);
  private updated = new Float64Array(0);
  private byName: Int32Array = new Int32Array(0);
  private byUsage: Int32Array = new Int32Array(0);
  private byUpdated: Int32Array = new Int32Array(0);
  private dictionaries = new Map<Facet, Dictionary>();
  private loading: Promise<void> | null = null;

  /** Reloads when a committed change moved the catalogue version; concurrent callers share one reload. */
  async ensureFresh(db: Executor) {
    const [state] = rowsOf<{ version: number | string }>(
      await db.execute(sql`SELECT version FROM catalogue_state WHERE id = 1`),
    );
    const current = Number(state?.version ?? 0);
    if (current === this.version) return;
    this.loading ??= this.load(db as Database).finally(() => {
      this.loading = null;
    });
    await this.loading;
  }

  private async load(db: Database) {
    const { version, rows } = await db.transaction(
      async (tx) => {
        const [state] = rowsOf<{ version: number | string }>(
          await tx.execute(sql`SELECT version FROM catalogue_state WHERE id = 1`),
        );
        const loaded = rowsOf<LoadedRow>(
          await tx.execute(sql`
            SELECT a.id, a.code, a.name, a.summary, a.domain_code, d.label_fr AS domain_label, a.track,
                   a.certification_status, a.lifecycle_stage, o.id AS organisation_id, o.code AS organisation_code,
                   o.name AS organisation_name, o.type AS organisation_type, o.region, a.hosting, a.personal_data,
                   a.technology_tags, a.archived_at IS NOT NULL AS archived, a.usage_count, a.updated_at,
                   extract(epoch FROM a.updated_at) * 1000 AS updated, a.sort_name
            FROM applications a
            JOIN organisations o ON o.id = a.designer_organisation_id
            JOIN business_domains d ON d.code = a.domain_code`),
        );
        return { version: Number(state?.version ?? 0), rows: loaded };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const n = rows.length;
    const dictionaries = new Map<Facet, Dictionary>(FACETS.map((f) => [f, new Dictionary()]));
    const dict = (f: Facet) => dictionaries.get(f) as Dictionary;
    const columns = SINGLE.map(() => new Uint16Array(n));
    const tags: Uint16Array[] = new Array(n);
    const archived = new Uint8Array(n);
    const usage = new Int32Array(n);
    const updated = new Float64Array(n);
    const ids: string[] = new Array(n);
    const codes: string[] = new Array(n);
    const names: string[] = new Array(n);
    const cards: ApplicationSummaryDto[] = new Array(n);
    const position = new Map<string, number>();
    rows.forEach((row, i) => {
      const values: [string, string?][] = [
        [row.domain_code, row.domain_label],
        [row.track],
        [row.certification_status],
        [row.lifecycle_stage],
        [row.organisation_code, row.organisation_name],
        [row.region],
        [row.hosting],
        [row.personal_data ? 'yes' : 'no'],
      ];
      SINGLE.forEach((facet, c) => {
        const [value, label] = values[c] as [string, string?];
        (columns[c] as Uint16Array)[i] = dict(facet).code(value, label);
      });
      tags[i] = Uint16Array.from(row.technology_tags.map((t) => dict('technology').code(t)));
      archived[i] = row.archived ? 1 : 0;
      usage[i] = Number(row.usage_count);
      updated[i] = Number(row.updated);
      ids[i] = row.id;
      codes[i] = row.code;
      names[i] = row.sort_name;
      cards[i] = presentCard(row);
      position.set(row.id, i);
    });
    const sorted = (compare: (a: number, b: number) => number) =>
      Int32Array.from(Array.from({ length: n }, (_, i) => i).sort(compare));
    const byNameThenCode = (a: number, b: number) =>
      compareText(names[a] as string, names[b] as string) ||
      compareText(codes[a] as string, codes[b] as string);
    Object.assign(this, {
      size: n,
      ids,
      position,
      columns,
      tags,
      archived,
      usage,
      updated,
      dictionaries,
      byName: sorted(byNameThenCode),
      byUsage: sorted((a, b) => (usage[b] as number) - (usage[a] as number) || byNameThenCode(a, b)),
      byUpdated: sorted((a, b) => (updated[b] as number) - (updated[a] as number) || byNameThenCode(a, b)),
      names,
      cards,
      version,
    });
  }

  idAt(position: number) {
    return this.ids[position] as string;
  }

  cardAt(position: number) {
    return this.cards[position] as ApplicationSummaryDto;
  }

  /**
   * Counts every facet and orders the matching sheets; returns the positions of `limit` sheets from
   * `offset`. `textMatches` (id → rank) restricts to the sheets the full-text query found; null: no text.
   */
  search(
    filters: ApplicationFilters,
    textMatches: Map<string, number> | null,
    sort: 'relevance' | 'usage' | 'name' | 'updated',
    page: { offset: number; limit: number } = { offset: 0, limit: Number.POSITIVE_INFINITY },
  ): IndexSearch {
    const includeArchived = filters.includeArchived === true;
    // Per facet: the mask of allowed codes, or null when the facet is not filtered. An unknown value
    // matches nothing.
    const masks: (Uint8Array | null)[] = FACETS.map((facet) => {
      const selected = filters[facet] as string[] | undefined;
      if (!selected || selected.length === 0) return null;
      const dictionary = this.dictionaries.get(facet) as Dictionary;
      const mask = new Uint8Array(dictionary.values.length);
      for (const value of selected) {
        const code = dictionary.find(value);
        if (code !== undefined) mask[code] = 1;
      }
      return mask;
    });
    const facetCount = FACETS.length;
    const technology = FACETS.indexOf('technology');
    // The column of each facet (the technology facet has tags instead).
    const columnOf: (Uint16Array | null)[] = FACETS.map((facet) =>
      facet === 'technology'
        ? null
        : (this.columns[SINGLE.indexOf(facet as (typeof SINGLE)[number])] as Uint16Array),
    );
    const active = FACETS.map((_, f) => f).filter((f) => masks[f] !== null);
    const activeCount = active.length;
    const counts = FACETS.map(
      (facet) => new Int32Array((this.dictionaries.get(facet) as Dictionary).values.length),
    );
    const matched = new Uint8Array(this.size);
    const tags = this.tags;
    const archived = this.archived;
    let total = 0;

    const passes = (f: number, i: number) => {
      const mask = masks[f] as Uint8Array;
      if (f === technology) {
        const rowTags = tags[i] as Uint16Array;
        for (let t = 0; t < rowTags.length; t += 1) if (mask[rowTags[t] as number] === 1) return true;
        return false;
      }
      return mask[(columnOf[f] as Uint16Array)[i] as number] === 1;
    };
    const count = (f: number, i: number) => {
      const facetCounts = counts[f] as Int32Array;
      if (f === technology) {
        const rowTags = tags[i] as Uint16Array;
        for (let t = 0; t < rowTags.length; t += 1) {
          const tag = rowTags[t] as number;
          facetCounts[tag] = (facetCounts[tag] as number) + 1;
        }
      } else {
        const code = (columnOf[f] as Uint16Array)[i] as number;
        facetCounts[code] = (facetCounts[code] as number) + 1;
      }
    };
    const visit = (i: number) => {
      if (archived[i] === 1 && !includeArchived) return;
      let failed = -1;
      for (let a = 0; a < activeCount; a += 1) {
        const f = active[a] as number;
        if (!passes(f, i)) {
          // Two failed filters: the sheet counts nowhere. One: it counts for that facet only.
          if (failed !== -1) return;
          failed = f;
        }
      }
      if (failed !== -1) {
        count(failed, i);
        return;
      }
      for (let f = 0; f < facetCount; f += 1) count(f, i);
      matched[i] = 1;
      total += 1;
    };
    if (textMatches) {
      for (const id of textMatches.keys()) {
        const i = this.position.get(id);
        if (i !== undefined) visit(i);
      }
    } else {
      for (let i = 0; i < this.size; i += 1) visit(i);
    }

    const order: number[] = [];
    const end = page.offset + page.limit;
    if (sort === 'relevance' && textMatches) {
      const ranked: number[] = [];
      for (const id of textMatches.keys()) {
        const i = this.position.get(id);
        if (i !== undefined && matched[i] === 1) ranked.push(i);
      }
      const rank = (i: number) => textMatches.get(this.ids[i] as string) ?? 0;
      ranked.sort(
        (a, b) =>
          rank(b) - rank(a) ||
          (this.usage[b] as number) - (this.usage[a] as number) ||
          compareText(this.names[a] as string, this.names[b] as string),
      );
      order.push(...ranked.slice(page.offset, end));
    } else {
      // Walk the order prepared at load time and keep the matching sheets of the page only.
      const presorted = sort === 'usage' ? this.byUsage : sort === 'updated' ? this.byUpdated : this.byName;
      let seen = 0;
      for (let k = 0; k < presorted.length && seen < end; k += 1) {
        const i = presorted[k] as number;
        if (matched[i] !== 1) continue;
        if (seen >= page.offset) order.push(i);
        seen += 1;
      }
    }

    const facets = Object.fromEntries(
      FACETS.map((facet, f) => {
        const dictionary = this.dictionaries.get(facet) as Dictionary;
        const facetCounts = counts[f] as Int32Array;
        const values: { value: string; label: string; count: number }[] = [];
        for (let code = 0; code < facetCounts.length; code += 1) {
          const n = facetCounts[code] as number;
          if (n > 0)
            values.push({
              value: dictionary.values[code] as string,
              label: dictionary.labels[code] as string,
              count: n,
            });
        }
        return [facet, values];
      }),
    ) as IndexSearch['facets'];
    return { order, total, facets };
  }
}

function presentCard(row: LoadedRow): ApplicationSummaryDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    summary: row.summary,
    domain: { code: row.domain_code, label: row.domain_label },
    designerOrganisation: {
      id: row.organisation_id,
      code: row.organisation_code,
      name: row.organisation_name,
      type: row.organisation_type as ApplicationSummaryDto['designerOrganisation']['type'],
      region: row.region as ApplicationSummaryDto['designerOrganisation']['region'],
    },
    track: row.track as ApplicationSummaryDto['track'],
    certificationStatus: row.certification_status as ApplicationSummaryDto['certificationStatus'],
    lifecycleStage: row.lifecycle_stage as ApplicationSummaryDto['lifecycleStage'],
    hosting: row.hosting as ApplicationSummaryDto['hosting'],
    technologyTags: row.technology_tags,
    personalData: row.personal_data,
    usageCount: Number(row.usage_count),
    archived: row.archived,
    updatedAt: (row.updated_at instanceof Date ? row.updated_at : new Date(row.updated_at)).toISOString(),
  };
}

/** Code-point order, as PostgreSQL sorts with the C collation. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const indexes = new WeakMap<object, CatalogueIndex>();

/** The index of one database (the tests open many; a server opens one). */
export function catalogueIndexFor(db: Executor) {
  let index = indexes.get(db);
  if (!index) {
    index = new CatalogueIndex();
    indexes.set(db, index);
  }
  return index;
}
