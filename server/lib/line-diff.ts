export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Above this many lines on both sides, the middle is shown as removed then added (no quadratic table). */
const MAX_CELLS = 4_000_000;

/**
 * The lines of `before` and `after` in order, each kept, removed or added: the longest common subsequence
 * of lines after the common head and tail are set aside (a page's versions differ in a few places).
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const same = (lines: string[]) => lines.map((text) => ({ kind: 'same' as const, text }));
  const middle: DiffLine[] = [];
  if (x.length * y.length > MAX_CELLS) {
    middle.push(...x.map((text) => ({ kind: 'removed' as const, text })));
    middle.push(...y.map((text) => ({ kind: 'added' as const, text })));
  } else {
    // lengths[i][j]: the longest common subsequence of x[i..] and y[j..].
    const lengths = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
    for (let i = x.length - 1; i >= 0; i--)
      for (let j = y.length - 1; j >= 0; j--)
        (lengths[i] as Uint32Array)[j] =
          x[i] === y[j]
            ? ((lengths[i + 1] as Uint32Array)[j + 1] as number) + 1
            : Math.max(
                (lengths[i + 1] as Uint32Array)[j] as number,
                (lengths[i] as Uint32Array)[j + 1] as number,
              );
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) {
        middle.push({ kind: 'same', text: x[i++] as string });
        j++;
      } else if (
        i < x.length &&
        (j === y.length ||
          ((lengths[i + 1] as Uint32Array)[j] as number) >= ((lengths[i] as Uint32Array)[j + 1] as number))
      )
        middle.push({ kind: 'removed', text: x[i++] as string });
      else middle.push({ kind: 'added', text: y[j++] as string });
    }
  }
  return [...same(a.slice(0, head)), ...middle, ...same(a.slice(a.length - tail))];
}
