import { createInflateRaw } from 'node:zlib';

/**
 * What an XLSX may expand to. A 20,000-row inventory stays far below (about 3 KB of XML a row); a zip
 * bomb (a few megabytes expanding to gigabytes) is refused before a single row is read.
 */
export const MAX_XLSX_EXPANDED_BYTES = 100 * 1024 * 1024;

const CENTRAL_END = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const DEFLATE = 8;
const STORED = 0;
const DESCRIPTOR = 0x08074b50;
const ZIP64 = 0xffffffff;

interface ZipEntry {
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
  hasDescriptor: boolean;
}

/** The entries the central directory lists, or null when the archive is not a plain zip. */
function centralEntries(zip: Buffer): { entries: ZipEntry[]; directoryOffset: number } | null {
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let i = zip.length - 22; i >= from; i -= 1)
    if (zip.readUInt32LE(i) === CENTRAL_END) {
      end = i;
      break;
    }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  const directoryOffset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  let p = directoryOffset;
  for (let n = 0; n < count; n += 1) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== CENTRAL_ENTRY) return null;
    const entry = {
      hasDescriptor: (zip.readUInt16LE(p + 8) & 0x8) !== 0,
      method: zip.readUInt16LE(p + 10),
      compressedSize: zip.readUInt32LE(p + 20),
      size: zip.readUInt32LE(p + 24),
      offset: zip.readUInt32LE(p + 42),
    };
    if (entry.compressedSize === ZIP64 || entry.size === ZIP64 || entry.offset === ZIP64) return null;
    entries.push(entry);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return { entries: entries.sort((a, b) => a.offset - b.offset), directoryOffset };
}

/** Where an entry's compressed bytes start (after its local header). */
function dataStart(zip: Buffer, entry: ZipEntry) {
  const p = entry.offset;
  if (p + 30 > zip.length || zip.readUInt32LE(p) !== LOCAL_ENTRY) return -1;
  return p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
}

/** How many bytes a deflated entry expands to, counted as zlib (off the event loop) hands them over. */
async function inflatedSize(data: Buffer, budget: number) {
  const inflater = createInflateRaw();
  inflater.end(data);
  let total = 0;
  for await (const chunk of inflater) {
    total += (chunk as Buffer).length;
    if (total > budget) {
      inflater.destroy();
      break;
    }
  }
  return total;
}

/**
 * Checks an XLSX (a zip) before it is parsed: the entries lie end to end as the central directory
 * lists them (no hidden entry that a sequential reader would inflate uncounted), and what they really
 * expand to — inflated and counted, not what the headers declare — stays under `limit`.
 * Returns a French reason for a refusal, or null.
 */
export async function zipExpansionProblem(zip: Buffer, limit = MAX_XLSX_EXPANDED_BYTES) {
  const unreadable = "Le fichier n'est pas un classeur XLSX lisible.";
  const tooLarge = `Le classeur décompressé dépasse ${Math.round(limit / 1024 / 1024)} Mo : découpez l'inventaire en plusieurs fichiers.`;
  const listed = centralEntries(zip);
  if (!listed) return unreadable;
  if (listed.entries.reduce((sum, e) => sum + e.size, 0) > limit) return tooLarge;
  let expected = 0;
  let expanded = 0;
  for (const entry of listed.entries) {
    const start = dataStart(zip, entry);
    if (entry.offset !== expected || start < 0) return unreadable;
    const data = zip.subarray(start, start + entry.compressedSize);
    if (entry.method === STORED) expanded += data.length;
    else if (entry.method === DEFLATE) {
      try {
        expanded += await inflatedSize(data, limit - expanded);
      } catch {
        return unreadable;
      }
    } else return unreadable;
    if (expanded > limit) return tooLarge;
    expected = start + entry.compressedSize;
    if (entry.hasDescriptor)
      expected += expected + 4 <= zip.length && zip.readUInt32LE(expected) === DESCRIPTOR ? 16 : 12;
  }
  return expected === listed.directoryOffset ? null : unreadable;
}
