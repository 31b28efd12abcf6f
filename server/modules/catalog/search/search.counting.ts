/**
 * The counting loops of the search index, over typed arrays only, so that the engine compiles them tight.
 * An application no filter rejects counts for every facet; an application rejected by one filter only
 * counts for that filter's facet ("the counts follow the other filters").
 */

/** The values of a multi-valued facet: those of slot i are pool[start[i] .. start[i] + length[i]). */
export interface TagList {
  start: Int32Array;
  length: Uint16Array;
  pool: Uint16Array;
}

export function rejectByColumn(
  rows: Int32Array,
  column: Uint16Array,
  mask: Uint8Array,
  rejected: Uint8Array,
  rejectedBy: Uint8Array,
  facet: number,
) {
  for (let k = 0; k < rows.length; k += 1) {
    const i = rows[k] as number;
    if (mask[column[i] as number] !== 1) {
      rejected[i] = (rejected[i] as number) + 1;
      rejectedBy[i] = facet;
    }
  }
}

export function rejectByTags(
  rows: Int32Array,
  { start, length, pool }: TagList,
  mask: Uint8Array,
  rejected: Uint8Array,
  rejectedBy: Uint8Array,
  facet: number,
) {
  for (let k = 0; k < rows.length; k += 1) {
    const i = rows[k] as number;
    let ok = false;
    const end = (start[i] as number) + (length[i] as number);
    for (let t = start[i] as number; t < end; t += 1) {
      if (mask[pool[t] as number] === 1) ok = true;
    }
    if (!ok) {
      rejected[i] = (rejected[i] as number) + 1;
      rejectedBy[i] = facet;
    }
  }
}

/**
 * An application no filter rejects counts for every facet (and matches); an application rejected by one
 * filter only counts for that filter's facet. `slotOfFacet[f]` is the facet's column (≥ 0) or, for a
 * multi-valued facet m, -(m + 1). Returns the number of matching applications.
 *
 * The matching rows are counted column by column (each column in its own tight loop over one typed
 * array); a row rejected by one filter adds to that facet at once.
 */
export function countAll(
  rows: Int32Array,
  slotOfFacet: Int8Array,
  columns: Uint16Array[],
  columnCounts: Int32Array[],
  tagLists: TagList[],
  tagCounts: Int32Array[],
  rejected: Uint8Array,
  rejectedBy: Uint8Array,
  matched: Uint8Array,
) {
  const passing = new Int32Array(rows.length);
  let total = 0;
  for (let k = 0; k < rows.length; k += 1) {
    const i = rows[k] as number;
    const r = rejected[i] as number;
    if (r === 0) {
      matched[i] = 1;
      passing[total] = i;
      total += 1;
    } else if (r === 1) {
      // Rejected by one filter only: counts for that filter's facet, here and now.
      const slot = slotOfFacet[rejectedBy[i] as number] as number;
      if (slot < 0) countTagsOf(tagLists[-slot - 1] as TagList, tagCounts[-slot - 1] as Int32Array, i);
      else {
        const counts = columnCounts[slot] as Int32Array;
        const code = (columns[slot] as Uint16Array)[i] as number;
        counts[code] = (counts[code] as number) + 1;
      }
    }
  }
  const matching = passing.subarray(0, total);
  columns.forEach((column, c) => {
    countColumn(column, columnCounts[c] as Int32Array, matching);
  });
  tagLists.forEach((tags, m) => {
    countTagList(tags, tagCounts[m] as Int32Array, matching);
  });
  return total;
}

function countTagsOf({ start, length, pool }: TagList, counts: Int32Array, i: number) {
  const end = (start[i] as number) + (length[i] as number);
  for (let t = start[i] as number; t < end; t += 1) {
    const tag = pool[t] as number;
    counts[tag] = (counts[tag] as number) + 1;
  }
}

function countColumn(column: Uint16Array, counts: Int32Array, rows: Int32Array) {
  for (let k = 0; k < rows.length; k += 1) {
    const code = column[rows[k] as number] as number;
    counts[code] = (counts[code] as number) + 1;
  }
}

function countTagList({ start, length, pool }: TagList, counts: Int32Array, rows: Int32Array) {
  for (let k = 0; k < rows.length; k += 1) {
    const i = rows[k] as number;
    const end = (start[i] as number) + (length[i] as number);
    for (let t = start[i] as number; t < end; t += 1) {
      const tag = pool[t] as number;
      counts[tag] = (counts[tag] as number) + 1;
    }
  }
}
