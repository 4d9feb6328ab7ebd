import { LitElement, css, html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type * as Y from 'yjs';
import type { OverviewSection } from '../../shared/model/index.ts';
import type { Finding } from '../../shared/rules/index.ts';
import type { Peer } from '../collab/peer.ts';
import { FindingHintController } from '../validation/finding-hint-controller.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import { focusWithin } from '../validation/focus-within.ts';
import type { DocReview } from '../review/doc-review.ts';
import { ReviewActionEvent } from '../review/review-events.ts';
import { targetKey, type ReviewTarget } from '../review/review-target.ts';
import { commentMarker, reviewMarkStyles } from '../review/suggestion-templates.ts';
import type { YTextArea } from '../text/ytext-area.ts';
import '../validation/finding-popover.ts';
import '../text/ytext-area.ts';

/** One narrative section of 第一部分 (总体绩效目标, 分项绩效目标, 工作保障措施), edited together. */
export class NarrativeSection extends LitElement {
  static override properties = {
    doc: { attribute: false },
    origin: { attribute: false },
    section: {},
    peers: { attribute: false },
    readonly: { type: Boolean },
    findings: { attribute: false },
    review: { attribute: false },
  };
  static override styles = [
    reviewMarkStyles,
    css`
      :host { display: block; margin-bottom: 1.25rem; }
      h3 { display: flex; gap: 0.5rem; align-items: center; font-size: 1rem; margin: 0 0 0.4rem; }
      .peer { font-size: 0.75rem; font-weight: normal; color: white; padding: 0 0.4rem; border-radius: 3px; }
      .comment-marker { position: static; border-radius: 999px; }
      .tools { margin-left: auto; display: inline-flex; gap: 0.2rem; }
      .tools button { font: inherit; font-size: 0.75rem; font-weight: normal; padding: 0 0.4rem; border: 1px solid var(--jx-border); border-radius: 4px; background: var(--jx-surface); color: var(--jx-muted); cursor: pointer; }
      .tools button:hover { color: var(--jx-text); border-color: var(--jx-accent); }
    `,
  ];

  /** The document holding the section. */
  declare doc: Y.Doc | null;
  /** Transaction origin of this tab's edits. */
  declare origin: unknown;
  /** Which section this is. */
  declare section: OverviewSection;
  /** Everyone in the document; colleagues working in this section are named in its heading. */
  declare peers: readonly Peer[];
  /** Shows the text without letting the user change it. */
  declare readonly: boolean;
  /** Validation findings about this section (`place.field` = `overview.<section>`). */
  declare findings: readonly Finding[];
  /** The review: threads on ranges of this text are marked; null without review. */
  declare review: DocReview | null;

  readonly #hint = new FindingHintController(this, () => this.findings);

  constructor() {
    super();
    new I18nController(this);
    this.doc = null;
    this.origin = null;
    this.section = 'overallGoal';
    this.peers = [];
    this.readonly = false;
    this.findings = [];
    this.review = null;
  }

  /** Focuses the section's text and scrolls it into view. */
  focusText(): void {
    const area = this.renderRoot.querySelector('ytext-area');
    area?.scrollIntoView({ block: 'center' });
    if (area) focusWithin(area);
  }

  override render() {
    const label = t(`sections.${this.section}`);
    const here = this.peers.filter((p) => p.clientId !== this.doc?.clientID && p.cursor && 'section' in p.cursor && p.cursor.section === this.section);
    const hint = this.#hint.hint;
    const place: ReviewTarget = { kind: 'text', section: this.section };
    const key = targetKey(place);
    return html`<h3>${label}${here.map((p) => html`<span class="peer" style=${styleMap({ background: p.color })}>${t('presence.editing', { name: p.name })}</span>`)}
        ${this.review ? html`${commentMarker(this.review.index.openThreadsAt(key), place)}${this.#tools()}` : ''}</h3>
      <ytext-area .doc=${this.doc} .origin=${this.origin} .textRef=${{ section: this.section }} label=${label} data-finding-key=${this.section}
        data-review-target=${key} .comments=${this.review?.index.threadsAt(key) ?? []}
        .findings=${this.findings} .peers=${this.peers} testid="section-${this.section}" ?readonly=${this.readonly}></ytext-area>
      <finding-popover .findings=${hint?.findings ?? []} .anchor=${hint?.anchor ?? null}></finding-popover>`;
  }

  // Beside the heading: comment on the selected text (or the section's start), see the history.
  #tools() {
    const act = (action: 'comment' | 'history') => (event: Event) => {
      const area = this.renderRoot.querySelector<YTextArea>('ytext-area');
      const [from, to] = area?.selectionRange ?? [0, 0];
      const place: ReviewTarget = action === 'comment' ? { kind: 'text', section: this.section, from, to } : { kind: 'text', section: this.section };
      this.dispatchEvent(new ReviewActionEvent(action, place, event.currentTarget instanceof HTMLElement ? event.currentTarget : null));
    };
    return html`<span class="tools">
      ${this.review?.may.comment ? html`<button data-testid="section-comment-${this.section}" title=${t('review.addComment')} @click=${act('comment')}>${t('review.comment')}</button>` : ''}
      <button data-testid="section-history-${this.section}" title=${t('history.open')} @click=${act('history')}>${t('review.history')}</button></span>`;
  }
}

customElements.define('narrative-section', NarrativeSection);

declare global {
  interface HTMLElementTagNameMap {
    'narrative-section': NarrativeSection;
  }
}
