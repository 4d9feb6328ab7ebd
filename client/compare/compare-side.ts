import { html, nothing, type TemplateResult } from 'lit';
import type { PreviousYear } from '../api/next-year-api.ts';
import { t } from '../i18n/i18n.ts';

/**
 * 对比对象: whether the older side is a version of this document or last year's text (the
 * draft's previous year; `against` is its id when chosen, '' otherwise). Nothing for a document
 * without a previous year that is not compared against another one.
 */
export function compareSideTemplate(previous: PreviousYear['previous'], against: string, pick: (against: string) => void): TemplateResult | typeof nothing {
  if (!previous && against === '') return nothing;
  const other = previous?.id ?? against;
  return html`<label>${t('rollover.side')}
    <select data-testid="compare-side" @change=${(e: Event) => pick((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${against === ''}>${t('rollover.thisDoc')}</option>
      <option value=${other} ?selected=${against !== ''}>${t('rollover.previousText')}${previous ? ` · ${previous.title}` : ''}</option>
    </select></label>`;
}
