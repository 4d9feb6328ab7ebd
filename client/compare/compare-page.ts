import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { formatDiffSummary, summarizeDiff, type BudgetDiff } from '../../shared/diff/index.ts';
import { errorMessage } from '../api/error-message.ts';
import type { VersionMeta } from '../api/version-schemas.ts';
import { comparePath } from './compare-path.ts';
import { stepChange, stepKeyDirection } from './diff-steps.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { formatTime } from '../i18n/format-time.ts';
import { currentLanguage, t } from '../i18n/i18n.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import '../office/export-menu.ts';
import { readToken } from '../auth/token-store.ts';
import { DocEndpoint } from '../api/doc-endpoint.ts';
import { NextYearApi, type PreviousYear } from '../api/next-year-api.ts';
import { VersionsApi } from '../api/versions-api.ts';
import { compareSideTemplate } from './compare-side.ts';
import './diff-view.ts';

/**
 * The comparison page `/docs/<id>/compare?from=<vid>&to=<vid|current>`, or with
 * `against=<otherId>` (last year's text) the older side from that document: pickers for both sides,
 * the summary line, the compared document, a 只看有变化的行 filter and next/previous-change
 * navigation (buttons, `n`/`p`, `]`/`[`) along `diff.changes`, starting at the first change.
 */
export class ComparePage extends LitElement {
  static override properties = {
    api: { attribute: false },
    docId: { attribute: 'doc-id' },
    from: {},
    to: {},
    against: {},
    previous: { state: true },
    otherVersions: { state: true },
    diff: { state: true },
    versions: { state: true },
    error: { state: true },
    changedOnly: { state: true },
    current: { state: true },
  };
  static override styles = [
    fieldStyles,
    css`
      :host { display: block; max-width: 80rem; margin: 0 auto; padding: 0 1.5rem 4rem; }
      .bar { position: sticky; top: 0; z-index: 2; display: grid; gap: 0.5rem; padding: 0.8rem 0; background: var(--jx-page); border-bottom: 1px solid var(--jx-border); }
      .row { display: flex; flex-wrap: wrap; gap: 0.6rem 1rem; align-items: center; }
      h1 { margin: 0; font-size: 1.3rem; flex: 1; }
      label { display: inline-flex; gap: 0.4rem; align-items: center; color: var(--jx-muted); font-size: 0.9rem; }
      select { width: auto; max-width: 22rem; }
      input[type='checkbox'] { width: auto; }
      .summary { margin: 0; font-weight: 600; }
      .position { color: var(--jx-muted); font-size: 0.85rem; min-width: 7rem; text-align: center; }
      .hint { color: var(--jx-muted); font-size: 0.8rem; }
      a { color: var(--jx-focus); }
      .muted { color: var(--jx-muted); }
    `,
  ];

  /** The document's versions API. */
  declare api: VersionsApi | null;
  /** Id of the compared document. */
  declare docId: string;
  /** The older side: a version id. */
  declare from: string;
  /** The newer side: a version id or `current`. */
  declare to: string;
  /** Another document the older side comes from (last year's text); '' for this document. */
  declare against: string;
  /** This document's previous year, offered as the older side; null without one. */
  declare previous: PreviousYear['previous'];
  /** The versions of the `against` document. */
  declare otherVersions: VersionMeta[];
  declare diff: BudgetDiff | null;
  declare versions: VersionMeta[];
  declare error: string;
  declare changedOnly: boolean;
  declare current: number | null;
  #request = 0;

  constructor() {
    super();
    new I18nController(this);
    this.api = null;
    this.docId = '';
    this.from = '';
    this.to = 'current';
    this.against = '';
    this.previous = null;
    this.otherVersions = [];
    this.diff = null;
    this.versions = [];
    this.error = '';
    this.changedOnly = false;
    this.current = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.#onKey);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api')) void this.api?.list().then((v) => (this.versions = v), () => undefined);
    if (changed.has('docId')) void this.#otherApi(this.docId, NextYearApi).previous().then((p) => (this.previous = p.previous), () => undefined);
    if (changed.has('against')) {
      this.otherVersions = [];
      if (this.against) void this.#otherApi(this.against, VersionsApi).list().then((v) => (this.otherVersions = v), () => undefined);
    }
    if (changed.has('api') || changed.has('from') || changed.has('to') || changed.has('against')) void this.#load();
  }

