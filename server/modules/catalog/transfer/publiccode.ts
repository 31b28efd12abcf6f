import { type Document, isMap, isPair, isScalar, LineCounter, parseDocument, stringify, visit } from 'yaml';
import type { z } from 'zod';
import { AppError } from '../../../lib/errors.ts';
import type { ImportError } from './inventory.ts';
import { isCountryCode } from './publiccode.checks.ts';
import { type Publiccode, publiccodeSchema, topLevelIssues } from './publiccode.schema.ts';
import { PUBLICCODE_CATEGORIES } from './publiccode.vocabulary.ts';

export type { Publiccode };

/**
 * publiccode.yml, the metadata standard for public software (publiccodeyml/publiccode.yml, 0.x), read
 * as its reference parser reads it: YAML 1.2 with unique keys, every scalar of a text key taken as
 * written (`softwareVersion: 1.10` stays "1.10"), errors that block and warnings that are kept, each
 * in French and naming the key path and the line.
 */

/** A publiccode.yml is a few kilobytes; past this size it is not one, and parsing it would only cost. */
export const MAX_PUBLICCODE_BYTES = 512 * 1024;
/** Keys and values at most: a real file has a few hundred; past this, every later step would only cost. */
const MAX_NODES = 10_000;
/** Errors reported at most of each kind (schema, document): enough to fix a file, few to locate. */
const MAX_REPORTED = 200;
/** Aliases resolved at most: enough for real files, far too few for a "billion laughs". */
const MAX_ALIAS_COUNT = 100;

