import { parseAmount } from '../document/parse-amount.ts';

/** What the status line says about a selection: non-blank cells, and the numbers' sum and mean. */
export interface SelectionStats {
  count: number;
  /** Null when no selected cell holds a plain number. */
  sum: number | null;
  average: number | null;
}

/**
 * 计数 / 求和 / 平均值 of the selected texts, as Excel's status bar: blank cells are not counted,
 * and only cells that are a number (thousands separators and full-width digits allowed, a
 * trailing % kept as the number) are summed; "≥45批次" is text.
 */
export function selectionStats(texts: readonly string[]): SelectionStats {
  let count = 0;
  let sum = 0;
  let numbers = 0;
  for (const text of texts) {
    if (text.trim() === '') continue;
    count++;
    const parsed = parseAmount(text.trim().replace(/[%％]$/, ''));
    if (parsed.ok && parsed.value !== null) {
      sum += parsed.value;
      numbers++;
    }
  }
  // Decimal sums must not show binary rounding noise (0.1 + 0.2).
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return { count, sum: numbers > 0 ? round(sum) : null, average: numbers > 0 ? round(sum / numbers) : null };
}
