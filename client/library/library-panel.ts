import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { LibraryItem } from '../../shared/library/index.ts';
import type { LibraryApi } from '../api/library-api.ts';
import { errorMessage } from '../api/error-message.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import { sidePanelStyles } from '../styles/side-panel.styles.ts';
import { LibraryApplyEvent, LibraryCloseEvent } from './library-events.ts';
import { libraryPanelStyles } from './library-panel.styles.ts';

/** The row the panel works for: its project's name, its 1-based position and its 二级指标. */
export interface LibraryRowContext {
  projectName: string;
  position: number;
  level2: string;
}

// Entries one search asks for; the list shows the best of them.
const LIMIT = 50;
// Typing pauses this long (ms) before the server is asked.
const SEARCH_DELAY_MS = 150;

/**
 * The indicator library (指标库) beside the document: a search box (keyword or pinyin initials) as
 * a combobox over a listbox of entries, narrowed to the current row's 二级指标 unless the toggle
 * says all. ↑/↓ choose, Enter inserts the chosen entry below the current row, Shift+Enter fills the
 * current row (`library-apply`), Esc closes (`library-close`); the document does the edit. Ctrl+Z in
 * the search box undoes its typing (`data-native-undo`), never the document.
 */
export class LibraryPanel extends LitElement {
  static override properties = {
    api: { attribute: false },
    row: { attribute: false },
    canEdit: { type: Boolean, attribute: 'can-edit' },
    announcement: {},
    query: { state: true },
    everyLevel2: { state: true },
    items: { state: true },
    active: { state: true },
    error: { state: true },
  };
  static override styles = [fieldStyles, sidePanelStyles, libraryPanelStyles];

  /** Where the library is read; null before the document has one. */
  declare api: LibraryApi | null;
  /** The current row of the table, or null when none is chosen (entries can be read, not applied). */
  declare row: LibraryRowContext | null;
  /** Whether the user may change the current row's table (not read-only, within their grants, not suggesting). */
  declare canEdit: boolean;
  /** What the last insert or fill did, said to screen readers. */
  declare announcement: string;
  declare query: string;
  declare everyLevel2: boolean;
  declare items: LibraryItem[] | null;
  declare active: number;
  declare error: string;

  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: AbortController | null = null;

  constructor() {
    super();
    new I18nController(this);
    this.api = null;
    this.row = null;
    this.canEdit = false;
    this.announcement = '';
    this.query = '';
    this.everyLevel2 = false;
    this.items = null;
    this.active = 0;
    this.error = '';
  }

  /** Puts the caret into the search box. */
  async focusSearch(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#pending?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const level2Changed = changed.has('row') && changed.get('row')?.level2 !== this.row?.level2;
    if (changed.has('api') || changed.has('query') || changed.has('everyLevel2') || level2Changed) this.#schedule(changed.has('query') ? SEARCH_DELAY_MS : 0);
  }

