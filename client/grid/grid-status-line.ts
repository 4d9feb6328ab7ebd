import { html, nothing, type TemplateResult } from 'lit';
import { t } from '../i18n/i18n.ts';
import { displayAmount } from '../document/parse-amount.ts';
import { selectionStats } from './selection-stats.ts';

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
