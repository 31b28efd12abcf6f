/**
 * The one way the portal writes dates: « 29 novembre 2026 » for a calendar day, « 29 novembre 2026 à
 * 14:05 » for a moment (in the reader's time zone); "29 November 2026", "29 November 2026 at 14:05" in
 * English. Every page goes through these two functions.
 */

const localeOf = (language: string) => (language === 'en' ? 'en-GB' : 'fr-FR');
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** French writes the first day of a month as an ordinal: « 1er mars 2021 ». */
const ordinalFirst = (written: string, language: string) =>
  localeOf(language) === 'fr-FR' ? written.replace(/^1 /, '1er ') : written;

/** A moment (ISO 8601 date-time) in the reader's language and time zone; null stays null. */
export function formatDateTime(iso: string | null, language: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return ordinalFirst(
    new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeStyle: 'short' }).format(date),
    language,
  );
}

/** A calendar day (AAAA-MM-JJ) as that day, wherever the reader is; anything else is shown as given. */
export function formatDay(day: string | null, language: string): string | null {
  if (!day || !ISO_DAY.test(day)) return day;
  const written = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
  return ordinalFirst(written, language);
}
