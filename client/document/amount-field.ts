import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Finding } from '../../shared/rules/index.ts';
import { AmountChangeEvent } from '../events.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import { findingStyles } from '../validation/finding.styles.ts';
import { findingMark } from '../validation/finding-marks.ts';
import { displayAmount, formatAmount, parseAmount } from './parse-amount.ts';

/**
 * A number field for an amount (万元 or percent). Blank means "not filled in" (null, never 0).
 * What the user types stays as typed ("12." while typing 12.5) as long as it means the shared
 * value; input that is not a number shows an inline error and is not written.
 */
export class AmountField extends LitElement {
  static override properties = {
    value: { attribute: false },
    label: {},
    readonly: { type: Boolean },
    testid: {},
    grouped: { type: Boolean },
    findings: { attribute: false },
    draft: { state: true },
  };
  static override styles = [fieldStyles, findingStyles, css`:host { display: block; } input { text-align: right; }`];

  /** The shared amount; null when blank. */
  declare value: number | null;
  /** Accessible name of the input. */
  declare label: string;
  /** Shows the amount without letting the user change it. */
  declare readonly: boolean;
  /** `data-testid` of the input; the error message gets `<testid>-error`. */
  declare testid: string;
  /** A 万元 amount: shown as 17,765.74 while the field is not being edited (the editor shows the raw number). */
  declare grouped: boolean;
  /** Validation findings about this amount: they mark the input and describe it. */
  declare findings: readonly Finding[];
  declare draft: string;

  constructor() {
    super();
    new I18nController(this);
    this.value = null;
    this.label = '';
    this.readonly = false;
    this.testid = '';
    this.grouped = false;
    this.findings = [];
    this.draft = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('value') && !changed.has('grouped')) return;
    const parsed = parseAmount(this.draft);
    // A colleague's change replaces the draft; the user's own equivalent spelling is kept.
    if (!parsed.ok || parsed.value !== this.value || (changed.has('grouped') && !this.#editing)) this.draft = this.#shown(this.value);
  }

  override render() {
    const invalid = !parseAmount(this.draft).ok;
    const mark = findingMark(this.findings);
    return html`<input
        inputmode="decimal"
        class=${mark.className}
        aria-label=${this.label}
        aria-invalid=${invalid || mark.invalid ? 'true' : 'false'}
        aria-describedby=${mark.description ? 'findings' : nothing}
        data-testid=${this.testid}
        ?readonly=${this.readonly}
        .value=${live(this.draft)}
        @input=${this.#onInput}
        @focus=${this.#onFocus}
        @blur=${this.#onBlur}
      /><span id="findings" hidden>${mark.description}</span>${invalid ? html`<div class="error" role="alert" data-testid="${this.testid}-error">${t('project.invalidNumber')}</div>` : null}`;
  }

  #onInput(event: InputEvent): void {
    this.draft = (event.target as HTMLInputElement).value;
    const parsed = parseAmount(this.draft);
    if (parsed.ok && parsed.value !== this.value) this.dispatchEvent(new AmountChangeEvent(parsed.value));
  }

  #editing = false;

  /** The amount as shown: grouped while not edited, raw in the editor. */
  #shown(value: number | null): string {
    return this.grouped && !this.#editing ? displayAmount(value) : formatAmount(value);
  }

  #onFocus(): void {
    this.#editing = true;
    const parsed = parseAmount(this.draft);
    if (parsed.ok) this.draft = formatAmount(parsed.value);
  }

  #onBlur(): void {
    this.#editing = false;
    const parsed = parseAmount(this.draft);
    if (parsed.ok) this.draft = this.#shown(parsed.value);
  }
}

customElements.define('amount-field', AmountField);

declare global {
  interface HTMLElementTagNameMap {
    'amount-field': AmountField;
  }
}
