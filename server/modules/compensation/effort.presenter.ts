import type { EffortEntryDto, EffortYearDto } from '../../../common/schemas/effort.ts';
import type { EffortEntryListRow } from './effort.queries.ts';
import type { EffortYearView } from './effort.service.ts';

const targetOf = (row: Pick<EffortEntryListRow, 'entry' | 'projectTitle' | 'applicationName'>) => {
  const e = row.entry;
  if (e.targetKind === 'project')
    return { kind: e.targetKind, id: e.projectId, label: row.projectTitle ?? '' };
  if (e.targetKind === 'application')
    return { kind: e.targetKind, id: e.applicationId, label: row.applicationName ?? '' };
  return { kind: e.targetKind, id: null, label: e.nationalLabel ?? '' };
};

const hundredths = (days: string | number) => Math.round(Number(days) * 100);

export function presentEffortYear(view: EffortYearView): EffortYearDto {
  // Each line with its corrections (in hundredths, so that sums stay exact).
  const corrections = new Map<string, number>();
  const monthTotals = new Map<string, number>();
  for (const { entry } of view.entries) {
    const days = hundredths(entry.personDays);
    monthTotals.set(entry.month, (monthTotals.get(entry.month) ?? 0) + days);
    if (entry.correctsId) corrections.set(entry.correctsId, (corrections.get(entry.correctsId) ?? 0) + days);
  }
  const confirmed = new Map(view.confirmations.map((c) => [c.confirmation.month, c]));
  const months = Array.from({ length: 12 }, (_, i) => `${view.year}-${String(i + 1).padStart(2, '0')}`);
  const entries: EffortEntryDto[] = view.entries.map((row) => {
    const e = row.entry;
    return {
      id: e.id,
      month: e.month,
      activity: e.activity,
      profile: e.profile,
      target: targetOf(row),
      personDays: Number(e.personDays),
      kind: e.kind,
      correctsId: e.correctsId,
      reason: e.reason,
      source: e.source,
      recordedBy: e.recordedBy ? { id: e.recordedBy, displayName: row.recordedByName ?? '' } : null,
      createdAt: e.createdAt.toISOString(),
      effectiveDays:
        e.kind === 'entry' ? (hundredths(e.personDays) + (corrections.get(e.id) ?? 0)) / 100 : null,
    };
  });
  return {
    office: { id: view.office.id, code: view.office.code, name: view.office.name },
    year: view.year,
    months: months.map((month) => {
      const c = confirmed.get(month);
      const totalDays = (monthTotals.get(month) ?? 0) / 100;
      return {
        month,
        totalDays,
        confirmed: c
          ? {
              by: c.confirmation.confirmedBy
                ? { id: c.confirmation.confirmedBy, displayName: c.byName ?? '' }
                : null,
              at: c.confirmation.confirmedAt.toISOString(),
            }
          : null,
        mayConfirm: view.may.confirm && !c && totalDays > 0 && month < view.thisMonth,
      };
    }),
    entries,
    may: view.may,
  };
}
