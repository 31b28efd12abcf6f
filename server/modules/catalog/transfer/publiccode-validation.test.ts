import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors.ts';
import { parsePubliccode } from './publiccode.ts';
import { edited, fixture, full, minimal, WRONG } from './publiccode-cases.ts';

/**
 * publiccode.yml validated as the standard's reference parser (publiccode-parser-go) does. The valid
 * files are modelled on published ones (fixtures/publiccode); each wrong one breaks one rule of a
 * valid file, and every message is French and names the key path.
 */

const ENGLISH = /\b(must|required|invalid|expected|field|should|unknown|received)\b/i;

describe('publiccode.yml files from the wild', () => {
  it('reads a minimal 0.2 file with its lowercase `it` section, warning about what the standard deprecated', () => {
    const { data, errors, warnings, countrySections } = parsePubliccode(minimal);
    expect(errors).toEqual([]);
    expect(data).toMatchObject({ publiccodeYmlVersion: '0.2', softwareVersion: '2.0.1' });
    expect(warnings.map((w) => w.field)).toEqual([
      'legal.repoOwner',
      'description.it.genericName',
      'it',
      'it.conforme',
      'it.riuso.codiceIPA',
    ]);
    expect(warnings[4]).toEqual({
      line: 52,
      field: 'it.riuso.codiceIPA',
      message:
        '« it.riuso.codiceIPA » est dépréciée par le standard : utilisez « organisation.uri: urn:x-italian-pa:c_h501 ».',
    });
    expect(countrySections).toEqual({
      it: expect.objectContaining({ riuso: { codiceIPA: 'c_h501' }, piattaforme: { spid: true } }),
    });
  });

  it('reads a full 0.4 file with an `IT` section, keeping versions as written and the country section', () => {
    const { data, errors, warnings, countrySections } = parsePubliccode(full);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(data).toMatchObject({
      softwareVersion: '3.10',
      releaseDate: '2024-11-05',
      organisation: { name: 'Regione Esempio', uri: 'urn:x-italian-pa:r_esempio' },
      isBasedOn: ['https://github.com/italia/presenze-base.git'],
      dependsOn: {
        open: [
          { name: 'PostgreSQL', versionMin: '13' },
          { name: 'PHP', version: '8.2' },
        ],
      },
    });
    expect(countrySections).toEqual({
      IT: { countryExtensionVersion: '1.0', piattaforme: { spid: true, cie: true, pagopa: false } },
    });
  });

  it('accepts publiccodeYmlVersion "0" (the latest 0.x), a single platform and no categories', () => {
    const { data, errors } = parsePubliccode(fixture('version-0.yml'));
    expect(errors).toEqual([]);
    expect(data).toMatchObject({ publiccodeYmlVersion: '0', platforms: ['web'] });
    expect(data?.categories).toBeUndefined();
    for (const version of ['0.2', '0.2.2', '0.3', '0.4', '0.4.0', '0.5'])
      expect(parsePubliccode(edited(full, '"0.4"', `"${version}"`)).errors).toEqual([]);
    expect(parsePubliccode(edited(full, '"0.4"', '0.4')).errors).toEqual([]);
  });

  it('warns about a category outside the standard, without refusing the file', () => {
    const { data, errors, warnings } = parsePubliccode(fixture('unknown-category.yml'));
    expect(errors).toEqual([]);
    expect(data?.categories).toEqual(['document-management', 'courrier-entrant']);
    expect(warnings).toEqual([
      {
        line: 12,
        field: 'categories[1]',
        message:
          '« categories[1] » vaut « courrier-entrant », qui n’est pas une catégorie du standard : elle est ignorée.',
      },
    ]);
  });

  it('accepts SPDX expressions with AND, OR, WITH, parentheses, + and LicenseRef-', () => {
    expect(parsePubliccode(fixture('spdx-expressions.yml')).errors).toEqual([]);
    for (const license of ['GPL-2.0+', 'MIT OR Apache-2.0', 'LicenseRef-Assurance-Maladie-usage-interne'])
      expect(parsePubliccode(edited(full, 'license: EUPL-1.2', `license: ${license}`)).errors).toEqual([]);
  });
});

describe('wrong publiccode.yml files', () => {
  it.each(WRONG)('refuses %s, naming the key in French', (_what, source, field, message) => {
    const { data, errors } = parsePubliccode(source);
    expect(data).toBeUndefined();
    const error = errors.find((e) => e.field === field);
    expect(error, JSON.stringify(errors)).toBeDefined();
    expect(error?.message).toContain(`« ${field} » ${message}`);
    expect(error?.line).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.message).toMatch(/^« [^»]+ » /);
      expect(e.message).not.toMatch(ENGLISH);
    }
  });

  it('counts lengths in characters as a reader sees them (an accent written apart is one character)', () => {
    const decomposed = 'e\u0301'.repeat(149);
    const { errors } = parsePubliccode(
      edited(
        full,
        'longDescription: >\n      Gestione Presenze collects',
        `longDescription: "${decomposed}"\n    unused: >\n      Gestione Presenze collects`,
      ),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        field: 'description.en.longDescription',
        message: expect.stringContaining('(il en compte 149)'),
      }),
    );
  });
});

describe('unreadable YAML', () => {
  const problem = (source: string) => {
    try {
      parsePubliccode(source);
    } catch (error) {
      return error as AppError;
    }
    throw new Error('the file was read');
  };

  it('reports a duplicated key with its path and line, in French', () => {
    const error = problem(
      edited(
        full,
        '    shortDescription: Attendance',
        '    shortDescription: Twice.\n    shortDescription: Attendance',
      ),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('unprocessable');
    expect(error.extra.errors).toEqual([
      {
        field: 'description.en.shortDescription',
        message:
          'ligne 72 : « description.en.shortDescription » est une clé en double : chaque clé ne peut figurer qu’une fois.',
      },
    ]);
  });

  it('refuses an alias bomb at once, without expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i += 1) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = performance.now();
    const error = problem(`publiccodeYmlVersion: "0.4"\n${levels.join('\n')}\n`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error.code).toBe('unprocessable');
    expect(error.detail).toContain('alias');
  });

  it('refuses a syntax error, a document that is not a map, an oversized file and one of too many keys, in French, at once', () => {
    const manyKeys = Array.from({ length: 6000 }, (_, i) => `k${i}: 1`).join('\n');
    const started = performance.now();
    expect(problem(manyKeys).detail).toContain('plus de 10000 éléments');
    expect(performance.now() - started).toBeLessThan(5000);
    for (const source of [
      'publiccodeYmlVersion: "0.4"\nname: [oups\n',
      '- a\n- b\n',
      `# ${'x'.repeat(600_000)}\n`,
    ]) {
      const error = problem(source);
      expect(error.code).toBe('unprocessable');
      expect(error.detail).toMatch(/^Ce publiccode\.yml n’est pas un YAML lisible : /);
      expect(error.detail).not.toMatch(ENGLISH);
    }
  });
});
