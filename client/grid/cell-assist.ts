import { LitElement, css, html, nothing } from 'lit';
import type { IndicatorField } from '../../shared/model/index.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { ChoicePickEvent } from '../events.ts';
import { filterChoices, isChoiceField } from './cell-choices.ts';
import { describeIndicatorValue, type ValueDescription } from './describe-indicator-value.ts';
import { t } from '../i18n/i18n.ts';

/**
 * What appears under a cell editor while it is open: for 一级/二级指标 the list of allowed values
 * (filtered by what is typed, picked with ↑/↓ and Enter or a click), for 指标值 how the value is
 * understood. The grid sets `text` on every keystroke; only this small element re-renders.
 */
export class CellAssist extends LitElement {
  static override properties = {
    field: {},
    text: {},
    choices: { attribute: false },
    highlighted: { state: true },
  };
  static override styles = css`
    :host { position: absolute; left: -1px; top: 100%; z-index: 5; min-width: calc(100% + 2px); }
    [role='listbox'] { margin: 0; padding: 0.2rem 0; list-style: none; background: var(--jx-surface); border: 1px solid var(--jx-border); border-radius: 0 0 4px 4px; box-shadow: 0 4px 12px rgb(0 0 0 / 0.15); max-height: 14rem; overflow-y: auto; }
    [role='option'] { padding: 0.25rem 0.6rem; cursor: pointer; white-space: nowrap; font-size: 0.9rem; }
    [role='option'][aria-selected='true'] { background: var(--jx-focus); color: white; }
    .hint { padding: 0.2rem 0.5rem; font-size: 0.78rem; line-height: 1.4; white-space: normal; background: var(--jx-muted-surface); border: 1px solid var(--jx-border); border-radius: 0 0 4px 4px; color: var(--jx-text); }
    .hint[data-kind='malformed'] { color: var(--jx-danger); background: var(--jx-danger-surface); }
    .hint[data-kind='quantitative'] b { color: var(--jx-focus); }
  `;

  /** The column being edited. */
  declare field: IndicatorField;
  /** What the editor holds right now. */
  declare text: string;
  /** Allowed values of a controlled column (empty for free-text columns). */
  declare choices: readonly string[];
  declare highlighted: number;

  constructor() {
    super();
    new I18nController(this);
    this.field = 'name';
    this.text = '';
    this.choices = [];
    this.highlighted = -1;
  }

  /** The choices shown for the current text. */
  get visibleChoices(): string[] {
    return isChoiceField(this.field) ? filterChoices(this.choices, this.text) : [];
  }

  /** The choice ↑/↓ landed on, or null. */
  get highlightedChoice(): string | null {
    return this.visibleChoices[this.highlighted] ?? null;
  }

  /** Moves the highlight by `delta` through the visible choices; false when there are none. */
  moveHighlight(delta: number): boolean {
    const n = this.visibleChoices.length;
    if (n === 0) return false;
    this.highlighted = this.highlighted < 0 ? (delta > 0 ? 0 : n - 1) : (this.highlighted + delta + n) % n;
    return true;
  }

  override willUpdate(): void {
    if (this.highlighted >= this.visibleChoices.length) this.highlighted = -1;
  }

  override render() {
    if (isChoiceField(this.field)) {
      const list = this.visibleChoices;
      if (list.length === 0) return nothing;
      return html`<ul role="listbox" aria-label=${t('grid.choices')} data-testid="cell-choices">
        ${list.map(
          (c, i) => html`<li role="option" aria-selected=${i === this.highlighted ? 'true' : 'false'} data-testid="choice-${c}"
            @mousedown=${(e: MouseEvent) => e.preventDefault()} @click=${() => this.dispatchEvent(new ChoicePickEvent(c))}>${c}</li>`,
        )}
      </ul>`;
    }
    if (this.field !== 'value') return nothing;
    const d = describeIndicatorValue(this.text);
    return html`<div class="hint" role="status" data-testid="value-hint" data-kind=${d.kind}>${hintText(d)}</div>`;
  }
}

function hintText(d: ValueDescription) {
  switch (d.kind) {
    case 'quantitative': {
      const direction = t(d.direction === 'higher' ? 'grid.hintHigher' : d.direction === 'lower' ? 'grid.hintLower' : 'grid.hintExact');
      const head = t('grid.hintQuantitative', { op: d.op, number: d.number, unit: d.unit || t('grid.hintNoUnit') });
      return html`<b>${head}</b> · ${direction}${d.opAssumed ? html` · ${t('grid.hintOpAssumed')}` : nothing}`;
    }
    case 'date': return t('grid.hintDate', { text: d.text });
    case 'qualitative': return t('grid.hintQualitative');
    case 'empty': return t('grid.hintEmpty');
    case 'malformed': return t('grid.hintMalformed', { reason: t(`grid.reasons.${d.reason}`) });
  }
}

customElements.define('cell-assist', CellAssist);

declare global {
  interface HTMLElementTagNameMap {
    'cell-assist': CellAssist;
  }
}