  override render() {
    const diff = this.diff;
    const count = diff?.changes.length ?? 0;
    return html`<div class="bar">
        <div class="row">
          <h1>${t('compare.title')}</h1>
          <a href="/docs/${encodeURIComponent(this.docId)}" data-testid="compare-back">${t('compare.back')}</a>
        </div>
        <div class="row">
          ${compareSideTemplate(this.previous, this.against, (against) => this.#pickSide(against))}
          <label>${t('compare.from')} ${this.#picker('from', this.from, this.against !== '')}</label><export-menu data-testid="export-from" doc-id=${this.against || this.docId} version=${this.from}></export-menu>
          <label>${t('compare.to')} ${this.#picker('to', this.to, true)}</label><export-menu data-testid="export-to" doc-id=${this.docId} version=${this.to}></export-menu>
          <label><input type="checkbox" data-testid="changed-only" .checked=${this.changedOnly} @change=${this.#onFilter} />${t('compare.changedOnly')}</label>
        </div>
        ${diff
          ? html`<div class="row">
              <p class="summary" data-testid="diff-summary">${formatDiffSummary(summarizeDiff(diff), currentLanguage())}</p>
              <button data-testid="prev-change" ?disabled=${count === 0} @click=${() => this.#step(-1)}>↑ ${t('compare.previous')}</button>
              <span class="position" data-testid="change-position" aria-live="polite">${this.current === null ? t('compare.noPosition', { count }) : t('compare.position', { index: this.current + 1, count })}</span>
              <button data-testid="next-change" ?disabled=${count === 0} @click=${() => this.#step(1)}>↓ ${t('compare.next')}</button>
              <span class="hint">${t('compare.keysHint')}</span>
            </div>`
          : nothing}
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${!diff && !this.error ? html`<p class="muted">${t('compare.loading')}</p>` : nothing}
      <diff-view data-testid="diff-view" .diff=${diff} ?changed-only=${this.changedOnly} .current=${this.current}></diff-view>`;
  }

  #picker(side: 'from' | 'to', value: string, withCurrent: boolean) {
    const known = this.versions.some((v) => v.id === value) || (withCurrent && value === 'current');
    return html`<select data-testid="compare-${side}" @change=${(e: Event) => this.#pick(side, (e.target as HTMLSelectElement).value)}>
      ${withCurrent ? html`<option value="current" ?selected=${value === 'current'}>${t('compare.current')}</option>` : nothing}
      ${known ? nothing : html`<option value=${value} selected>${value}</option>`}
      ${(side === 'from' && this.against ? this.otherVersions : this.versions).map((v) => html`<option value=${v.id} ?selected=${v.id === value}>${v.label} · ${formatTime(v.createdAt)}</option>`)}
    </select>`;
  }

  #pick(side: 'from' | 'to', value: string): void {
    if (side === 'from') this.from = value;
    else this.to = value;
    window.history.replaceState(window.history.state, '', comparePath(this.docId, this.from, this.to, this.against));
  }

  /** Switches the older side between this document's versions and last year's live text. */
  #pickSide(against: string): void {
    this.against = against;
    this.#pick('from', against ? 'current' : (this.versions[0]?.id ?? 'current'));
  }

  #otherApi<A>(docId: string, Api: new (doc: DocEndpoint) => A): A {
    return new Api(new DocEndpoint(window.location.origin, docId, readToken));
  }

  async #load(): Promise<void> {
    const api = this.api;
    if (!api || !this.from) return;
    const request = ++this.#request;
    this.error = '';
    try {
      const diff = await api.diff(this.from, this.to, this.against || undefined);
      if (request !== this.#request) return;
      this.diff = diff;
      // Open at the first change: that is what the person came to see.
      this.current = diff.changes.length > 0 ? 0 : null;
    } catch (error) {
      if (request === this.#request) this.error = errorMessage(error);
    }
  }

  #onFilter(event: Event): void {
    this.changedOnly = (event.target as HTMLInputElement).checked;
  }

  #step(direction: 1 | -1): void {
    this.current = stepChange(this.diff?.changes.length ?? 0, this.current, direction);
  }

  readonly #onKey = (event: KeyboardEvent): void => {
    const direction = stepKeyDirection(event);
    // Letters typed into a field are text; a checkbox or button keeps the shortcuts.
    const inField = event.composedPath().some((n) => n instanceof HTMLSelectElement || n instanceof HTMLTextAreaElement || (n instanceof HTMLInputElement && n.type !== 'checkbox'));
    if (direction === null || inField || event.defaultPrevented) return;
    event.preventDefault();
    this.#step(direction);
  };
}

customElements.define('compare-page', ComparePage);

declare global {
  interface HTMLElementTagNameMap {
    'compare-page': ComparePage;
  }
}
