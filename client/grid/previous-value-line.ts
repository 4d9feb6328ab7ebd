import { css, html, type TemplateResult } from 'lit';
import { t } from '../i18n/i18n.ts';
import type { PreviousValues } from '../rollover/previous-year-controller.ts';

/**
 * The read-only 上年指标值 line under a row's 指标值, in next year's draft: inside the cell, so
 * the grid keeps its columns, aria-colindex and keys exactly as without a previous year; the
 * editor replaces the cell's content, so the line never becomes editable. Null for a row
 * without last year's value (and for every row of a document without a previous year).
 */
export function previousValueLine(values: PreviousValues, rowId: string): TemplateResult | null {
  const found = values.get(rowId);
  if (!found) return null;
  const shown = found.value === '' ? t('rollover.previousBlank') : found.value;
  return html`<span class="previous-value" data-testid="previous-value" title=${t('rollover.previousValueLabel', { value: shown })}
    ><span class="previous-tag">${t('rollover.previousValue')}</span> ${shown}</span>`;
}

/** Styles of {@link previousValueLine} inside the grid's shadow root. */
export const previousValueStyles = css`
  /* Darker than --jx-muted: the line is small and may sit on a warning or selection tint. */
  .previous-value { display: block; margin-top: 0.15rem; color: color-mix(in srgb, var(--jx-muted) 70%, var(--jx-text)); font-size: 0.8em; line-height: 1.3; white-space: pre-wrap; }
  .previous-tag { padding: 0 0.25rem; border: 1px solid var(--jx-border); border-radius: 3px; font-size: 0.9em; }
`;
