import type { EffortTargetKind } from '../../../common/compensation/vocabulary.ts';
import type {
  ConfirmMonthInput,
  CorrectEffortInput,
  EffortQuery,
  RecordEffortInput,
  TargetInput,
} from '../../../common/schemas/effort.ts';
import type { Executor } from '../../db/client.ts';
import { recordAudit, recordAudits } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import {
  applicationExists,
  confirmationOf,
  confirmationsOfYear,
  confirmedMonthsAmong,
  type EffortEntryValues,
  effectiveDaysOf,
  effortEntriesOfYear,
  findEffortEntry,
  insertConfirmation,
  insertEffortEntries,
  lockOfficeMonth,
  monthHasEffort,
  officeRef,
  projectExists,
} from './effort.queries.ts';

/**
 * Effort records: an office records the person-days it gives, by month, activity and profile, against a
 * project, an application or a national development; its director confirms each month. A line is never
 * edited nor deleted: a correction is a line of its own, audited, whatever the month's state.
 */

const invalid = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] });
export const effortNotFound = () => new AppError('notFound', "Cette ligne d'effort est introuvable.");

/** Today's month in Paris, AAAA-MM. */
export const currentMonth = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' })
    .format(now)
    .slice(0, 7);

/** The columns of what effort or an agreement is about. */
export interface TargetColumns {
  targetKind: EffortTargetKind;
  projectId: string | null;
  applicationId: string | null;
  nationalLabel: string | null;
}

/** The target's columns, after checking that the project or application exists. */
export async function targetColumns(
  db: Executor,
  target: TargetInput,
  field = 'target',
): Promise<TargetColumns> {
  if (target.kind === 'project') {
    if (!(await projectExists(db, target.projectId)))
      throw invalid(`${field}.projectId`, "Ce projet n'existe pas.");
    return { targetKind: target.kind, projectId: target.projectId, applicationId: null, nationalLabel: null };
  }
  if (target.kind === 'application') {
    if (!(await applicationExists(db, target.applicationId)))
      throw invalid(`${field}.applicationId`, "Cette application n'existe pas dans le catalogue.");
    return {
      targetKind: target.kind,
      projectId: null,
      applicationId: target.applicationId,
      nationalLabel: null,
    };
  }
  return { targetKind: target.kind, projectId: null, applicationId: null, nationalLabel: target.label };
}

async function officeFor(ctx: ServiceContext, organisationId: string | undefined) {
  const actor = requireActor(ctx);
  const id = organisationId ?? actor.organisationId;
  const office = await officeRef(ctx.db, id);
  if (!office) throw invalid('organisationId', "Cet organisme n'existe pas dans l'annuaire.");
  return office;
}

const confirmedMonth = (month: string) =>
  new AppError(
    'conflict',
    `Le mois ${month} est confirmé par le directeur : ses lignes ne changent plus, déclarez une correction d'une ligne existante.`,
  );

/** Records lines of one office (the form: one line; the import: many, all or nothing). */
export async function recordEffortLines(
  ctx: ServiceContext,
  authorizer: Authorizer,
  organisationId: string | undefined,
  lines: (Omit<RecordEffortInput, 'organisationId' | 'target'> & {
    target: TargetColumns;
  })[],
  source: 'form' | 'import',
) {
  const actor = requireActor(ctx);
  const office = await officeFor(ctx, organisationId);
  authorizer.authorize(actor, 'effort.record', { organisationId: office.id });
  return inTransaction(ctx, async (tx) => {
    const months = [...new Set(lines.map((l) => l.month))].sort();
    for (const month of months) await lockOfficeMonth(tx.db, office.id, month);
    const confirmed = await confirmedMonthsAmong(tx.db, office.id, months);
    const blocked = months.find((m) => confirmed.has(m));
    if (blocked) throw confirmedMonth(blocked);
    const values: EffortEntryValues[] = lines.map((l) => ({
      organisationId: office.id,
      month: l.month,
      activity: l.activity,
      profile: l.profile,
      ...l.target,
      personDays: l.personDays.toFixed(2),
      source,
      recordedBy: actor.userId,
    }));
    const rows = await insertEffortEntries(tx.db, values);
    await recordAudits(
      tx,
      rows.map((row) => ({
        action: source === 'import' ? 'effort.import' : 'effort.record',
        targetType: 'effortEntry',
        targetId: row.id,
        after: { ...row, createdAt: undefined },
      })),
    );
    return rows.map((r) => r.id);
  });
}

