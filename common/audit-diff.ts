type Snapshot = Record<string, unknown>;

const asSnapshot = (value: unknown): Snapshot | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Snapshot) : null;

const show = (value: unknown) =>
  value === undefined || value === null
    ? '—'
    : Array.isArray(value)
      ? value.map(String).join(', ') || '—'
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);

/** The fields that differ between an audit event's before and after; a creation lists every field it set. */
export function changedFields(before: unknown, after: unknown) {
  const left = asSnapshot(before) ?? {};
  const right = asSnapshot(after) ?? {};
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return keys
    .filter((key) => JSON.stringify(left[key]) !== JSON.stringify(right[key]))
    .map((key) => ({ field: key, before: show(left[key]), after: show(right[key]) }));
}
