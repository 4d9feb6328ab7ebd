import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { VersionsApi } from '../api/versions-api.ts';
import type { VersionMeta } from '../api/version-schemas.ts';
import { errorMessage } from '../api/error-message.ts';
import { comparePath } from '../compare/compare-path.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { formatTime } from '../i18n/format-time.ts';
import { t } from '../i18n/i18n.ts';
import { PanelCloseEvent, ToastEvent } from '../review/review-events.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import type { PromptDialog } from '../popup/prompt-dialog.ts';
import { sidePanelStyles } from '../styles/side-panel.styles.ts';
import { versionsPanelStyles } from './versions-panel.styles.ts';
import { foldVersions, type VersionGroup } from './fold-versions.ts';
import '../popup/prompt-dialog.ts';

// Colleagues save versions and the server takes automatic ones: look again this often while open.
const POLL_MS = 10_000;
const KINDS = ['manual', 'auto', 'restore', 'status'] as const;

/**
 * The versions panel: every version, newest first, with its kind, author, time and validation
 * summary, named versions with the automatic ones taken before each folded under it (展开 n 个自动版本);
 * 保存版本 (asks for a name); per version one 对比 (with the current document or another version) and 恢复 (after a confirmation; the toast offers to undo it). The list is
 * fetched again every 10 s while the panel is open, after the user's own actions and when
 * `revision` changes.
 */
export class VersionsPanel extends LitElement {
  static override properties = {
    api: { attribute: false },
    docId: { attribute: 'doc-id' },
    canSave: { type: Boolean, attribute: 'can-save' },
    canRestore: { type: Boolean, attribute: 'can-restore' },
    revision: { type: Number },
    versions: { state: true },
    error: { state: true },
    picking: { state: true },
    busy: { state: true },
    expanded: { state: true },
  };
  static override styles = [fieldStyles, sidePanelStyles, versionsPanelStyles];

  /** The document's versions API. */
  declare api: VersionsApi | null;
  /** Id of the document, for comparison links. */
  declare docId: string;
  /** Shows 保存版本 (owners and editors). */
  declare canSave: boolean;
  /** Shows 恢复 (owners and editors while the content may change). */
  declare canRestore: boolean;
  /** Anything that may have added versions (e.g. the length of the activity log); a change reloads the list. */
  declare revision: number;
  declare versions: VersionMeta[] | null;
  declare error: string;
  /** Id of the version whose 对比… list is open. */
  declare picking: string | null;
  declare busy: boolean;
  /** Groups whose automatic versions are shown: a named version's id, or `recent`. */
  declare expanded: ReadonlySet<string>;

