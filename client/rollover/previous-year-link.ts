import { html, nothing, type TemplateResult } from 'lit';
import { comparePath } from '../compare/compare-path.ts';
import { t } from '../i18n/i18n.ts';
import type { PreviousYear } from '../api/next-year-api.ts';

/**
 * The line under a draft's title naming last year's text (a link to it) and 与上年对比 (the
 * compare page with last year's live text as the older side); nothing without a previous year.
 */
export function previousYearLink(docId: string, previous: PreviousYear['previous']): TemplateResult | typeof nothing {
  if (!previous) return nothing;
  return html`<p class="meta" data-testid="previous-year">
    <a href="/docs/${encodeURIComponent(previous.id)}" data-testid="previous-year-doc">${t('rollover.previousDoc', { title: previous.title })}</a>
    · <a href=${comparePath(docId, 'current', 'current', previous.id)} data-testid="compare-previous-year">${t('rollover.compareWithPrevious')}</a></p>`;
}
