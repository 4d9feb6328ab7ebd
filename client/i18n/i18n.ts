import i18next from 'i18next';
import { en } from './en.ts';
import { zhCN, type Messages } from './zh-CN.ts';

/** Interface languages; zh-CN is the default. */
const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Dotted path of one label, e.g. `grid.level1`. */
export type MessageKey = LeafPaths<Messages>;
type LeafPaths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : LeafPaths<T[K], `${P}${K}.`>;
}[keyof T & string];

// Versioned so a later change of the stored shape cannot misread an old value.
const STORAGE_KEY = 'jixiao.lang.v1';

function storedLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return LANGUAGES.find((l) => l === stored) ?? 'zh-CN';
}

const i18n = i18next.createInstance();
void i18n.init({
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  // Resources are bundled, so init synchronously and never render a key instead of a label.
  initAsync: false,
  // Lit escapes interpolated text itself.
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;

// Labels by key in the current language (null: not a plain string, i18next resolves it). A grid
// asks for the same few labels hundreds of times per render; i18next's lookup is the slow part.
const templates = new Map<string, string | null>();
i18n.on('languageChanged', () => templates.clear());

function template(key: string): string | null {
  let found = templates.get(key);
  if (found === undefined) {
    const resource: unknown = i18n.getResource(i18n.language, 'translation', key) ?? i18n.getResource('zh-CN', 'translation', key);
    found = typeof resource === 'string' ? resource : null;
    templates.set(key, found);
  }
  return found;
}

/** The label for `key` in the current language, with `{{name}}` placeholders filled from `vars`. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const found = template(key);
  if (found === null) return i18n.t(key, vars ?? {});
  if (!found.includes('{{')) return found;
  let complete = true;
  const filled = found.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
    const value = vars?.[name];
    if (value === undefined) complete = false;
    return String(value);
  });
  return complete ? filled : i18n.t(key, vars ?? {});
}

/** The current interface language. */
export function currentLanguage(): Language {
  return LANGUAGES.find((l) => l === i18n.language) ?? 'zh-CN';
}

/** Switches the interface language and remembers it in localStorage. */
export async function setLanguage(language: Language): Promise<void> {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/** Calls `listener` after every language switch; returns the unsubscribe function. */
export function onLanguageChanged(listener: () => void): () => void {
  i18n.on('languageChanged', listener);
  return () => i18n.off('languageChanged', listener);
}
