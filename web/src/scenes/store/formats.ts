import { useLanguage } from '../../i18n/index.ts';

/** Cents as euros in the reader's language: « 55,05 € », "€55.05". */
export function useMoney() {
  const language = useLanguage();
  const format = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
  });
  return (cents: number) => format.format(cents / 100);
}

/** A month AAAA-MM as people read it: « nov. 2026 », "Nov 2026". */
export function useMonth() {
  const language = useLanguage();
  const format = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (month: string | undefined) => (month ? format.format(new Date(`${month}-01T00:00:00Z`)) : '');
}
