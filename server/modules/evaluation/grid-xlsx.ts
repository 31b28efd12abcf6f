import { CRITICALITY_CLASSES, CRITICALITY_LABELS, TRACK_LABELS } from '../../../common/catalog/vocabulary.ts';
import {
  EVALUATED_TRACKS,
  REQUIREMENT_LEVEL_LABELS,
  REQUIREMENT_LEVELS,
  REVIEWER_LABELS,
  REVIEWER_ROLES,
  VERIFICATION_LABELS,
  VERIFICATION_METHODS,
} from '../../../common/evaluation/vocabulary.ts';
import type { Label } from '../../../common/lifecycle.ts';
import { type GridContent, gridContentSchema } from '../../../common/schemas/evaluation-grid.ts';
import { comparableText } from '../../../common/text.ts';

/**
 * A grid version as a workbook the DDSI can edit in a spreadsheet, and back: three sheets — the
 * requirements (one row each, the section repeated), the criticality profile (one row per option) and
 * the rules. Code lists are written as their French labels and read as labels or codes, whatever the
 * case and accents.
 */

export interface SheetData {
  name: string;
  headers: { title: string; width: number }[];
  rows: (string | number)[][];
}
export type SheetLines = Record<string, { line: number; cells: string[] }[]>;
export interface ImportError {
  sheet: string;
  line: number;
  field: string;
  message: string;
}

export const REQUIREMENTS_SHEET = 'Exigences';
export const PROFILE_SHEET = 'Profil de criticité';
export const RULES_SHEET = 'Règles';
const MATURITY_RULE = 'Maturité';
const CRITICALITY_RULE = 'Criticité';

const header = (title: string, width = 18) => ({ title, width });
const REQUIREMENT_HEADERS = [
  header('Section', 10),
  header('Titre de la section', 34),
  header('Relecteur', 14),
  header('Code', 10),
  header('Exigence', 70),
  header('Filières', 28),
  header('Niveau', 14),
  header('Preuve attendue', 50),
  header('Vérification', 24),
  // Optional: a workbook exported before it was added reads the same.
  header('Page du référentiel', 34),
];
const PROFILE_HEADERS = [
  header('Question', 14),
  header('Libellé de la question', 50),
  header('Option', 14),
  header("Libellé de l'option", 44),
  header('Points', 8),
  header('Au moins', 12),
];
const RULES_HEADERS = [
  header('Règle', 12),
  header('Niveau ou classe', 18),
  header('Seuil', 12),
  header('Seuil recommandées', 20),
];

/** The workbook of a version's content. */
export function gridToSheets(content: GridContent): SheetData[] {
  return [
    {
      name: REQUIREMENTS_SHEET,
      headers: REQUIREMENT_HEADERS,
      rows: content.sections.flatMap((section) =>
        section.requirements.map((r) => [
          section.code,
          section.title,
          REVIEWER_LABELS[section.reviewer].fr,
          r.code,
          r.text,
          r.tracks.map((t) => TRACK_LABELS[t].fr).join(', '),
          REQUIREMENT_LEVEL_LABELS[r.level].fr,
          r.evidence,
          VERIFICATION_LABELS[r.verification].fr,
          r.referentialPage ?? '',
        ]),
      ),
    },
    {
      name: PROFILE_SHEET,
      headers: PROFILE_HEADERS,
      rows: content.profile.flatMap((q) =>
        q.options.map((o) => [
          q.code,
          q.question,
          o.value,
          o.label,
          o.points,
          o.atLeast ? CRITICALITY_LABELS[o.atLeast].fr : '',
        ]),
      ),
    },
    {
      name: RULES_SHEET,
      headers: RULES_HEADERS,
      rows: [
        ...content.rules.maturity.map((m) => [MATURITY_RULE, m.level, m.mandatoryMet, m.recommendedMet]),
        ...content.rules.criticality.map((c) => [
          CRITICALITY_RULE,
          CRITICALITY_LABELS[c.class].fr,
          c.minPoints,
          '',
        ]),
      ],
    },
  ];
}

