import { z } from 'zod';
import {
  EFFORT_ACTIVITIES,
  EFFORT_ACTIVITY_LABELS,
  EFFORT_PROFILE_LABELS,
  EFFORT_PROFILES,
  EFFORT_TARGET_KIND_LABELS,
  EFFORT_TARGET_KINDS,
} from '../../../common/compensation/vocabulary.ts';
import type { Label } from '../../../common/lifecycle.ts';
import { recordEffortSchema } from '../../../common/schemas/effort.ts';
import type { Executor } from '../../db/client.ts';
import type { FieldError } from '../../lib/errors.ts';
import { comparable, lineError, readWorkbookRows, rowErrorsProblem } from '../../lib/workbook-rows.ts';
import { applicationIdsByCode, projectIdsByTitle } from './effort.queries.ts';

/**
 * Effort from a workbook, for offices that track time elsewhere: Mois (AAAA-MM), Activité, Profil, Cible
 * (Projet, Application, Développement national), Référence (the application's code, the project's title,
 * the national development's name), Jours-personnes. Labels or codes, accents and case aside.
 */
export const EFFORT_COLUMNS = {
  month: 'Mois',
  activity: 'Activité',
  profile: 'Profil',
  targetKind: 'Cible',
  reference: 'Référence',
  personDays: 'Jours-personnes',
} as const;
type Column = keyof typeof EFFORT_COLUMNS;
export const MAX_EFFORT_LINES = 2000;

/** A code from its code or either label; what was typed when nothing matches (the schema names it). */
function codeOf<T extends string>(codes: readonly T[], labels: Record<T, Label>, cell: string) {
  const typed = comparable(cell);
  return codes.find((c) => [c, labels[c].fr, labels[c].en].some((s) => comparable(s) === typed)) ?? cell;
}

/** A month typed as AAAA-MM, or a date cell (the first of the month). */
const monthOf = (cell: string) => (/^\d{4}-\d{2}-\d{2}$/.test(cell) ? cell.slice(0, 7) : cell);
const numberOf = (cell: string) =>
  cell === '' ? undefined : Number(cell.replace(',', '.').replace(/\s/g, ''));

const lineSchema = recordEffortSchema.omit({ organisationId: true, target: true }).extend({
  targetKind: z.enum(EFFORT_TARGET_KINDS, {
    error: 'La cible vaut Projet, Application ou Développement national.',
  }),
  reference: z.string().min(1, { error: 'La référence de la cible est obligatoire.' }),
});
type Line = z.infer<typeof lineSchema>;

export async function readEffortWorkbook(db: Executor, content: Buffer) {
  const read = await readWorkbookRows<Column, Line>(content, {
    columns: EFFORT_COLUMNS,
    required: Object.keys(EFFORT_COLUMNS) as Column[],
    maxRows: MAX_EFFORT_LINES,
    what: "Le relevé d'effort",
    schema: lineSchema,
    build: (cell) => ({
      month: monthOf(cell('month')),
      activity: codeOf(EFFORT_ACTIVITIES, EFFORT_ACTIVITY_LABELS, cell('activity')),
      profile: codeOf(EFFORT_PROFILES, EFFORT_PROFILE_LABELS, cell('profile')),
      targetKind: codeOf(EFFORT_TARGET_KINDS, EFFORT_TARGET_KIND_LABELS, cell('targetKind')),
      reference: cell('reference'),
      personDays: numberOf(cell('personDays')),
    }),
  });
  if ('problem' in read) return read;
  const references = (kind: string) =>
    read.rows.filter((r) => r.value.targetKind === kind).map((r) => r.value.reference);
  const [applications, projects] = await Promise.all([
    applicationIdsByCode(db, references('application')),
    projectIdsByTitle(db, references('project')),
  ]);
  const errors: FieldError[] = [];
  const lines = read.rows.map(({ line, value }) => {
    const { targetKind, reference, ...rest } = value;
    const id =
      targetKind === 'application'
        ? applications.get(reference.toUpperCase())
        : targetKind === 'project'
          ? projects.get(reference.toLowerCase())
          : reference;
    if (!id)
      errors.push(
        lineError(
          line,
          'reference',
          EFFORT_COLUMNS.reference,
          targetKind === 'application'
            ? `aucune application du catalogue n'a le code « ${reference} ».`
            : `aucun projet n'a le titre « ${reference} ».`,
        ),
      );
    return {
      ...rest,
      target: {
        targetKind,
        projectId: targetKind === 'project' ? (id ?? null) : null,
        applicationId: targetKind === 'application' ? (id ?? null) : null,
        nationalLabel: targetKind === 'nationalDevelopment' ? reference : null,
      },
    };
  });
  if (errors.length > 0) return { problem: rowErrorsProblem("Le relevé d'effort", errors.length), errors };
  return { lines };
}
