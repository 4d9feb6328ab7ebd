import { LitElement, html, nothing } from 'lit';
import type * as Y from 'yjs';
import type { Finding } from '../../shared/rules/index.ts';
import type { Peer } from '../collab/peer.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import type { DocReview } from '../review/doc-review.ts';
import type { UndoHistory } from '../undo/undo-history.ts';
import '../grid/indicator-grid.ts';
import type { PreviousValues } from '../rollover/previous-year-controller.ts';
import '../validation/finding-badge.ts';
import './project-header.ts';

/**
 * One project of 第二部分: its numbered heading with the badge of findings about the project as
 * a whole, its header fields (`<project-header>`) and its 绩效目标表 (`<indicator-grid>`).
 */
export class ProjectSection extends LitElement {
  static override properties = {
    doc: { attribute: false },
    origin: { attribute: false },
    history: { attribute: false },
    projectId: { attribute: 'project-id' },
    name: {},
    position: { type: Number },
    readonly: { type: Boolean },
    lock: {},
    findings: { attribute: false },
    peers: { attribute: false },
    review: { attribute: false },
    previous: { attribute: false },
  };

  /** The document holding the project. */
  declare doc: Y.Doc | null;
  /** Transaction origin of this tab's edits. */
  declare origin: unknown;
  /** This tab's undo history. */
  declare history: UndoHistory | null;
  /** Id of the project shown. */
  declare projectId: string;
  /** 项目名称 as the document has it ('' when blank). */
  declare name: string;
  /** 1-based number of the project in the document. */
  declare position: number;
  /** Lets the user look but not edit. */
  declare readonly: boolean;
  /** Why the project is outside the user's edit rights ('' when it is not): shown as a chip, in full on hover. */
  declare lock: string;
  /** Validation findings of the project. */
  declare findings: readonly Finding[];
  /** Colleagues working in the project. */
  declare peers: readonly Peer[];
  /** The review shown in the fields and cells; null without one. */
  declare review: DocReview | null;
  /** 上年指标值 by row id, shown in the grid (empty for a document without a previous year). */
  declare previous: PreviousValues;

  constructor() {
    super();
    new I18nController(this);
    this.doc = null;
    this.origin = null;
    this.history = null;
    this.projectId = '';
    this.name = '';
    this.position = 0;
    this.readonly = false;
    this.lock = '';
    this.findings = [];
    this.peers = [];
    this.review = null;
    this.previous = new Map();
  }

  // Rendered into the light DOM: the document's styles, its reveal-a-finding lookups and the
  // browser tests reach the article, header and grid as they did before this element existed.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render() {
    const whole = this.findings.filter((f) => f.place.indicator === undefined && f.place.field === undefined);
    return html`<article class="project" data-testid="project-${this.projectId}">
      <h3>${this.position}. ${this.name || t('project.untitled')} <small>${t('project.table')}</small>
        ${this.lock ? html`<small class="lock" title=${this.lock} data-testid="project-lock">${t('project.locked')}</small>` : nothing}
        <finding-badge .findings=${whole} label=${t('validation.projectFindings')}></finding-badge></h3>
      <project-header .doc=${this.doc} .origin=${this.origin} .history=${this.history} project-id=${this.projectId} ?readonly=${this.readonly}
        .findings=${this.findings} .peers=${this.peers} .review=${this.review}></project-header>
      <indicator-grid .doc=${this.doc} .origin=${this.origin} .history=${this.history} project-id=${this.projectId} project-name=${this.name}
        .peers=${this.peers} ?readonly=${this.readonly} .findings=${this.findings} .review=${this.review} .previous=${this.previous}></indicator-grid>
    </article>`;
  }
}

customElements.define('project-section', ProjectSection);

declare global {
  interface HTMLElementTagNameMap {
    'project-section': ProjectSection;
  }
}
