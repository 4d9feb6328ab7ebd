import { LitElement, css, html, nothing } from 'lit';
import type { Finding } from '../../shared/rules/index.ts';
import { FindingHintController } from './finding-hint-controller.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import { findingStyles } from './finding.styles.ts';
import { findingMark } from './finding-marks.ts';
import { worstSeverity } from './severity.ts';
import { severityIcon } from './severity-icon.ts';
import './finding-popover.ts';

/**
 * A badge for findings that concern a whole project or the whole document rather than one
 * field (e.g. 产出指标缺少质量指标): the worst severity's icon and the count; the messages on
 * hover and focus. Renders nothing without findings.
 */
export class FindingBadge extends LitElement {
  static override properties = { findings: { attribute: false }, label: {} };
  static override styles = [
    findingStyles,
    css`
      :host { display: inline-block; vertical-align: middle; }
      .badge { display: inline-flex; gap: 0.25rem; align-items: center; padding: 0 0.5rem 0 0.4rem; border-radius: 3px; font-size: 0.8rem; font-weight: normal; line-height: 1.6; cursor: default; }
      .badge { background-image: none; }
      .badge .icon { color: var(--finding-color); display: inline-flex; }
      .badge:focus-visible { outline: 2px solid var(--jx-focus); }
    `,
  ];

  /** The findings the badge stands for. */
  declare findings: readonly Finding[];
  /** What the findings are about, for screen readers (e.g. 本项目的问题). */
  declare label: string;

  readonly #hint = new FindingHintController(this, () => this.findings);

  constructor() {
    super();
    new I18nController(this);
    this.findings = [];
    this.label = '';
  }

  /** Focuses the badge, which shows its findings. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('.badge')?.focus(options);
  }

  override render() {
    const worst = worstSeverity(this.findings);
    if (!worst) return nothing;
    const mark = findingMark(this.findings);
    const hint = this.#hint.hint;
    return html`<span class="badge ${mark.className}" tabindex="0" role="img" data-finding-key="all" data-testid="finding-badge"
        aria-label="${this.label}：${t('validation.findingsAt', { count: this.findings.length })}" aria-describedby="description"
        ><span class="icon">${severityIcon(worst)}</span>${this.findings.length}</span
      ><span id="description" hidden>${mark.description}</span>
      <finding-popover .findings=${hint?.findings ?? []} .anchor=${hint?.anchor ?? null}></finding-popover>`;
  }
}

customElements.define('finding-badge', FindingBadge);

declare global {
  interface HTMLElementTagNameMap {
    'finding-badge': FindingBadge;
  }
}
