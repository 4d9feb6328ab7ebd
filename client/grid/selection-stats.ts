import { html, nothing, type TemplateResult } from 'lit';
import { t } from '../i18n/i18n.ts';
import { displayAmount, parseAmount } from '../document/parse-amount.ts';

/** What the status line says about a selection: non-blank cells, and the numbers' sum and mean. */
interface SelectionStats {
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
function selectionStats(texts: readonly string[]): SelectionStats {
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

/** The status line under a grid for a selection of several cells; nothing for one cell. */
export function selectionStatsTemplate(texts: readonly string[] | null): TemplateResult | typeof nothing {
  if (!texts || texts.length < 2) return nothing;
  const s = selectionStats(texts);
  return html`<div class="sheet-status" role="group" aria-label=${t('sheet.selection')} data-testid="selection-stats">
    <span>${t('sheet.count')}：<b data-testid="stat-count">${s.count}</b></span>
    ${s.sum !== null ? html`<span>${t('sheet.sum')}：<b data-testid="stat-sum">${displayAmount(s.sum)}</b></span>` : nothing}
    ${s.average !== null ? html`<span>${t('sheet.average')}：<b data-testid="stat-average">${displayAmount(s.average)}</b></span>` : nothing}
  </div>`;
}
