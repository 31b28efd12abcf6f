/**
 * The one way the portal writes dates: « 29 novembre 2026 » for a calendar day, « 29 novembre 2026 à
 * 14:05 » for a moment (in the reader's time zone); "29 November 2026", "29 November 2026 at 14:05" in
 * English. Every page goes through these two functions.
 */

const localeOf = (language: string) => (language === 'en' ? 'en-GB' : 'fr-FR');
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A moment (ISO 8601 date-time) in the reader's language and time zone; null stays null. */
export function formatDateTime(iso: string | null, language: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** A calendar day (AAAA-MM-JJ) as that day, wherever the reader is; anything else is shown as given. */
export function formatDay(day: string | null, language: string): string | null {
  if (!day || !ISO_DAY.test(day)) return day;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
