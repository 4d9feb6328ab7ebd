import { LitElement, css, html, nothing } from 'lit';
import type * as Y from 'yjs';
import type { FindingPlace } from '../../shared/rules/index.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import type { UndoHistory } from '../undo/undo-history.ts';
import { findMatches, type FindMatch } from './find-matches.ts';
import { mayEditPlace } from './may-edit-place.ts';
import { replaceMatches } from './replace-matches.ts';

/**
 * jixiao's own find bar (Ctrl+F) and find-and-replace (Ctrl+H): a `role="search"` landmark that
 * searches the whole document model — every section, header field and cell, including projects
 * not rendered yet, which the browser's find cannot see. Enter / Shift+Enter go to the next /
 * previous match (the document renders and scrolls to it, the field keeps the keyboard); replace
 * one or all is one undo step and skips places the person may not edit.
 */
export class FindBar extends LitElement {
  static override properties = {
    doc: { attribute: false },
    origin: { attribute: false },
    history: { attribute: false },
    readonly: { type: Boolean },
    reveal: { attribute: false },
    open: { type: Boolean, reflect: true },
    replacing: { type: Boolean },
    query: { state: true },
    replacement: { state: true },
    wholeCell: { state: true },
    loose: { state: true },
    current: { state: true },
    message: { state: true },
  };
  static override styles = [
    fieldStyles,
    css`
      :host { display: none; position: fixed; z-index: 10; top: calc(var(--jx-sticky-top, 0px) + 0.5rem); right: 1.5rem; width: min(27rem, calc(100vw - 2rem)); }
      :host([open]) { display: block; }
      [role='search'] { display: grid; gap: 0.4rem; padding: 0.6rem 0.7rem; background: var(--jx-surface); border: 1px solid var(--jx-border); border-radius: 6px; box-shadow: 0 6px 20px rgb(0 0 0 / 0.18); font-size: 0.88rem; }
      .line { display: flex; gap: 0.3rem; align-items: center; }
      .line input { flex: 1; min-width: 0; }
      button { font: inherit; min-width: 1.75rem; min-height: 1.75rem; padding: 0.1rem 0.5rem; border: 1px solid var(--jx-border); border-radius: 4px; background: var(--jx-surface); color: inherit; cursor: pointer; white-space: nowrap; }
      button:disabled { color: var(--jx-muted); cursor: default; }
      label { display: inline-flex; gap: 0.25rem; align-items: center; white-space: nowrap; }
      label input { width: auto; margin: 0; }
      .options { display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; color: var(--jx-muted); }
      .count { color: var(--jx-muted); white-space: nowrap; min-width: 5.5rem; text-align: right; font-variant-numeric: tabular-nums; }
    `,
  ];

  /** The document searched. */
  declare doc: Y.Doc | null;
  /** Transaction origin of this tab's edits. */
  declare origin: unknown;
  /** This tab's undo history: a replacement is one step of it. */
  declare history: UndoHistory | null;
  /** The person may not edit (role, status, 建议模式): replacements are all skipped. */
  declare readonly: boolean;
  /** Renders (if need be), scrolls to and marks a place of the document. */
  declare reveal: (place: FindingPlace) => Promise<boolean>;
  declare open: boolean;
  /** Shows the replace line (Ctrl+H). */
  declare replacing: boolean;
  declare query: string;
  declare replacement: string;
  declare wholeCell: boolean;
  declare loose: boolean;
  /** Index of the current match; -1 before the user moved to one. */
  declare current: number;
  /** The outcome of the last replacement, announced with the count. */
  declare message: string;
  #matches: FindMatch[] = [];
  #returnFocus: HTMLElement | null = null;
  #observed: Y.Doc | null = null;

  constructor() {
    super();
    new I18nController(this);
    this.doc = null;
    this.origin = null;
    this.history = null;
    this.readonly = false;
    this.reveal = async () => false;
    this.open = false;
    this.replacing = false;
    this.query = '';
    this.replacement = '';
    this.wholeCell = false;
    this.loose = true;
    this.current = -1;
    this.message = '';
  }

  /** Opens the bar (with the replace line for Ctrl+H) and puts the keyboard in its find field. */
  async show(replacing: boolean): Promise<void> {
    const active = deepActiveElement();
    if (!this.open) this.#returnFocus = active;
    this.open = true;
    this.replacing = replacing || this.replacing;
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('[data-testid="find-input"]');
    input?.focus();
    input?.select();
  }

  /** Closes the bar; the keyboard goes back where it was. */
  close(): void {
    this.open = false;
    this.message = '';
    this.#returnFocus?.focus({ preventScroll: true });
    this.#returnFocus = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#watch(null);
  }

