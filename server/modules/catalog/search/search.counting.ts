/**
 * The counting loops of the search index, over typed arrays only, so that the engine compiles them tight.
 * An application no filter rejects counts for every facet; an application rejected by one filter only
 * counts for that filter's facet ("the counts follow the other filters").
 */

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
  tagStart: Int32Array,
  tagValues: Uint16Array,
  mask: Uint8Array,
  rejected: Uint8Array,
  rejectedBy: Uint8Array,
  facet: number,
) {
  for (let k = 0; k < rows.length; k += 1) {
    const i = rows[k] as number;
    let ok = false;
    for (let t = tagStart[i] as number; t < (tagStart[i + 1] as number); t += 1) {
      if (mask[tagValues[t] as number] === 1) ok = true;
    }
    if (!ok) {
      rejected[i] = (rejected[i] as number) + 1;
      rejectedBy[i] = facet;
    }
  }
}

/**
 * One pass: an application no filter rejects counts for every facet (and matches); an application
 * rejected by one filter only counts for that filter's facet. Returns the number of matching applications.
 */
export function countAll(
  rows: Int32Array,
  columnOfFacet: Int8Array,
  columns: Uint16Array[],
  columnCounts: Int32Array[],
  technology: number,
  tagStart: Int32Array,
  tagValues: Uint16Array,
  tagCounts: Int32Array,
  rejected: Uint8Array,
  rejectedBy: Uint8Array,
  matched: Uint8Array,
) {
  let total = 0;
  const columnCount = columns.length;
  for (let k = 0; k < rows.length; k += 1) {
    const i = rows[k] as number;
    const r = rejected[i] as number;
    if (r === 0) {
      for (let c = 0; c < columnCount; c += 1) {
        const counts = columnCounts[c] as Int32Array;
        const code = (columns[c] as Uint16Array)[i] as number;
        counts[code] = (counts[code] as number) + 1;
      }
      for (let t = tagStart[i] as number; t < (tagStart[i + 1] as number); t += 1) {
        const tag = tagValues[t] as number;
        tagCounts[tag] = (tagCounts[tag] as number) + 1;
      }
      matched[i] = 1;
      total += 1;
    } else if (r === 1) {
      const facet = rejectedBy[i] as number;
      if (facet === technology) {
        for (let t = tagStart[i] as number; t < (tagStart[i + 1] as number); t += 1) {
          const tag = tagValues[t] as number;
          tagCounts[tag] = (tagCounts[tag] as number) + 1;
        }
      } else {
        const c = columnOfFacet[facet] as number;
        const counts = columnCounts[c] as Int32Array;
        const code = (columns[c] as Uint16Array)[i] as number;
        counts[code] = (counts[code] as number) + 1;
      }
    }
  }
  return total;
}
