import { LitElement, css, html, nothing } from 'lit';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import { insertMention, matchMentionables, mentionAt, type Mentionable, type MentionQuery } from './mention-query.ts';
import { fieldStyles } from '../styles/field.styles.ts';

/** Fired by a {@link MentionInput} on Ctrl+Enter: send what was written. */
class MentionSubmitEvent extends Event {
  static readonly eventName = 'mention-submit';

  constructor() {
    super(MentionSubmitEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * A comment box: typing `@` offers the people who can be mentioned (a WAI-ARIA combobox with a
 * listbox; arrows move, Enter or Tab picks, Esc closes); Ctrl+Enter fires `mention-submit`.
 */
export class MentionInput extends LitElement {
  static override properties = {
    people: { attribute: false },
    label: {},
    placeholder: {},
    testid: {},
    value: { state: true },
    query: { state: true },
    active: { state: true },
  };
  static override styles = [
    fieldStyles,
    css`
      :host { display: block; position: relative; }
      textarea { min-height: 3.2rem; font-size: 0.9rem; }
      [role='listbox'] { position: absolute; z-index: 5; left: 0; top: 100%; min-width: 12rem; margin: 2px 0 0; padding: 0.2rem 0; list-style: none; background: var(--jx-surface); border: 1px solid var(--jx-border); border-radius: 4px; box-shadow: 0 4px 14px rgb(0 0 0 / 0.18); }
      [role='option'] { padding: 0.25rem 0.7rem; cursor: pointer; font-size: 0.88rem; }
      [role='option'][aria-selected='true'] { background: var(--jx-muted-surface); }
      small { color: var(--jx-muted); margin-left: 0.4rem; }
    `,
  ];

  /** Everyone who can be mentioned. */
  declare people: readonly Mentionable[];
  /** Accessible name of the box. */
  declare label: string;
  declare placeholder: string;
  /** `data-testid` of the textarea. */
  declare testid: string;
  /** What is written. */
  declare value: string;
  declare query: MentionQuery | null;
  declare active: number;

  constructor() {
    super();
    new I18nController(this);
    this.people = [];
    this.label = '';
    this.placeholder = '';
    this.testid = 'mention-input';
    this.value = '';
    this.query = null;
    this.active = 0;
  }

  /** Empties the box. */
  clear(): void {
    this.value = '';
    this.query = null;
    const area = this.#area;
    if (area) area.value = '';
  }

  override focus(): void {
    this.#area?.focus();
  }

  override render() {
    const matches = this.#matches();
    const open = matches.length > 0;
    return html`<textarea role="combobox" aria-label=${this.label} placeholder=${this.placeholder} data-testid=${this.testid}
        aria-expanded=${open ? 'true' : 'false'} aria-controls="people" aria-autocomplete="list"
        aria-activedescendant=${open ? `person-${this.active}` : nothing}
        .value=${this.value} @input=${this.#onInput} @keydown=${this.#onKeyDown} @blur=${() => (this.query = null)}></textarea>
      ${open
        ? html`<ul role="listbox" id="people" aria-label=${t('review.mentionList')} data-testid="mention-list">${matches.map(
            (p, i) => html`<li role="option" id="person-${i}" aria-selected=${i === this.active ? 'true' : 'false'} data-testid="mention-option"
              @pointerdown=${(e: Event) => { e.preventDefault(); this.#pick(p); }}>${p.name}<small>${p.sub}</small></li>`,
          )}</ul>`
        : nothing}`;
  }

  get #area(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }

  #matches(): Mentionable[] {
    return this.query ? matchMentionables(this.people, this.query.query) : [];
  }

  #onInput(event: InputEvent): void {
    const area = event.target as HTMLTextAreaElement;
    this.value = area.value;
    this.query = mentionAt(area.value, area.selectionEnd);
    this.active = 0;
  }

  #onKeyDown(event: KeyboardEvent): void {
    const matches = this.#matches();
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.dispatchEvent(new MentionSubmitEvent());
      return;
    }
    if (matches.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') this.active = (this.active + (event.key === 'ArrowDown' ? 1 : -1) + matches.length) % matches.length;
    else if (event.key === 'Enter' || event.key === 'Tab') this.#pick(matches[this.active] ?? matches[0]!);
    else if (event.key === 'Escape') this.query = null;
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  #pick(person: Mentionable): void {
    const area = this.#area;
    if (!area || !this.query) return;
    const next = insertMention(area.value, this.query, area.selectionEnd, person.name);
    area.value = next.text;
    area.setSelectionRange(next.caret, next.caret);
    this.value = next.text;
    this.query = null;
  }
}

customElements.define('mention-input', MentionInput);

declare global {
  interface HTMLElementTagNameMap {
    'mention-input': MentionInput;
  }
  interface HTMLElementEventMap {
    'mention-submit': MentionSubmitEvent;
  }
}