  protected override willUpdate(): void {
    this.#watch(this.open ? this.doc : null);
    this.#matches = this.open && this.doc ? findMatches(this.doc, this.query, { wholeCell: this.wholeCell, loose: this.loose }) : [];
    if (this.current >= this.#matches.length) this.current = this.#matches.length - 1;
  }

  override render() {
    const total = this.#matches.length;
    const count = this.query === '' ? '' : total === 0 ? t('find.none') : t('find.count', { current: Math.max(this.current, 0) + 1, total });
    return html`<div role="search" aria-label=${t('find.label')} data-testid="find-bar" @keydown=${this.#onKeyDown}>
      <div class="line">
        <input type="search" aria-label=${t('find.find')} placeholder=${t('find.find')} data-testid="find-input" data-native-undo .value=${this.query}
          @input=${(e: InputEvent) => this.#setQuery((e.target as HTMLInputElement).value)} />
        <span class="count" role="status" data-testid="find-count">${count}</span>
        <button aria-label=${t('find.previous')} title="${t('find.previous')} (Shift+Enter)" ?disabled=${total === 0} @click=${() => void this.#go(-1)}>↑</button>
        <button aria-label=${t('find.next')} title="${t('find.next')} (Enter)" ?disabled=${total === 0} @click=${() => void this.#go(1)}>↓</button>
        <button aria-label=${t('find.close')} title="${t('find.close')} (Esc)" @click=${() => this.close()}>×</button>
      </div>
      ${this.replacing
        ? html`<div class="line">
            <input aria-label=${t('find.replaceWith')} placeholder=${t('find.replaceWith')} data-testid="replace-input" data-native-undo .value=${this.replacement}
              @input=${(e: InputEvent) => (this.replacement = (e.target as HTMLInputElement).value)} />
            <button data-testid="replace-one" ?disabled=${total === 0} @click=${() => void this.#replace(false)}>${t('find.replace')}</button>
            <button data-testid="replace-all" ?disabled=${total === 0} @click=${() => void this.#replace(true)}>${t('find.replaceAll')}</button>
          </div>`
        : nothing}
      <div class="options">
        <label><input type="checkbox" data-testid="find-whole" .checked=${this.wholeCell} @change=${(e: Event) => this.#setOption('wholeCell', e)} />${t('find.wholeCell')}</label>
        <label><input type="checkbox" data-testid="find-loose" .checked=${this.loose} @change=${(e: Event) => this.#setOption('loose', e)} />${t('find.loose')}</label>
      </div>
      <div role="status" data-testid="find-message">${this.message}</div>
    </div>`;
  }

  #setQuery(query: string): void {
    this.query = query;
    this.current = -1;
    this.message = '';
  }

  #setOption(option: 'wholeCell' | 'loose', event: Event): void {
    this[option] = (event.target as HTMLInputElement).checked;
    this.current = -1;
  }

  /** Moves to the next (1) or previous (-1) match, wrapping around, and shows it. */
  async #go(step: 1 | -1): Promise<void> {
    const total = this.#matches.length;
    if (total === 0) return;
    this.current = this.current < 0 ? (step === 1 ? 0 : total - 1) : (this.current + step + total) % total;
    await this.#showCurrent();
  }

  async #showCurrent(): Promise<void> {
    const match = this.#matches[this.current];
    if (!match) return;
    const field = deepActiveElement();
    await this.reveal(match.place);
    // The document focused the match to show it; typing stays in the find bar.
    (field && this.renderRoot.contains(field) ? field : this.renderRoot.querySelector<HTMLInputElement>('[data-testid="find-input"]'))?.focus({ preventScroll: true });
  }

  async #replace(all: boolean): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    if (!all && this.current < 0) return this.#go(1);
    const chosen = all ? this.#matches : this.#matches.slice(this.current, this.current + 1);
    const result = replaceMatches({ doc, origin: this.origin, history: this.history, mayEdit: (m) => mayEditPlace({ readonly: this.readonly }, m.place) }, chosen, this.replacement);
    this.message = [result.replaced > 0 ? t('find.replaced', { count: result.replaced }) : t('find.nothingToReplace'), result.skipped > 0 ? t('find.skipped', { count: result.skipped }) : '']
      .filter(Boolean)
      .join('；');
    this.requestUpdate();
    await this.updateComplete;
    // The buttons are disabled once nothing is left to replace; the keyboard stays in the bar.
    this.renderRoot.querySelector<HTMLInputElement>('[data-testid="find-input"]')?.focus({ preventScroll: true });
    if (!all && this.#matches.length > 0) {
      // The replaced occurrence is gone (or was skipped): the next one now sits at the same index.
      if (result.replaced === 0) this.current = (this.current + 1) % this.#matches.length;
      this.current = Math.min(this.current, this.#matches.length - 1);
      await this.#showCurrent();
    }
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close();
    } else if (event.key === 'Enter' && (event.composedPath()[0] as HTMLElement).dataset['testid'] === 'find-input') {
      event.preventDefault();
      void this.#go(event.shiftKey ? -1 : 1);
    }
  }

  /** Recounts the matches whenever anyone changes the document while the bar is open. */
  #watch(doc: Y.Doc | null): void {
    if (doc === this.#observed) return;
    this.#observed?.off('update', this.#onUpdate);
    this.#observed = doc;
    doc?.on('update', this.#onUpdate);
  }

  readonly #onUpdate = (): void => this.requestUpdate();
}

/** The focused element, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement ? el : null;
}

customElements.define('find-bar', FindBar);

declare global {
  interface HTMLElementTagNameMap {
    'find-bar': FindBar;
  }
}
