import { LitElement, css, html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type * as Y from 'yjs';
import type { OverviewSection } from '../../shared/model/index.ts';
import type { Finding } from '../../shared/rules/index.ts';
import type { Peer } from '../collab/peer.ts';
import { FindingHintController } from '../controllers/finding-hint-controller.ts';
import { I18nController } from '../controllers/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import { focusWithin } from '../validation/focus-within.ts';
import './finding-popover.ts';
import './ytext-area.ts';

/** One narrative section of 第一部分 (总体绩效目标, 分项绩效目标, 工作保障措施), edited together. */
export class NarrativeSection extends LitElement {
  static override properties = {
    doc: { attribute: false },
    origin: { attribute: false },
    section: {},
    peers: { attribute: false },
    readonly: { type: Boolean },
    findings: { attribute: false },
  };
  static override styles = css`
    :host { display: block; margin-bottom: 1.25rem; }
    h3 { display: flex; gap: 0.5rem; align-items: center; font-size: 1rem; margin: 0 0 0.4rem; }
    .peer { font-size: 0.75rem; font-weight: normal; color: white; padding: 0 0.4rem; border-radius: 3px; }
  `;

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
    return html`<h3>${label}${here.map((p) => html`<span class="peer" style=${styleMap({ background: p.color })}>${t('presence.editing', { name: p.name })}</span>`)}</h3>
      <ytext-area .doc=${this.doc} .origin=${this.origin} .textRef=${{ section: this.section }} label=${label} data-finding-key=${this.section}
        .findings=${this.findings} .peers=${this.peers} testid="section-${this.section}" ?readonly=${this.readonly}></ytext-area>
      <finding-popover .findings=${hint?.findings ?? []} .anchor=${hint?.anchor ?? null}></finding-popover>`;
  }
}

customElements.define('narrative-section', NarrativeSection);

declare global {
  interface HTMLElementTagNameMap {
    'narrative-section': NarrativeSection;
  }
}