/** `description.fr.features[0]`: the key path as the standard's parser writes it. */
export function keyPath(path: readonly PropertyKey[]) {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

const YAML_ERRORS: Record<string, string> = {
  DUPLICATE_KEY: 'est une clé en double : chaque clé ne peut figurer qu’une fois.',
  BAD_INDENT: 'indentation incorrecte.',
  MISSING_CHAR: 'un caractère manque (guillemet, crochet ou accolade non refermé).',
  BAD_SCALAR_START: 'une valeur commence par un caractère réservé (mettez-la entre guillemets).',
  BLOCK_AS_IMPLICIT_KEY: 'une clé s’étend sur plusieurs lignes.',
  MULTIPLE_DOCS: 'le fichier contient plusieurs documents YAML.',
  UNEXPECTED_TOKEN: 'caractère inattendu.',
  TAB_AS_INDENT: 'une tabulation sert d’indentation (utilisez des espaces).',
  BAD_ALIAS: 'alias invalide.',
  BAD_DIRECTIVE: 'directive YAML invalide.',
  MULTILINE_IMPLICIT_KEY: 'une clé s’étend sur plusieurs lignes.',
  ALIAS_PROPS: 'un alias ne peut porter ni ancre ni étiquette.',
  KEY_OVER_1024_CHARS: 'une clé dépasse 1 024 caractères.',
};

const unreadable = (errors: { field: string; message: string }[]) =>
  new AppError(
    'unprocessable',
    `Ce publiccode.yml n’est pas un YAML lisible : ${errors[0]?.message ?? 'fichier illisible.'}`,
    { errors },
  );

/** The path of the key written at `offset`, when a key is written there. */
function keyPathAt(doc: Document, offset: number) {
  let found: PropertyKey[] | null = null;
  visit(doc, {
    Pair(_key, pair, ancestors) {
      if (!isScalar(pair.key) || pair.key.range?.[0] !== offset) return undefined;
      const path: PropertyKey[] = [];
      let child: unknown = pair;
      for (const node of [...ancestors].reverse()) {
        if (isPair(node) && isScalar(node.key)) path.unshift(String(node.key.value));
        else if (!isPair(node) && !isMap(node) && Array.isArray((node as { items?: unknown[] }).items))
          path.unshift((node as { items: unknown[] }).items.indexOf(child));
        child = node;
      }
      found = [...path, String(pair.key.value)];
      return visit.BREAK;
    },
  });
  return found as PropertyKey[] | null;
}

/**
 * The YAML document as data, or a 422 problem in French: syntax errors, duplicated keys, alias bombs
 * and a document that is not a map of keys never reach the schema (nor the user in English).
 */
function readYaml(source: string) {
  if (Buffer.byteLength(source, 'utf8') > MAX_PUBLICCODE_BYTES)
    throw unreadable([
      {
        field: 'publiccode.yml',
        message: `le fichier dépasse ${MAX_PUBLICCODE_BYTES / 1024} Ko : ce n’est pas un publiccode.yml.`,
      },
    ]);
  const lineCounter = new LineCounter();
  // Unique keys are checked below in one pass: the parser's own check compares every pair of keys of a
  // map, which a file of a few hundred kilobytes turns into minutes of CPU.
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const errors = [...doc.errors.map((e) => ({ code: e.code as string, offset: e.pos[0] }))];
  let nodes = 0;
  visit(doc, {
    Node() {
      nodes += 1;
      return nodes > MAX_NODES ? visit.BREAK : undefined;
    },
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key) && isScalar(pair.key))
          errors.push({ code: 'DUPLICATE_KEY', offset: pair.key.range?.[0] ?? 0 });
        seen.add(key);
      }
    },
  });
  if (nodes > MAX_NODES)
    throw unreadable([
      {
        field: 'publiccode.yml',
        message: `le fichier compte plus de ${MAX_NODES} éléments : ce n’est pas un publiccode.yml.`,
      },
    ]);
  if (errors.length > 0)
    throw unreadable(
      errors.slice(0, 20).map((error) => {
        const line = lineCounter.linePos(error.offset).line;
        const path = error.code === 'DUPLICATE_KEY' ? keyPathAt(doc, error.offset) : null;
        const field = path ? keyPath(path) : 'publiccode.yml';
        const what = YAML_ERRORS[error.code] ?? 'syntaxe YAML invalide.';
        return { field, message: path ? `ligne ${line} : « ${field} » ${what}` : `ligne ${line} : ${what}` };
      }),
    );
  if (!isMap(doc.contents))
    throw unreadable([
      {
        field: 'publiccode.yml',
        message: 'le fichier doit être une liste de clés (publiccodeYmlVersion, name…).',
      },
    ]);
  // A number written where the standard expects text is the text as written, as the reference parser reads it.
  visit(doc, {
    Scalar(_key, node) {
      if ((typeof node.value === 'number' || typeof node.value === 'bigint') && node.source !== undefined)
        node.value = node.source;
    },
  });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    throw unreadable([
      {
        field: 'publiccode.yml',
        message: `le fichier répète des alias (&ancre / *alias) au-delà de ${MAX_ALIAS_COUNT} : il est refusé.`,
      },
    ]);
  }
  return { doc, lineCounter, value: value as Record<string, unknown> };
}

/** A zod issue left without a message of the schema's own: its French wording by kind. */
function frenchMessage(issue: z.core.$ZodRawIssue): string {
  if (issue.input === undefined) return 'est obligatoire.';
  switch (issue.code) {
    case 'invalid_value':
      return `doit valoir l’une de ces valeurs : ${issue.values.map(String).join(', ')}.`;
    case 'invalid_type':
      return 'n’a pas le type attendu.';
    default:
      return 'n’est pas une valeur admise.';
  }
}

function errorsOf(issues: z.core.$ZodIssue[], lineOf: (path: PropertyKey[]) => number): ImportError[] {
  return issues.flatMap((issue) => {
    const paths =
      issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    return paths.map((path) => {
      const field = keyPath(path) || 'publiccode.yml';
      const message =
        issue.code === 'unrecognized_keys' ? 'n’est pas une clé du standard publiccode.yml.' : issue.message;
      return { line: lineOf(path), field, message: `« ${field} » ${message}` };
    });
  });
}

