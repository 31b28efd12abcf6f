import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The security file (docs/security/) claims measures and names the tests that prove them, as
 * `[file › exact test title](relative/path/to/file.test.ts)`. This test holds every such claim to the
 * code: the file exists and has a test of that exact title, so renaming or removing a test breaks the
 * file here. It also holds that every measure said met or partly met names a test.
 */
const root = path.resolve(import.meta.dirname, '../..');
const folder = path.join(root, 'docs/security');
const documents = readdirSync(folder)
  .filter((name) => name.endsWith('.md'))
  .map((name) => ({ name, text: readFileSync(path.join(folder, name), 'utf8') }));

const LINK = /\[((?:[^\]\\]|\\.)*)\]\(([^)\s]+)\)/g;
const TITLE_SEPARATOR = ' › ';
/** The marker a measure carried while its test was being written: none may be left. */
const RGPD_PENDING = 'test with the RGPD work';

interface TestReference {
  document: string;
  file: string;
  title: string;
}

/** Links of the text, leaving out code (an example written between backquotes is not a claim). */
function linksOf(text: string) {
  const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(LINK)].map((m) => ({ text: m[1] as string, target: m[2] as string }));
}

function testReferences(): TestReference[] {
  const references: TestReference[] = [];
  for (const { name, text } of documents)
    for (const link of linksOf(text)) {
      const target = link.target.split('#')[0] as string;
      if (!target.endsWith('.test.ts')) continue;
      const at = link.text.indexOf(TITLE_SEPARATOR);
      references.push({
        document: name,
        file: path.resolve(folder, target),
        title: at < 0 ? '' : link.text.slice(at + TITLE_SEPARATOR.length),
      });
    }
  return references;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An `it(…)` or `test(…)` (with its modifiers: `it.concurrent`, `test.skipIf(…)`) of exactly this title,
 * or a row of an `it.each([...])('%s', …)` table whose first cell is that title.
 */
function hasTest(source: string, title: string) {
  const quoted = ["'", '"', '`'].map((q) => `${q}${escapeRegExp(title)}${q}`).join('|');
  if (new RegExp(`\\b(?:it|test)(?:\\.\\w+(?:\\([^)]*\\))?)*\\(\\s*(?:${quoted})\\s*,`).test(source))
    return true;
  return (
    /\b(?:it|test)\.each\(/.test(source) &&
    /\)\(\s*'%s'/.test(source) &&
    new RegExp(`\\[\\s*(?:${quoted})\\s*,`).test(source)
  );
}

describe('the security file', () => {
  it('has its five documents', () => {
    expect(documents.map((d) => d.name).sort()).toEqual([
      'README.md',
      'architecture-and-flows.md',
      'asvs-l2.md',
      'risk-analysis.md',
      'updates.md',
    ]);
  });

  it('names, for every test it cites, a file that exists and a test of that exact title', () => {
    const references = testReferences();
    expect(references.length).toBeGreaterThan(60);
    const broken = references
      .filter(({ file, title }) => !title || !existsSync(file) || !hasTest(readFileSync(file, 'utf8'), title))
      .map(
        ({ document, file, title }) => `${document}: ${path.relative(root, file)} › ${title || '(no title)'}`,
      );
    expect(broken).toEqual([]);
  });

  it('links only to files that exist', () => {
    const missing = documents.flatMap(({ name, text }) =>
      linksOf(text)
        .map((link) => link.target.split('#')[0] as string)
        .filter((target) => target && !/^[a-z]+:/.test(target))
        .filter((target) => !existsSync(path.resolve(folder, target)))
        .map((target) => `${name}: ${target}`),
    );
    expect(missing).toEqual([]);
  });

  it('names a test for every measure it says is met or partly met', () => {
    const rows = documents
      .filter(({ name }) => name === 'risk-analysis.md' || name === 'asvs-l2.md')
      .flatMap(({ name, text }) =>
        text
          .split('\n')
          .filter((line) => line.startsWith('|') && /\*\*(Met|Partly)\*\*/.test(line))
          .map((line) => ({ name, line })),
      );
    expect(rows.length).toBeGreaterThan(40);
    const unproven = rows
      .filter(
        ({ line }) =>
          !linksOf(line).some((l) => l.target.includes('.test.ts')) && !line.includes(RGPD_PENDING),
      )
      .map(({ name, line }) => `${name}: ${line.slice(0, 80)}`);
    expect(unproven).toEqual([]);
  });

  it('leaves no measure waiting for its test', () => {
    const waiting = documents.flatMap(({ name, text }) =>
      text
        .split('\n')
        .filter((line) => line.includes(RGPD_PENDING) || /\*\*In progress\*\*/.test(line))
        .map((line) => `${name}: ${line.slice(0, 80)}`),
    );
    expect(waiting).toEqual([]);
  });
});