export async function recordEffort(ctx: ServiceContext, authorizer: Authorizer, input: RecordEffortInput) {
  const target = await targetColumns(ctx.db, input.target);
  const [id] = await recordEffortLines(ctx, authorizer, input.organisationId, [{ ...input, target }], 'form');
  return id as string;
}

/** A correction: a signed difference to a line, never below zero, audited with the line's value before and after. */
export async function correctEffort(
  ctx: ServiceContext,
  authorizer: Authorizer,
  entryId: string,
  input: CorrectEffortInput,
) {
  const actor = requireActor(ctx);
  const entry = await findEffortEntry(ctx.db, entryId);
  if (!entry) throw effortNotFound();
  authorizer.authorize(actor, 'effort.record', entry);
  if (entry.kind !== 'entry')
    throw invalid('id', 'Une correction ne se corrige pas : corrigez la ligne déclarée.');
  return inTransaction(ctx, async (tx) => {
    await lockOfficeMonth(tx.db, entry.organisationId, entry.month);
    const before = await effectiveDaysOf(tx.db, entry.id);
    const after = Math.round((before + input.personDays) * 100) / 100;
    if (after < 0)
      throw invalid(
        'personDays',
        `La ligne compte ${before.toLocaleString('fr-FR')} jour(s) : une correction ne la rend pas négative.`,
      );
    const [row] = await insertEffortEntries(tx.db, [
      {
        organisationId: entry.organisationId,
        month: entry.month,
        activity: entry.activity,
        profile: entry.profile,
        targetKind: entry.targetKind,
        projectId: entry.projectId,
        applicationId: entry.applicationId,
        nationalLabel: entry.nationalLabel,
        personDays: input.personDays.toFixed(2),
        kind: 'correction',
        correctsId: entry.id,
        reason: input.reason,
        source: 'form',
        recordedBy: actor.userId,
      },
    ]);
    const confirmed = !!(await confirmationOf(tx.db, entry.organisationId, entry.month));
    await recordAudit(tx, {
      action: 'effort.correct',
      targetType: 'effortEntry',
      targetId: entry.id,
      before: { personDays: before },
      after: { personDays: after, correctionId: row?.id, reason: input.reason, monthConfirmed: confirmed },
    });
    return { id: row?.id as string, organisationId: entry.organisationId, month: entry.month };
  });
}

/** The director confirms a month that has ended and has effort; once, for good. */
export async function confirmMonth(
  ctx: ServiceContext,
  authorizer: Authorizer,
  input: ConfirmMonthInput,
  now = new Date(),
) {
  const actor = requireActor(ctx);
  const office = await officeFor(ctx, input.organisationId);
  authorizer.authorize(actor, 'effort.confirm', { organisationId: office.id });
  if (input.month >= currentMonth(now))
    throw invalid('month', `Le mois ${input.month} n'est pas terminé : il se confirme une fois fini.`);
  await inTransaction(ctx, async (tx) => {
    await lockOfficeMonth(tx.db, office.id, input.month);
    if (await confirmationOf(tx.db, office.id, input.month))
      throw new AppError('conflict', `Le mois ${input.month} est déjà confirmé.`);
    if (!(await monthHasEffort(tx.db, office.id, input.month)))
      throw invalid('month', `Aucun effort n'est déclaré pour ${input.month} : rien à confirmer.`);
    await insertConfirmation(tx.db, {
      organisationId: office.id,
      month: input.month,
      confirmedBy: actor.userId,
    });
    await recordAudit(tx, {
      action: 'effort.confirm',
      targetType: 'effortMonth',
      targetId: office.id,
      after: { organisationId: office.id, month: input.month },
    });
  });
}

export async function getEffortYear(
  ctx: ServiceContext,
  authorizer: Authorizer,
  query: EffortQuery,
  now = new Date(),
) {
  const actor = requireActor(ctx);
  const office = await officeFor(ctx, query.organisationId);
  authorizer.authorize(actor, 'effort.read', { organisationId: office.id });
  const [entries, confirmations] = await Promise.all([
    effortEntriesOfYear(ctx.db, office.id, query.year),
    confirmationsOfYear(ctx.db, office.id, query.year),
  ]);
  const access = { organisationId: office.id };
  return {
    office,
    year: query.year,
    entries,
    confirmations,
    thisMonth: currentMonth(now),
    may: {
      record: authorizer.can(actor, 'effort.record', access),
      confirm: authorizer.can(actor, 'effort.confirm', access),
    },
  };
}
export type EffortYearView = Awaited<ReturnType<typeof getEffortYear>>;
