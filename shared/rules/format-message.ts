import type { LocalText, MessageParams } from './rule.ts';

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders of a template for one language; unknown names stay as written. */
export function fillTemplate(template: string, params: MessageParams | undefined, lang: keyof LocalText): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, key: string) => {
    const v = params[key];
    if (v === undefined) return whole;
    return typeof v === 'object' ? v[lang] : String(v);
  });
}

/** An amount in 万元 as the tables print it: two decimals. */
export function formatAmount(value: number): string {
  return value.toFixed(2);
}

/** A number without float noise or needless zeros (`95`, `12.5`, `0.33`). */
export function formatNumber(value: number): string {
  return String(Number(value.toFixed(4)));
}

/** Marks a blank cell inside a message. */
export const BLANK: LocalText = { zh: '（空）', en: '(blank)' };

/** A cell text quoted into a message: whitespace runs collapsed, shortened so a message never carries a whole paragraph. */
export function excerpt(text: string, max = 40): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
