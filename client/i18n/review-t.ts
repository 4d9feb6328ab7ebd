import { enReview } from './en-review.ts';
import { currentLanguage } from './i18n.ts';
import { zhCNReview, type ReviewMessages } from './zh-CN-review.ts';

/** Dotted path of one review label, e.g. `versions.save`. */
export type ReviewMessageKey = LeafPaths<ReviewMessages>;
type LeafPaths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : LeafPaths<T[K], `${P}${K}.`>;
}[keyof T & string];

/** The review label `key` in the current language, `{{name}}` placeholders filled from `vars`. */
export function rt(key: ReviewMessageKey, vars: Record<string, string | number> = {}): string {
  let node: unknown = currentLanguage() === 'en' ? enReview : zhCNReview;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return String(node).replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