/** A code list's value from its label (French or English) or its code, or null. */
function codeOf<T extends string>(codes: readonly T[], labels: Record<T, Label>, cell: string): T | null {
  const wanted = comparableText(cell);
  return (
    codes.find(
      (c) =>
        comparableText(c) === wanted ||
        comparableText(labels[c].fr) === wanted ||
        comparableText(labels[c].en) === wanted,
    ) ?? null
  );
}

const number = (cell: string) =>
  cell.trim() === '' || Number.isNaN(Number(cell.replace(',', '.')))
    ? Number.NaN
    : Number(cell.replace(',', '.'));

interface Reading {
  content: GridContent;
  errors: ImportError[];
  /** Where each part of the content came from, to place the schema's complaints on a line. */
  lineOf: Map<string, { sheet: string; line: number }>;
}

function readRequirements(lines: SheetLines[string], reading: Reading) {
  const bySection = new Map<string, GridContent['sections'][number]>();
  for (const { line, cells } of lines) {
    const [
      section = '',
      title = '',
      reviewer = '',
      code = '',
      text = '',
      tracks = '',
      level = '',
      evidence = '',
      verification = '',
      referentialPage = '',
    ] = cells;
    if (cells.every((c) => c.trim() === '')) continue;
    const fail = (field: string, message: string) =>
      reading.errors.push({ sheet: REQUIREMENTS_SHEET, line, field, message });
    const reviewerRole = codeOf(REVIEWER_ROLES, REVIEWER_LABELS, reviewer);
    if (!reviewerRole) fail('Relecteur', 'Le relecteur vaut DDSI, DDFC/DC2R ou DDO.');
    const trackCodes = tracks
      .split(/[,;]/)
      .filter((t) => t.trim() !== '')
      .map((t) => codeOf(EVALUATED_TRACKS, TRACK_LABELS, t));
    if (trackCodes.length === 0 || trackCodes.includes(null))
      fail('Filières', 'Les filières valent Labellisation et/ou Homologation, séparées par une virgule.');
    const levelCode = codeOf(REQUIREMENT_LEVELS, REQUIREMENT_LEVEL_LABELS, level);
    if (!levelCode) fail('Niveau', 'Le niveau vaut Obligatoire ou Recommandée.');
    const method = codeOf(VERIFICATION_METHODS, VERIFICATION_LABELS, verification);
    if (!method)
      fail(
        'Vérification',
        `La vérification vaut ${VERIFICATION_METHODS.map((m) => VERIFICATION_LABELS[m].fr).join(', ')}.`,
      );
    const sectionCode = section.trim();
    let target = bySection.get(sectionCode);
    if (!target) {
      target = {
        code: sectionCode,
        title: title.trim(),
        reviewer: reviewerRole ?? 'itDirectorate',
        requirements: [],
      };
      bySection.set(sectionCode, target);
      reading.content.sections.push(target);
      reading.lineOf.set(`sections.${reading.content.sections.length - 1}`, {
        sheet: REQUIREMENTS_SHEET,
        line,
      });
    }
    target.requirements.push({
      code: code.trim(),
      text: text.trim(),
      tracks: trackCodes.filter((t) => t !== null),
      level: levelCode ?? 'mandatory',
      evidence: evidence.trim(),
      verification: method ?? 'document',
      ...(referentialPage.trim() ? { referentialPage: referentialPage.trim() } : {}),
    });
    const s = reading.content.sections.indexOf(target);
    reading.lineOf.set(`sections.${s}.requirements.${target.requirements.length - 1}`, {
      sheet: REQUIREMENTS_SHEET,
      line,
    });
  }
}

function readProfile(lines: SheetLines[string], reading: Reading) {
  for (const { line, cells } of lines) {
    const [question = '', wording = '', value = '', label = '', points = '', atLeast = ''] = cells;
    if (cells.every((c) => c.trim() === '')) continue;
    let target = reading.content.profile.find((q) => q.code === question.trim());
    if (!target) {
      target = { code: question.trim(), question: wording.trim(), options: [] };
      reading.content.profile.push(target);
      reading.lineOf.set(`profile.${reading.content.profile.length - 1}`, { sheet: PROFILE_SHEET, line });
    }
    const floor = atLeast.trim() === '' ? null : codeOf(CRITICALITY_CLASSES, CRITICALITY_LABELS, atLeast);
    if (atLeast.trim() !== '' && !floor)
      reading.errors.push({
        sheet: PROFILE_SHEET,
        line,
        field: 'Au moins',
        message: 'La classe vaut Faible, Modérée, Élevée ou Critique (ou rien).',
      });
    target.options.push({ value: value.trim(), label: label.trim(), points: number(points), atLeast: floor });
    const q = reading.content.profile.indexOf(target);
    reading.lineOf.set(`profile.${q}.options.${target.options.length - 1}`, { sheet: PROFILE_SHEET, line });
  }
}