  get #level2(): string {
    return this.everyLevel2 ? '' : (this.row?.level2.trim() ?? '');
  }

  #schedule(delay: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#search(), delay);
  }

  async #search(): Promise<void> {
    if (!this.api) return;
    this.#pending?.abort();
    const pending = (this.#pending = new AbortController());
    try {
      const items = await this.api.search({ q: this.query, level2: this.#level2, limit: LIMIT }, pending.signal);
      if (pending.signal.aborted) return;
      this.items = items;
      this.active = 0;
      this.error = '';
    } catch (error) {
      if (!pending.signal.aborted) this.error = errorMessage(error);
    }
  }

  override render() {
    const items = this.items;
    const chosen = items?.[this.active];
    const level2 = this.row?.level2.trim() ?? '';
    return html`<header><h2 id="library-title">${t('library.title')}</h2>
        <button class="close" aria-label=${t('library.close')} data-testid="library-close" @click=${this.#close}>×</button></header>
      <div class="controls">
        <p class="context" data-testid="library-context">${this.row ? t('library.forRow', { project: this.row.projectName || t('project.untitled'), row: this.row.position }) : t('library.noRow')}</p>
        <input type="search" role="combobox" data-native-undo aria-expanded="true" aria-controls="library-list" aria-autocomplete="list" autocomplete="off"
          aria-activedescendant=${chosen ? `library-option-${this.active}` : nothing} aria-label=${t('library.search')} placeholder=${t('library.searchPlaceholder')}
          data-testid="library-search" .value=${this.query} @input=${(e: InputEvent) => (this.query = (e.target as HTMLInputElement).value)} @keydown=${this.#onKeyDown}>
        ${level2 ? html`<label class="scope"><input type="checkbox" data-testid="library-same-level2" .checked=${!this.everyLevel2}
            @change=${(e: Event) => (this.everyLevel2 = !(e.target as HTMLInputElement).checked)}>${t('library.sameLevel2', { level2 })}</label>` : nothing}
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="body">
        ${items === null ? html`<p class="empty">${t('library.loading')}</p>` : nothing}
        ${items?.length === 0 ? html`<p class="empty" data-testid="library-empty">${t('library.empty')}</p>` : nothing}
        <ul id="library-list" role="listbox" aria-label=${t('library.listLabel')} data-testid="library-list" ?hidden=${!items?.length}>
          ${(items ?? []).map((item, i) => this.#option(item, i))}</ul>
        ${this.canEdit || !this.row ? nothing : html`<p class="notice" data-testid="library-readonly">${t('library.readonly')}</p>`}
        <div class="actions">
          <button data-testid="library-insert" title=${t('library.insertTitle')} ?disabled=${!this.#mayApply()} @click=${() => this.#apply('insert')}>${t('library.insert')}</button>
          <button data-testid="library-fill" title=${t('library.fillTitle')} ?disabled=${!this.#mayApply()} @click=${() => this.#apply('fill')}>${t('library.fill')}</button>
        </div>
        <p class="keys">${t('library.keys')}</p>
      </div>
      <div class="visually-hidden" role="status" data-testid="library-status">${this.announcement}</div>`;
  }

  #option(item: LibraryItem, i: number) {
    return html`<li role="option" id="library-option-${i}" aria-selected=${i === this.active ? 'true' : 'false'} data-testid="library-option"
        @pointerdown=${(e: PointerEvent) => e.preventDefault()} @click=${() => (this.active = i)} @dblclick=${() => this.#apply('insert')}>
      <span class="name">${item.name || item.description}</span><span class="where">${item.level2} · ${item.level1}</span>
      ${item.curated ? html`<span class="badge curated">${t('library.curated')}</span>` : nothing}
      ${item.uses > 0 ? html`<span class="badge uses">${t('library.uses', { count: item.uses })}</span>` : nothing}
      ${item.description && item.name ? html`<p class="description">${item.description}</p>` : nothing}
      <p class="values">${t('library.value')} <b>${item.value || '—'}</b> · ${t('library.basis')} <b>${item.basis || '—'}</b></p>
      ${item.explanation ? html`<p class="values">${t('library.explanation')}：${item.explanation}</p>` : nothing}
    </li>`;
  }

  #mayApply(): boolean {
    return this.canEdit && this.row !== null && !!this.items?.[this.active];
  }

  #apply(mode: 'insert' | 'fill'): void {
    const item = this.items?.[this.active];
    if (item && this.#mayApply()) this.dispatchEvent(new LibraryApplyEvent(item, mode));
  }

  readonly #close = (): void => void this.dispatchEvent(new LibraryCloseEvent());

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    const count = this.items?.length ?? 0;
    const move = (to: number) => {
      event.preventDefault();
      if (count === 0) return;
      this.active = Math.max(0, Math.min(count - 1, to));
      void this.updateComplete.then(() => this.renderRoot.querySelector(`#library-option-${this.active}`)?.scrollIntoView({ block: 'nearest' }));
    };
    if (event.key === 'ArrowDown') move(this.active + 1);
    else if (event.key === 'ArrowUp') move(this.active - 1);
    else if (event.key === 'PageDown') move(this.active + 10);
    else if (event.key === 'PageUp') move(this.active - 10);
    else if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      this.#apply(event.shiftKey ? 'fill' : 'insert');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      // A search box clears itself on Esc; here Esc always goes back to the table.
      this.#close();
    }
  };
}

customElements.define('library-panel', LibraryPanel);

declare global {
  interface HTMLElementTagNameMap {
    'library-panel': LibraryPanel;
  }
}
