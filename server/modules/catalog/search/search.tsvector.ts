/** PostgreSQL's tsvector text form, as the in-memory full text reads it (search.text.ts). */

const CLASS_BITS: Record<string, number> = { A: 1, B: 2, C: 4, D: 8 };
/** The letters of each combination of class bits ('', 'A', 'B', 'AB', …). */
const WEIGHTS = Array.from({ length: 16 }, (_, bits) =>
  [...'ABCD'].filter((_w, k) => bits & (1 << k)).join(''),
);

/**
 * The lexemes of a tsvector's text form (`'absenc':3A 'cong':1A,5B 'x''y'`): each with the weight
 * classes it has (a position without a letter, or no position at all, is class D) and its number of
 * positions (1 without positions).
 */
export function parseTsVector(text: string): { lexeme: string; weights: string; count: number }[] {
  const out: { lexeme: string; weights: string; count: number }[] = [];
  let i = 0;
  const n = text.length;
  let backslash = text.indexOf('\\'); // the next one, looked for again only once passed
  while (i < n) {
    while (i < n && text[i] === ' ') i += 1;
    if (i >= n) break;
    if (text[i] !== "'") throw new Error(`tsvector: quote expected at ${i}`);
    i += 1;
    let lexeme = '';
    for (;;) {
      // Plain runs are sliced at once; only the escapes ('' and \x) are read one by one.
      const quote = text.indexOf("'", i);
      if (backslash >= 0 && backslash < i) backslash = text.indexOf('\\', i);
      if (quote < 0) throw new Error('tsvector: unterminated lexeme');
      if (backslash >= 0 && backslash < quote) {
        lexeme += text.slice(i, backslash) + (text[backslash + 1] ?? '');
        i = backslash + 2;
      } else if (text[quote + 1] === "'") {
        lexeme += `${text.slice(i, quote)}'`;
        i = quote + 2;
      } else {
        lexeme += text.slice(i, quote);
        i = quote + 1;
        break;
      }
    }
    let bits = 0;
    let count = 0;
    if (text[i] === ':') {
      i += 1;
      for (;;) {
        while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i += 1;
        const letter = text[i];
        if (letter !== undefined && letter in CLASS_BITS) {
          bits |= CLASS_BITS[letter] as number;
          i += 1;
        } else bits |= CLASS_BITS.D as number;
        count += 1;
        if (text[i] !== ',') break;
        i += 1;
      }
    } else {
      bits = CLASS_BITS.D as number;
      count = 1;
    }
    out.push({ lexeme, weights: WEIGHTS[bits] as string, count });
  }
  return out;
}

/** A posting's info byte: the weight classes (low 4 bits) and the occurrences, capped (high 4). */
export function infoByte(weights: string, count: number) {
  let bits = 0;
  for (const w of weights) bits |= CLASS_BITS[w] ?? 0;
  return bits | (Math.min(Math.max(count, 1), 15) << 4);
}