function readRules(lines: SheetLines[string], reading: Reading) {
  for (const { line, cells } of lines) {
    const [rule = '', which = '', threshold = '', recommended = ''] = cells;
    if (cells.every((c) => c.trim() === '')) continue;
    const kind = comparableText(rule);
    if (kind === comparableText(MATURITY_RULE)) {
      reading.lineOf.set(`rules.maturity.${reading.content.rules.maturity.length}`, {
        sheet: RULES_SHEET,
        line,
      });
      reading.content.rules.maturity.push({
        level: number(which),
        mandatoryMet: number(threshold),
        recommendedMet: number(recommended),
      });
    } else if (kind === comparableText(CRITICALITY_RULE)) {
      const criticality = codeOf(CRITICALITY_CLASSES, CRITICALITY_LABELS, which);
      if (!criticality)
        reading.errors.push({
          sheet: RULES_SHEET,
          line,
          field: 'Niveau ou classe',
          message: 'La classe vaut Faible, Modérée, Élevée ou Critique.',
        });
      reading.lineOf.set(`rules.criticality.${reading.content.rules.criticality.length}`, {
        sheet: RULES_SHEET,
        line,
      });
      reading.content.rules.criticality.push({ class: criticality ?? 'low', minPoints: number(threshold) });
    } else
      reading.errors.push({
        sheet: RULES_SHEET,
        line,
        field: 'Règle',
        message: 'La règle vaut Maturité ou Criticité.',
      });
  }
}

/** Where a schema complaint belongs: the deepest part of its path a row was read for. */
function placeOf(path: readonly PropertyKey[], lineOf: Reading['lineOf']) {
  for (let n = path.length; n > 0; n -= 1) {
    const found = lineOf.get(path.slice(0, n).map(String).join('.'));
    if (found) return found;
  }
  return { sheet: REQUIREMENTS_SHEET, line: 0 };
}

/** The content a workbook holds (header rows skipped), checked against the grid's schema; errors by sheet and line. */
export function sheetsToGrid(sheets: SheetLines): { content: GridContent | null; errors: ImportError[] } {
  const missing = [REQUIREMENTS_SHEET, PROFILE_SHEET, RULES_SHEET].filter((name) => !sheets[name]);
  if (missing.length > 0)
    return {
      content: null,
      errors: missing.map((sheet) => ({
        sheet,
        line: 0,
        field: 'feuille',
        message: `Le classeur n'a pas de feuille « ${sheet} ».`,
      })),
    };
  const reading: Reading = {
    content: { sections: [], profile: [], rules: { maturity: [], criticality: [] } },
    errors: [],
    lineOf: new Map(),
  };
  const body = (name: string) => (sheets[name] ?? []).filter((l) => l.line > 1);
  readRequirements(body(REQUIREMENTS_SHEET), reading);
  readProfile(body(PROFILE_SHEET), reading);
  readRules(body(RULES_SHEET), reading);
  const parsed = gridContentSchema.safeParse(reading.content);
  const schemaErrors = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        ...placeOf(issue.path, reading.lineOf),
        field: issue.path.map(String).join('.'),
        message: issue.message,
      }));
  // A line already refused for a value it holds is not refused again for what that value became.
  const refused = new Set(reading.errors.map((e) => `${e.sheet}:${e.line}`));
  const errors = [...reading.errors, ...schemaErrors.filter((e) => !refused.has(`${e.sheet}:${e.line}`))];
  return { content: errors.length === 0 && parsed.success ? parsed.data : null, errors };
}
