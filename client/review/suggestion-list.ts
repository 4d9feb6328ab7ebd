import { LitElement, css, html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type * as Y from 'yjs';
import { INDICATOR_FIELDS, indicatorsOf, projectsMap, readString } from '../../shared/model/index.ts';
import type { Peer } from '../collab/peer.ts';
import { formatDiffValue } from '../compare/diff-labels.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { formatTime } from '../i18n/format-time.ts';
import { t } from '../i18n/i18n.ts';
import { placeLabel } from './place-label.ts';
import { PlaceSelectEvent, SuggestionsAcceptAllEvent } from './review-events.ts';
import type { OpenSuggestion } from './review-index.ts';
import { groupByAuthor, suggestionPlace } from './suggestion-place.ts';
import { decideButtons } from './suggestion-templates.ts';
import { personColor } from './user-color.ts';
import { fieldStyles } from '../styles/field.styles.ts';

/**
 * The open suggestions, grouped by reviewer (each in their colour) with 采纳全部（某人）; each
 * with its place (a click goes there), old → new value, and ✓ 采纳 / ✗ 拒绝 for those who may
 * decide. A stale suggestion is flagged 已过期 and cannot be accepted.
 */
export class SuggestionList extends LitElement {
  static override properties = {
    suggestions: { attribute: false },
    doc: { attribute: false },
    peers: { attribute: false },
    canDecide: { type: Boolean, attribute: 'can-decide' },
    canAccept: { type: Boolean, attribute: 'can-accept' },
  };
  static override styles = [
    fieldStyles,
    css`
      :host { display: grid; gap: 0.8rem; }
      section { display: grid; gap: 0.4rem; }
      h3 { display: flex; align-items: center; gap: 0.4rem; margin: 0; font-size: 0.9rem; }
      h3 .name { flex: 1; }
      .dot { width: 0.6rem; height: 0.6rem; border-radius: 50%; background: var(--person); }
      h3 button { font-size: 0.8rem; padding: 0.1rem 0.5rem; }
      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.35rem; }
      li { border: 1px solid var(--jx-border); border-left: 3px solid var(--person); border-radius: 5px; padding: 0.4rem 0.5rem; display: grid; gap: 0.25rem; background: var(--jx-surface); }
      li.stale { background: var(--jx-muted-surface); }
      .place { all: unset; cursor: pointer; font-size: 0.8rem; color: var(--jx-muted); }
      .place:hover, .place:focus-visible { text-decoration: underline; color: var(--jx-focus); }
      .value { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.9rem; }
      del { color: #8d1c12; background: #fbe0dd; }
      ins { text-decoration: none; color: var(--person); font-weight: 600; }
      .arrow { color: var(--jx-muted); margin: 0 0.3rem; }
      .row { display: grid; grid-template-columns: 5.5rem 1fr; gap: 0 0.4rem; font-size: 0.82rem; }
      .row span:nth-child(odd) { color: var(--jx-muted); }
      .foot { display: flex; align-items: center; gap: 0.4rem; font-size: 0.78rem; color: var(--jx-muted); }
      .foot time { flex: 1; }
      .foot button { padding: 0.1rem 0.5rem; font-size: 0.8rem; }
      .stale-tag { color: var(--jx-warn); background: var(--jx-warn-surface); padding: 0 0.4rem; border-radius: 999px; }
      .explain { margin: 0; font-size: 0.78rem; color: var(--jx-warn); }
      .muted { color: var(--jx-muted); padding: 0 0.8rem; }
    `,
  ];

  /** The open suggestions, oldest first. */
  declare suggestions: readonly OpenSuggestion[];
  /** The content document, to name places and rows. */
  declare doc: Y.Doc | null;
  /** People in the document, for the reviewers' colours. */
  declare peers: readonly Peer[];
  /** Shows 采纳 / 拒绝 (owners and editors). */
  declare canDecide: boolean;
  /** Whether accepting is possible now (the content may change in the current status). */
  declare canAccept: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.suggestions = [];
    this.doc = null;
    this.peers = [];
    this.canDecide = false;
    this.canAccept = false;
  }

  override render() {
    if (this.suggestions.length === 0) return html`<p class="muted" data-testid="suggestions-empty">${t('suggestions.none')}</p>`;
    return groupByAuthor(this.suggestions).map(({ author, suggestions }) => {
      const color = { '--person': personColor(author.sub, this.peers) };
      return html`<section style=${styleMap(color)} data-testid="suggestion-group">
        <h3><span class="dot"></span><span class="name">${author.name}</span>
          ${this.canDecide && this.canAccept
            ? html`<button data-testid="accept-all" @click=${() => this.dispatchEvent(new SuggestionsAcceptAllEvent(author.sub, author.name))}>${t('suggestions.acceptAll', { name: author.name })}</button>`
            : nothing}</h3>
        <ol>${suggestions.map((s) => this.#item(s))}</ol>
      </section>`;
    });
  }

  #item(s: OpenSuggestion) {
    const place = suggestionPlace(s);
    return html`<li class=${s.stale ? 'stale' : ''} data-testid="suggestion" data-suggestion-id=${s.id}>
      <button class="place" @click=${() => this.dispatchEvent(new PlaceSelectEvent(place))}>${placeLabel(place, this.doc)}</button>
      <div class="value">${this.#what(s)}</div>
      <div class="foot"><time datetime=${s.at}>${formatTime(s.at)}</time>
        ${s.stale ? html`<span class="stale-tag" data-testid="suggestion-stale" title=${t('suggestions.staleExplain')}>${t('suggestions.stale')}</span>` : nothing}
        ${this.canDecide ? decideButtons(s, this.canAccept) : nothing}</div>
      ${s.stale ? html`<p class="explain">${t('suggestions.staleExplain')}</p>` : nothing}
    </li>`;
  }

  #what(s: OpenSuggestion) {
    if (s.kind === 'insert') {
      const row = s.row ?? {};
      return html`<strong>${t('suggestions.newRow')}</strong><div class="row">${INDICATOR_FIELDS.filter((f) => row[f]).map((f) => html`<span>${t(`grid.${f}`)}</span><ins>${row[f]}</ins>`)}</div>`;
    }
    if (s.kind === 'delete') {
      const project = this.doc ? projectsMap(this.doc).get(s.project) : undefined;
      const row = project && s.indicator ? indicatorsOf(project).get(s.indicator) : undefined;
      return html`<strong>${t('suggestions.deleteRowLabel')}</strong>：<del>${row ? readString(row, 'name') || readString(row, 'description') : s.indicator}</del>`;
    }
    const base = s.base === undefined ? null : s.base;
    return html`<del>${formatDiffValue(base, s.field)}</del><span class="arrow" aria-hidden="true">→</span><ins>${formatDiffValue(s.value ?? null, s.field)}</ins>`;
  }
}

customElements.define('suggestion-list', SuggestionList);

declare global {
  interface HTMLElementTagNameMap {
    'suggestion-list': SuggestionList;
  }
}
