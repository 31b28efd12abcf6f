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

function countTags({ start, length, pool }: TagList, counts: Int32Array, i: number) {
  const end = (start[i] as number) + (length[i] as number);
  for (let t = start[i] as number; t < end; t += 1) {
    const tag = pool[t] as number;
    counts[tag] = (counts[tag] as number) + 1;
  }
}

/**
 * One pass: an application no filter rejects counts for every facet (and matches); an application
 * rejected by one filter only counts for that filter's facet. `slotOfFacet[f]` is the facet's column
 * (≥ 0) or, for a multi-valued facet m, -(m + 1). Returns the number of matching applications.
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
  let total = 0;
  const columnCount = columns.length;
  const tagListCount = tagLists.length;
  for (let k = 0; k < rows.length; k += 1) {
    const i = rows[k] as number;
    const r = rejected[i] as number;
    if (r === 0) {
      for (let c = 0; c < columnCount; c += 1) {
        const counts = columnCounts[c] as Int32Array;
        const code = (columns[c] as Uint16Array)[i] as number;
        counts[code] = (counts[code] as number) + 1;
      }
      for (let m = 0; m < tagListCount; m += 1)
        countTags(tagLists[m] as TagList, tagCounts[m] as Int32Array, i);
      matched[i] = 1;
      total += 1;
    } else if (r === 1) {
      const slot = slotOfFacet[rejectedBy[i] as number] as number;
      if (slot < 0) {
        countTags(tagLists[-slot - 1] as TagList, tagCounts[-slot - 1] as Int32Array, i);
      } else {
        const counts = columnCounts[slot] as Int32Array;
        const code = (columns[slot] as Uint16Array)[i] as number;
        counts[code] = (counts[code] as number) + 1;
      }
    }
  }
  return total;
}
