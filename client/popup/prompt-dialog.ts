import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import { fieldStyles } from '../styles/field.styles.ts';

/** What {@link PromptDialog.ask} asks. Without `input` it is a confirmation. */
export interface PromptOptions {
  title: string;
  message?: string;
  /** Label of a text the user must (`required`) or may type. */
  input?: { label: string; placeholder?: string; required?: boolean; multiline?: boolean; value?: string };
  confirm?: string;
  /** Styles the confirm button as destructive. */
  danger?: boolean;
}

/**
 * A modal dialog that asks one thing: confirm, or type a short text (a version name, a reason
 * for returning a document). `ask()` resolves to the typed text (`''` for a confirmation) or
 * null when cancelled. The browser's `<dialog>` traps focus and closes on Esc.
 */
export class PromptDialog extends LitElement {
  static override properties = { options: { state: true }, value: { state: true } };
  static override styles = [
    fieldStyles,
    css`
      dialog { width: min(30rem, calc(100vw - 2rem)); border: 1px solid var(--jx-border); border-radius: 8px; padding: 1rem 1.2rem; box-shadow: 0 10px 30px rgb(0 0 0 / 0.25); }
      dialog::backdrop { background: rgb(0 0 0 / 0.3); }
      h2 { margin: 0 0 0.6rem; font-size: 1.05rem; }
      p { margin: 0 0 0.8rem; line-height: 1.55; }
      label { display: grid; gap: 0.3rem; color: var(--jx-muted); font-size: 0.9rem; }
      .buttons { display: flex; justify-content: flex-end; gap: 0.5rem; margin-top: 1rem; }
      button.danger { background: var(--jx-danger); border-color: var(--jx-danger); color: white; }
    `,
  ];

  declare options: PromptOptions | null;
  declare value: string;
  #resolve: ((value: string | null) => void) | null = null;

  constructor() {
    super();
    new I18nController(this);
    this.options = null;
    this.value = '';
  }

  /** Opens the dialog; resolves once the user confirmed (the text) or cancelled (null). */
  async ask(options: PromptOptions): Promise<string | null> {
    this.#resolve?.(null);
    this.options = options;
    this.value = options.input?.value ?? '';
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    dialog?.showModal();
    this.renderRoot.querySelector<HTMLElement>('input, textarea, button.confirm')?.focus();
    return new Promise((resolve) => (this.#resolve = resolve));
  }

  override render() {
    const o = this.options;
    // A closed dialog holds nothing: its fields and buttons are not around to be found.
    if (!o) return html`<dialog></dialog>`;
    const input = o.input;
    const blocked = !!input?.required && this.value.trim() === '';
    return html`<dialog data-testid="prompt-dialog" aria-labelledby="title" @close=${this.#onClose}>
      <form method="dialog" @submit=${this.#onSubmit}>
        <h2 id="title">${o.title}</h2>
        ${o.message ? html`<p>${o.message}</p>` : nothing}
        ${input
          ? html`<label>${input.label}${input.multiline
              ? html`<textarea data-testid="prompt-input" placeholder=${input.placeholder ?? ''} .value=${live(this.value)} @input=${this.#onInput}></textarea>`
              : html`<input data-testid="prompt-input" placeholder=${input.placeholder ?? ''} .value=${live(this.value)} @input=${this.#onInput} />`}</label>`
          : nothing}
        <div class="buttons">
          <button type="button" data-testid="prompt-cancel" @click=${() => this.#finish(null)}>${t('common.cancel')}</button>
          <button type="submit" class="confirm ${o.danger ? 'danger' : 'primary'}" data-testid="prompt-confirm" ?disabled=${blocked}>${o.confirm ?? t('common.ok')}</button>
        </div>
      </form>
    </dialog>`;
  }

  #onInput(event: Event): void {
    this.value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.options?.input?.required && this.value.trim() === '') return;
    this.#finish(this.options?.input ? this.value.trim() : '');
  }

  // Esc closes the dialog without a submit: that is a cancel.
  #onClose(): void {
    this.#finish(null);
  }

  #finish(value: string | null): void {
    const resolve = this.#resolve;
    this.#resolve = null;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog?.open) dialog.close();
    this.options = null;
    resolve?.(value);
  }
}

customElements.define('prompt-dialog', PromptDialog);

declare global {
  interface HTMLElementTagNameMap {
    'prompt-dialog': PromptDialog;
  }
}
