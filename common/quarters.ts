/** Quarters as offices declare their capacity in them: `2026-T4` (T for trimestre). */

/** The quarter a date falls in (UTC). */
export const quarterOf = (date: Date) =>
  `${date.getUTCFullYear()}-T${Math.floor(date.getUTCMonth() / 3) + 1}`;

/** `count` quarters from the one `date` falls in (`offset` quarters from it: -1 is the one before). */
export function quartersFrom(date: Date, count: number, offset = 0): string[] {
  const first = date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3) + offset;
  return Array.from({ length: count }, (_, i) => `${Math.floor((first + i) / 4)}-T${((first + i) % 4) + 1}`);
}
