import { describe, expect, it } from 'vitest';
import { diffLines } from './text-diff.ts';

describe('diffLines', () => {
  it('lists the lines kept, removed and added, in reading order', () => {
    expect(
      diffLines(
        'Article 1\nArticle 2 — un an\nArticle 3',
        'Article 1\nArticle 2 — trois ans\nArticle 3\nArticle 4',
      ),
    ).toEqual([
      { kind: 'same', text: 'Article 1' },
      { kind: 'removed', text: 'Article 2 — un an' },
      { kind: 'added', text: 'Article 2 — trois ans' },
      { kind: 'same', text: 'Article 3' },
      { kind: 'added', text: 'Article 4' },
    ]);
  });
});
