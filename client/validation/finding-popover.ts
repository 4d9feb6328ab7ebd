import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { Finding } from '../../shared/rules/index.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import { localized } from '../i18n/localized.ts';
import { severityIcon } from './severity-icon.ts';
import { followViewport, placePopover } from '../review/place-popover.ts';
import { acknowledgementKey } from '../../shared/review/acknowledgements.ts';
import { formatTime } from '../i18n/format-time.ts';
import { acknowledgementSource } from './acknowledgement-source.ts';
import { FindingAcknowledgeEvent } from './finding-acknowledge-event.ts';

/**
 * A small list of findings shown beside the cell or field they concern (`anchor`), on hover and
 * on focus. It lives in the top layer (popover API), so scrolling containers never clip it, and
 * follows its anchor while the page scrolls, clear of the sticky headers and the side panel.
 * Warnings and hints show who marked them 已确认; editors get 确认 / 撤销确认 there, the one
 * control that takes the pointer (`finding-acknowledge`). It takes no pointer events: it never hides what
 * the user points at. Screen readers get the same text through the field's `aria-describedby`.
 */
export class FindingPopover extends LitElement {
  static override properties = { findings: { attribute: false }, anchor: { attribute: false } };
  static override styles = css`
    :host {
      position: fixed;
      inset: auto;
      margin: 0;
      max-width: min(28rem, calc(100vw - 1rem));
      padding: 0.4rem 0.6rem;
      border: 1px solid var(--jx-border);
      border-radius: 4px;
      background: var(--jx-surface);
      color: var(--jx-text);
      box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
      font-size: 0.85rem;
      line-height: 1.45;
      pointer-events: none;
      overflow: hidden;
    }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.25rem; }
    li { display: grid; grid-template-columns: 1.2rem 1fr; gap: 0.2rem; }
    .rule { color: var(--jx-muted); font-size: 0.75rem; margin-left: 0.3rem; white-space: nowrap; }
    .acked { display: block; color: var(--jx-ok); font-size: 0.75rem; }
    /* The one thing here that takes the pointer: the rest never hides what the user points at. */
    .ack { pointer-events: auto; margin-left: 0.4rem; min-height: 24px; padding: 0.05rem 0.5rem; font: inherit; font-size: 0.78rem; cursor: pointer;
      border: 1px solid var(--jx-border); border-radius: 4px; background: var(--jx-surface); color: inherit; }
    .error .icon { color: var(--jx-danger); }
    .warning .icon { color: var(--jx-warn); }
    .info .icon { color: var(--jx-info); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `;

  /** The findings to list; the popover hides when there are none. */
  declare findings: readonly Finding[];
  /** The cell or field the findings are about; the popover hides without one. */
  declare anchor: HTMLElement | null;

  #stopFollowing: (() => void) | null = null;

  constructor() {
    super();
    new I18nController(this);
    this.findings = [];
    this.anchor = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.popover = 'manual';
    this.setAttribute('role', 'tooltip');
    this.dataset['testid'] = 'finding-popover';
    acknowledgementSource.addEventListener('change', this.#onMarks);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    acknowledgementSource.removeEventListener('change', this.#onMarks);
    this.#follow(false);
  }

  readonly #onMarks = (): void => {
    if (this.findings.length > 0) this.requestUpdate();
  };

  override render() {
    const { marks, canAcknowledge } = acknowledgementSource.view;
    return html`<ul>
      ${this.findings.map((f) => {
        const ack = f.severity === 'error' ? undefined : marks.get(acknowledgementKey(f.ruleId, f.place));
        return html`<li class=${f.severity}><span class="icon">${severityIcon(f.severity)}</span>
          <span><span class="visually-hidden">${t(`validation.${f.severity}`)}：</span>${localized(f)}<small class="rule">${t('findings.rule', { id: f.ruleId })}</small>
            ${ack ? html`<small class="acked" data-testid="acknowledged-by">${t('findings.acknowledged', { name: ack.by.name, time: formatTime(ack.at) })}</small>` : nothing}
            ${canAcknowledge && f.severity !== 'error'
              ? html`<button class="ack" data-testid=${ack ? 'unacknowledge' : 'acknowledge'} title=${ack ? '' : t('findings.acknowledgeTitle')}
                  @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.dispatchEvent(new FindingAcknowledgeEvent([f], !ack))}>
                  ${ack ? t('findings.unacknowledge') : t('findings.acknowledge')}</button>`
              : nothing}</span></li>`;
      })}
    </ul>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('findings') && !changed.has('anchor')) {
      if (this.matches(':popover-open')) this.#place();
      return;
    }
    const open = this.findings.length > 0 && !!this.anchor?.isConnected;
    if (open && !this.matches(':popover-open')) this.showPopover();
    if (!open && this.matches(':popover-open')) this.hidePopover();
    this.#follow(open);
    if (open) this.#place();
  }

  #follow(on: boolean): void {
    if (on === !!this.#stopFollowing) return;
    if (on) this.#stopFollowing = followViewport(this.#place);
    else {
      this.#stopFollowing?.();
      this.#stopFollowing = null;
    }
  }

  readonly #place = (): void => {
    if (this.anchor?.isConnected) placePopover(this, this.anchor);
  };
}

customElements.define('finding-popover', FindingPopover);

declare global {
  interface HTMLElementTagNameMap {
    'finding-popover': FindingPopover;
  }
}
