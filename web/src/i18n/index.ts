import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en.ts';
import { fr } from './fr.ts';

export type Language = 'fr' | 'en';
const STORAGE_KEY = 'mutualis.language';

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'fr';
}

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
  returnObjects: true,
  // No promotional line in the browser's console of an agent's workstation.
  showSupportNotice: false,
});
document.documentElement.lang = i18n.language;

export function setLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

/** Picks the label of the current language from a { fr, en } pair defined in common/. */
export function useLabel() {
  const { i18n: instance } = useTranslation();
  return (label: { fr: string; en: string }) => (instance.language === 'en' ? label.en : label.fr);
}

export default i18n;

/** The reader's language, for labels and dates. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return instance.language === 'en' ? 'en' : 'fr';
}
