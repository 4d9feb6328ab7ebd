/** Result of reading an amount field: a number, null for a blank field, or not a number. */
export type ParsedAmount = { ok: true; value: number | null } | { ok: false };

const FULL_WIDTH = /[０-９．－＋]/g;
const AMOUNT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Reads what a user typed into an amount field (万元, percent). Blank is null, never 0 — a blank
 * cell means "not filled in". Accepts full-width digits (common with Chinese input methods) and
 * thousands separators.
 */
export function parseAmount(input: string): ParsedAmount {
  const text = input
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');
  if (text === '') return { ok: true, value: null };
  if (!AMOUNT.test(text)) return { ok: false };
  const value = Number(text);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** An amount as the user sees it in a field; blank for null. */
export function formatAmount(value: number | null): string {
  return value === null ? '' : String(value);
}

const GROUPED = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 6 });

/**
 * A 万元 amount as people read it: thousands separators and two decimals (17,765.74), more
 * decimals only when the amount has them (nothing is hidden); blank for null.
 */
export function displayAmount(value: number | null): string {
  return value === null ? '' : GROUPED.format(value);
}
