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
    editing: { state: true },
    draft: { state: true },
  };
  static override styles = [fieldStyles, findingStyles, css`
    :host { display: block; }
    .box { display: block; position: relative; }
    input { text-align: right; }
    /* The grouped form is drawn over the input, so focusing changes no value and keeps any selection. */
    input.masked { color: transparent; }
    .shown { position: absolute; inset: 0; padding: 0 calc(0.5rem + 1px); display: flex; justify-content: flex-end; align-items: center; pointer-events: none; font-variant-numeric: tabular-nums; }
  `];

  /** The shared amount; null when blank. */
  declare value: number | null;
  /** Accessible name of the input. */
  declare label: string;
  /** Shows the amount without letting the user change it. */
  declare readonly: boolean;
  /** `data-testid` of the input; the error message gets `<testid>-error`. */
  declare testid: string;
  /** A 万元 amount: shown as 17,765.74 while the field is not being edited; the input itself always holds the raw number. */
  declare grouped: boolean;
  declare editing: boolean;
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
    this.editing = false;
    this.findings = [];
    this.draft = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('value')) return;
    const parsed = parseAmount(this.draft);
    // A colleague's change replaces the draft; the user's own equivalent spelling is kept.
    if (!parsed.ok || parsed.value !== this.value) this.draft = formatAmount(this.value);
  }

  override render() {
    const parsed = parseAmount(this.draft);
    const invalid = !parsed.ok;
    const mark = findingMark(this.findings);
    const shown = this.grouped && !this.editing && parsed.ok && parsed.value !== null ? displayAmount(parsed.value) : null;
    return html`<span class="box"><input
        inputmode="decimal"
        class="${mark.className} ${shown ? 'masked' : ''}"
        aria-label=${this.label}
        aria-invalid=${invalid || mark.invalid ? 'true' : 'false'}
        aria-describedby=${mark.description ? 'findings' : nothing}
        data-testid=${this.testid}
        ?readonly=${this.readonly}
        .value=${live(this.draft)}
        @input=${this.#onInput}
        @focus=${() => (this.editing = true)}
        @blur=${this.#onBlur}
      />${shown ? html`<span class="shown" aria-hidden="true" data-testid="${this.testid}-shown">${shown}</span>` : null}</span><span id="findings" hidden>${mark.description}</span>${invalid ? html`<div class="error" role="alert" data-testid="${this.testid}-error">${t('project.invalidNumber')}</div>` : null}`;
  }

  #onInput(event: InputEvent): void {
    this.draft = (event.target as HTMLInputElement).value;
    const parsed = parseAmount(this.draft);
    if (parsed.ok && parsed.value !== this.value) this.dispatchEvent(new AmountChangeEvent(parsed.value));
  }

  #onBlur(): void {
    this.editing = false;
    const parsed = parseAmount(this.draft);
    if (parsed.ok) this.draft = formatAmount(parsed.value);
  }
}

customElements.define('amount-field', AmountField);

declare global {
  interface HTMLElementTagNameMap {
    'amount-field': AmountField;
  }
}
