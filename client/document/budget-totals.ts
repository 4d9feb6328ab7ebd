import { LitElement, css, html, type PropertyValues } from 'lit';
import type * as Y from 'yjs';
import { projectsMap, readAmount } from '../../shared/model/index.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { YDocController, type ObservedEvent } from '../collab/ydoc-controller.ts';
import { t } from '../i18n/i18n.ts';
import { displayAmount } from './parse-amount.ts';

const AMOUNT_KEYS = ['total', 'fiscal', 'other'] as const;

/** Sums of 预算数, 财政资金 and 其他资金 over a document's projects (万元); blanks count as nothing. */
function sumBudgets(doc: Y.Doc): { total: number; fiscal: number; other: number; projects: number } {
  const sums = { total: 0, fiscal: 0, other: 0, projects: 0 };
  projectsMap(doc).forEach((p) => {
    sums.projects++;
    for (const k of AMOUNT_KEYS) sums[k] += readAmount(p, k) ?? 0;
  });
  // Decimal 万元 amounts (8.5 + 0.1 …) must not show binary rounding noise.
  for (const k of AMOUNT_KEYS) sums[k] = Math.round(sums[k] * 1e6) / 1e6;
  return sums;
}

/** The department's totals over all projects, at the top of a document; updates as anyone types an amount. */
export class BudgetTotals extends LitElement {
  static override properties = { doc: { attribute: false }, pending: { type: Boolean, reflect: true } };
  static override styles = css`
    :host { display: block; }
    dl { display: flex; flex-wrap: wrap; gap: 0.2rem 1.2rem; margin: 0; font-size: 0.9rem; }
    div { display: flex; gap: 0.35rem; }
    dt { color: var(--jx-muted); }
    dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
    /* About as wide as the sums it waits for, so the header keeps its shape when they come. */
    :host([pending]) dd { min-width: 6em; }
  `;

  /** The document whose projects are summed. */
  declare doc: Y.Doc | null;
  /** The sums are not known yet (a first screen holds one project): … in their place, at their size. */
  declare pending: boolean;

  // Only amounts and the list of projects matter, not every keystroke in a cell.
  readonly #changes = new YDocController(this, (events) => events.some((e) => this.#affectsSums(e)));

  constructor() {
    super();
    new I18nController(this);
    this.doc = null;
    this.pending = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('doc')) this.#changes.observe(this.doc ? [projectsMap(this.doc)] : []);
  }

  override render() {
    if (!this.doc) return null;
    const s = this.pending ? null : sumBudgets(this.doc);
    const unit = t('totals.unit');
    return html`<dl aria-label=${t('totals.label')} aria-busy=${this.pending ? 'true' : 'false'} data-testid="budget-totals">
      <div><dt>${t('totals.label')}</dt><dd data-testid="totals-projects">${s ? t('totals.projects', { count: s.projects }) : '…'}</dd></div>
      ${AMOUNT_KEYS.map((k) => html`<div><dt>${t(`totals.${k}`)}</dt><dd data-testid="totals-${k}">${s ? `${displayAmount(s[k])} ${unit}` : '…'}</dd></div>`)}
    </dl>`;
  }

  #affectsSums(event: ObservedEvent): boolean {
    const projects = this.doc ? projectsMap(this.doc) : null;
    if (event.target === projects) return true;
    return event.target.parent === projects && AMOUNT_KEYS.some((k) => event.keys.has(k));
  }
}

customElements.define('budget-totals', BudgetTotals);

declare global {
  interface HTMLElementTagNameMap {
    'budget-totals': BudgetTotals;
  }
}
