import { currentLanguage } from './i18n.ts';

/** The text in the current interface language, from a pair the server or shared code wrote in both. */
export function localized(text: { zh: string; en: string }): string {
  return currentLanguage() === 'en' ? text.en : text.zh;
}