const asList = (value: unknown) => (Array.isArray(value) ? value : []);
const asSection = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** What the reference parser warns about: kept and shown, never blocking. */
function warningsOf(pc: Record<string, unknown>): { path: PropertyKey[]; message: string }[] {
  const warnings: { path: PropertyKey[]; message: string }[] = [];
  const deprecated = (path: PropertyKey[], advice: string) =>
    warnings.push({ path, message: `est dépréciée par le standard : ${advice}` });
  asList(pc.categories).forEach((category, i) => {
    if (typeof category === 'string' && !(PUBLICCODE_CATEGORIES as readonly string[]).includes(category))
      warnings.push({
        path: ['categories', i],
        message: `vaut « ${category} », qui n’est pas une catégorie du standard : elle est ignorée.`,
      });
  });
  if (pc.monochromeLogo !== undefined) deprecated(['monochromeLogo'], 'utilisez « logo ».');
  if (pc.inputTypes !== undefined) deprecated(['inputTypes'], 'elle peut être retirée.');
  if (pc.outputTypes !== undefined) deprecated(['outputTypes'], 'elle peut être retirée.');
  const legal = asSection(pc.legal);
  if (legal.authorsFile !== undefined) deprecated(['legal', 'authorsFile'], 'elle peut être retirée.');
  if (legal.repoOwner !== undefined) deprecated(['legal', 'repoOwner'], 'utilisez « organisation.name ».');
  for (const [language, text] of Object.entries(asSection(pc.description)))
    if (asSection(text).genericName !== undefined)
      deprecated(['description', language, 'genericName'], 'elle peut être retirée.');
  const audience = asSection(pc.intendedAudience);
  for (const key of ['countries', 'unsupportedCountries'])
    asList(audience[key]).forEach((code, i) => {
      if (typeof code === 'string' && isCountryCode(code) && code === code.toLowerCase())
        warnings.push({
          path: ['intendedAudience', key, i],
          message: `est en minuscules, forme dépréciée : écrivez « ${code.toUpperCase()} ».`,
        });
    });
  if (pc.it !== undefined) deprecated(['it'], 'écrivez la section italienne « IT ».');
  const italian = asSection(pc.IT ?? pc.it);
  const italianKey = pc.IT !== undefined ? 'IT' : 'it';
  if (italian.conforme !== undefined) deprecated([italianKey, 'conforme'], 'elle peut être retirée.');
  const ipa = asSection(italian.riuso).codiceIPA;
  if (ipa !== undefined)
    deprecated([italianKey, 'riuso', 'codiceIPA'], `utilisez « organisation.uri: urn:x-italian-pa:${ipa} ».`);
  return warnings;
}

/**
 * Parses and validates: `data` when the file meets the standard, `errors` (blocking) otherwise, and
 * `warnings` either way. An unreadable file (YAML errors, alias bombs) throws a 422 problem.
 */
export function parsePubliccode(source: string): {
  data?: Publiccode;
  errors: ImportError[];
  warnings: ImportError[];
  countrySections: Record<string, unknown>;
  /** The line of a key path, for what the importer adds (offices not found…). */
  lineOf: (path: PropertyKey[]) => number;
} {
  const { doc, lineCounter, value } = readYaml(source);
  const lineOf = (path: PropertyKey[]) => {
    for (let n = path.length; n >= 0; n -= 1) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as
        | { range?: [number, number, number] }
        | undefined;
      const offset = node?.range?.[0];
      if (offset !== undefined) return lineCounter.linePos(offset).line;
    }
    return 1;
  };
  const located = (items: { path: PropertyKey[]; message: string }[]) =>
    items.map(({ path, message }) => {
      const field = keyPath(path);
      return { line: lineOf(path), field, message: `« ${field} » ${message}` };
    });
  const warnings = located(warningsOf(value));
  const countrySections = Object.fromEntries(
    Object.entries(value).filter(([key]) => key.length === 2 && isCountryCode(key)),
  );
  const parsed = publiccodeSchema.safeParse(value, { error: frenchMessage });
  const errors = [
    ...(parsed.success ? [] : errorsOf(parsed.error.issues.slice(0, MAX_REPORTED), lineOf)),
    ...located(topLevelIssues(value).slice(0, MAX_REPORTED)),
  ];
  if (!parsed.success || errors.length > 0) return { errors, warnings, countrySections, lineOf };
  return { data: parsed.data, errors: [], warnings, countrySections, lineOf };
}

export const stringifyPubliccode = (data: object) => stringify(data, { lineWidth: 0 });