  #timer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    super();
    new I18nController(this);
    this.api = null;
    this.docId = '';
    this.canSave = false;
    this.canRestore = false;
    this.revision = 0;
    this.versions = null;
    this.error = '';
    this.picking = null;
    this.busy = false;
    this.expanded = new Set();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#timer = setInterval(() => void this.reload(), POLL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('revision')) void this.reload();
  }

  /** Fetches the list again. */
  async reload(): Promise<void> {
    if (!this.api) return;
    try {
      this.versions = await this.api.list();
      this.error = '';
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  override render() {
    const versions = this.versions;
    return html`<header>
        <h2>${t('versions.panelTitle')}</h2>
        ${this.canSave ? html`<button class="primary" data-testid="version-save" title=${t('versions.saveTitle')} ?disabled=${this.busy} @click=${this.#save}>${t('versions.save')}</button>` : nothing}
        <button class="close" aria-label=${t('versions.close')} data-testid="versions-close" @click=${() => this.dispatchEvent(new PanelCloseEvent('versions'))}>×</button>
      </header>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="body">
        ${versions === null ? html`<p class="empty">${t('versions.loading')}</p>` : nothing}
        ${versions?.length === 0 ? html`<p class="empty">${t('versions.empty')}</p>` : nothing}
        ${versions?.length ? html`<ol aria-label=${t('versions.listLabel')} data-testid="versions-list">${foldVersions(versions).map((g) => this.#group(g))}</ol>` : nothing}
      </div>
      <prompt-dialog></prompt-dialog>`;
  }

  #group(group: VersionGroup) {
    const key = group.named?.id ?? 'recent';
    const open = this.expanded.has(key);
    const count = group.autos.length;
    const toggle = () => {
      const next = new Set(this.expanded);
      if (!next.delete(key)) next.add(key);
      this.expanded = next;
    };
    return html`${group.named ? this.#version(group.named) : html`<li class="recent"><span class="label">${t('versions.recentAutos')}</span></li>`}
      ${count
        ? html`<li class="autos" data-testid="version-autos">
            <button class="fold" data-testid="version-autos-toggle" aria-expanded=${open ? 'true' : 'false'} @click=${toggle}>
              ${open ? t('versions.hideAutos', { count }) : t('versions.showAutos', { count })}</button>
            ${open ? html`<ol>${group.autos.map((v) => this.#version(v))}</ol>` : nothing}</li>`
        : nothing}`;
  }

  #version(v: VersionMeta) {
    const kind = KINDS.find((k) => k === v.kind);
    return html`<li data-testid="version" data-version-id=${v.id}>
      <div class="title"><span class="label" data-testid="version-label">${v.label}</span>
        <span class="kind ${v.kind}" data-testid="version-kind">${kind ? t(`versions.kinds.${kind}`) : v.kind}</span></div>
      <div class="meta">${v.author.name} · <time datetime=${v.createdAt}>${formatTime(v.createdAt)}</time> · ${this.#summary(v)}</div>
      <div class="actions">
        <button data-testid="version-compare" title=${t('versions.compareTitle')} aria-expanded=${this.picking === v.id ? 'true' : 'false'}
          @click=${() => (this.picking = this.picking === v.id ? null : v.id)}>${t('versions.compare')}</button>
        ${this.canRestore ? html`<button data-testid="version-restore" ?disabled=${this.busy} @click=${() => this.#restore(v)}>${t('versions.restore')}</button>` : nothing}
      </div>
      ${this.picking === v.id ? this.#picker(v) : nothing}
    </li>`;
  }

  #summary(v: VersionMeta) {
    const { errors, warnings } = v.summary;
    if (errors === 0 && warnings === 0) return html`<span class="clean">${t('versions.clean')}</span>`;
    return html`${errors ? html`<span class="errors">${t('versions.errors', { count: errors })}</span>` : nothing}
      ${warnings ? html`<span class="warnings">${t('versions.warnings', { count: warnings })}</span>` : nothing}`;
  }

  // The older of the two is always the `from` side, so additions read as additions.
  #picker(v: VersionMeta) {
    const list = this.versions ?? [];
    const at = list.indexOf(v);
    return html`<nav class="picker" aria-label=${t('versions.pickOther')}><span>${t('versions.pickOther')}</span>
      <a data-testid="version-compare-current" href=${comparePath(this.docId, v.id, 'current')}>${t('versions.compareCurrent')}</a>
      ${list.filter((o) => o !== v).map((o) => {
        const [from, to] = list.indexOf(o) > at ? [o.id, v.id] : [v.id, o.id];
        return html`<a data-testid="version-pick" href=${comparePath(this.docId, from, to)}>${o.label} <small>${formatTime(o.createdAt)}</small></a>`;
      })}</nav>`;
  }

  get #dialog(): PromptDialog | null {
    return this.renderRoot.querySelector('prompt-dialog');
  }

  async #save(): Promise<void> {
    const label = await this.#dialog?.ask({
      title: t('versions.save'),
      input: { label: t('versions.labelPrompt'), placeholder: t('versions.labelPlaceholder'), required: true },
      confirm: t('versions.save'),
    });
    if (!label || !this.api) return;
    await this.#run(async (api) => {
      await api.save(label);
      this.dispatchEvent(new ToastEvent({ message: t('versions.saved', { label }) }));
    });
  }

  async #restore(v: VersionMeta): Promise<void> {
    const ok = await this.#dialog?.ask({ title: t('versions.restoreTitle'), message: t('versions.restoreConfirm', { label: v.label }), confirm: t('versions.restore'), danger: true });
    if (ok === null || ok === undefined) return;
    await this.#run(async (api) => {
      const before = await api.restore(v.id);
      const undo = () => void this.#run(async (a) => {
        await a.restore(before);
        this.dispatchEvent(new ToastEvent({ message: t('versions.undone') }));
      });
      this.dispatchEvent(new ToastEvent({ message: t('versions.restored'), action: { label: t('versions.undo'), run: undo } }));
    });
  }

  async #run(action: (api: VersionsApi) => Promise<void>): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.busy = true;
    try {
      await action(api);
    } catch (error) {
      this.dispatchEvent(new ToastEvent({ message: errorMessage(error), tone: 'error' }));
    } finally {
      this.busy = false;
      await this.reload();
    }
  }
}

customElements.define('versions-panel', VersionsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'versions-panel': VersionsPanel;
  }
}
