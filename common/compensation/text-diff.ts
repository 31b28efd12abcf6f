/** One line of a difference between two versions of a text. */
export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * The line-by-line difference between two versions of a text (longest common subsequence): lines kept,
 * removed from the first, added in the second, in reading order. Texts of agreements run to a few
 * hundred lines, so the quadratic table stays small.
 */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  const common: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      (common[i] as number[])[j] =
        a[i] === b[j]
          ? ((common[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((common[i + 1] as number[])[j] as number, (common[i] as number[])[j + 1] as number);
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ kind: 'same', text: a[i] as string });
      i += 1;
      j += 1;
    } else if (((common[i + 1] as number[])[j] as number) >= ((common[i] as number[])[j + 1] as number)) {
      lines.push({ kind: 'removed', text: a[i] as string });
      i += 1;
    } else {
      lines.push({ kind: 'added', text: b[j] as string });
      j += 1;
    }
  }
  for (; i < a.length; i += 1) lines.push({ kind: 'removed', text: a[i] as string });
  for (; j < b.length; j += 1) lines.push({ kind: 'added', text: b[j] as string });
  return lines;
}
