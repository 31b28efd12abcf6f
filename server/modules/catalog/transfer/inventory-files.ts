import Papa from 'papaparse';
import { type ImportError, type RawRow, toRows, unguardFormula } from './inventory.ts';
import { readFirstSheetInWorker } from './xlsx-sheet.ts';
import { zipExpansionProblem } from './zip-limits.ts';

export const MAX_IMPORT_ROWS = 20_000;

/** How a CSV was read: the import report says it, so that a file read wrongly is noticed. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';
export type CsvSeparator = ';' | ',' | '\t';

export interface ParsedInventory {
  rows: RawRow[];
  errors: ImportError[];
  encoding?: TextEncoding;
  separator?: CsvSeparator;
}

const tooManyRows = (): ImportError => ({
  line: 0,
  field: 'fichier',
  message: `Au plus ${MAX_IMPORT_ROWS} lignes par import : le fichier en compte davantage. Découpez-le en plusieurs fichiers.`,
});
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Windows-1252 at 0x80–0x9F (where it differs from Latin-1); the five unassigned bytes stay as they are. */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 control characters (U+0080–U+009F)
 * rather than as the characters Windows puts there (’ œ € …): they are mapped here, which is a no-op
 * where the decoder is right.
 */
const decodeWindows1252 = (content: Buffer) =>
  new TextDecoder('windows-1252')
    .decode(content)
    .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c);

/**
 * UTF-8 (with or without a byte order mark) when the bytes are valid UTF-8, else Windows-1252: what
 * French Excel writes for « CSV (séparateur : point-virgule) ».
 */
export function decodeText(content: Buffer): { text: string; encoding: TextEncoding } {
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(content.subarray(3)), encoding: 'utf-8-bom' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(content), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(content), encoding: 'windows-1252' };
  }
}

/** The separator of the header line (outside quotes): the most frequent of ; , and tab, « ; » on a tie. */
export function detectSeparator(text: string): CsvSeparator {
  const counts: Record<CsvSeparator, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of text.slice(0, 64 * 1024)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as CsvSeparator] += 1;
  }
  const ranked = (Object.keys(counts) as CsvSeparator[]).sort((a, b) => counts[b] - counts[a]);
  return ranked[0] && counts[ranked[0]] > 0 ? ranked[0] : ';';
}

/**
 * Reads a CSV in chunks, giving the event loop back between them, and stops past MAX_IMPORT_ROWS data
 * rows (the header is line 1).
 */
export async function parseCsv(content: Buffer): Promise<ParsedInventory> {
  const { text, encoding } = decodeText(content);
  const separator = detectSeparator(text);
  const lines: { line: number; cells: string[] }[] = [];
  const errors: ImportError[] = [];
  let tooMany = false;
  await new Promise<void>((resolve) => {
    Papa.parse<string[]>(text, {
      delimiter: separator,
      skipEmptyLines: 'greedy',
      chunkSize: 256 * 1024,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        for (const e of results.errors)
          errors.push({
            line: lines.length + (e.row ?? 0) + 1,
            field: 'fichier',
            message: `CSV illisible : ${e.message}.`,
          });
        for (const cells of results.data)
          lines.push({ line: lines.length + 1, cells: cells.map(unguardFormula) });
        if (lines.length > MAX_IMPORT_ROWS + 1) {
          tooMany = true;
          parser.abort();
          return;
        }
        parser.pause();
        setImmediate(() => parser.resume());
      },
      complete: () => resolve(),
    });
  });
  if (tooMany) return { rows: [], errors: [tooManyRows()], encoding, separator };
  await nextTurn();
  const result = toRows(lines);
  return { rows: result.rows, errors: [...errors, ...result.errors], encoding, separator };
}

const unreadableXlsx = (message = "Le fichier n'est pas un classeur XLSX lisible."): ParsedInventory => ({
  rows: [],
  errors: [{ line: 0, field: 'fichier', message }],
});

/**
 * Reads the first sheet of an XLSX after checking what the archive expands to, and stops past
 * MAX_IMPORT_ROWS data rows: a file of a million rows costs what 20,001 rows cost. The sheet is parsed
 * in a worker thread (xlsx-sheet.worker.ts): XML parsing is CPU work that would otherwise hold every
 * other request for seconds.
 */
export async function parseXlsx(content: Buffer): Promise<ParsedInventory> {
  const problem = await zipExpansionProblem(content);
  if (problem) return unreadableXlsx(problem);
  const sheet = await readFirstSheetInWorker(content, MAX_IMPORT_ROWS + 1);
  if (sheet.outcome === 'read') return toRows(sheet.lines);
  if (sheet.outcome === 'tooManyRows') return { rows: [], errors: [tooManyRows()] };
  return unreadableXlsx(sheet.outcome === 'noSheet' ? 'Le classeur ne contient aucune feuille.' : undefined);
}
