import { LitElement, css, html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { overlaySegments, type TextMark } from './overlay-segments.ts';

/**
 * Colleagues' carets and selections over a textarea: a transparent mirror of the text laid out
 * exactly like the textarea (the host is stacked on it and shares its font, padding and border
 * widths), in which each caret is an empty inline mark — a zero-width marker does not change
 * where lines wrap — and each selection a tinted run, in the colleague's colour with their name.
 */
export class TextCarets extends LitElement {
  static override properties = { text: {}, marks: { attribute: false } };
  static override styles = css`
    /* Clipped to the textarea, except above it, where a caret on the first line shows its name. */
    :host { position: absolute; inset: 0; pointer-events: none; clip-path: inset(-1.4rem -0.5rem 0 -0.5rem); }
    .mirror {
      box-sizing: border-box;
      min-height: 100%;
      padding: var(--mirror-padding, 0.35rem 0.5rem);
      border-style: solid;
      border-color: transparent;
      border-width: var(--mirror-border, 1px);
      font: inherit;
      line-height: var(--mirror-line-height, 1.6);
      white-space: pre-wrap;
      overflow-wrap: break-word;
      color: transparent;
      transform: translateY(calc(-1 * var(--scroll-top, 0px)));
    }
    .sel { background: color-mix(in srgb, var(--peer-color) 25%, transparent); }
    .caret { position: relative; }
    .bar { position: absolute; top: 0; bottom: 0; left: -1px; width: 2px; background: var(--peer-color); }
    .name {
      position: absolute; bottom: 100%; left: -1px; padding: 0 0.25rem; font-size: 0.7rem; line-height: 1.1rem;
      color: white; background: var(--peer-color); border-radius: 3px 3px 3px 0; white-space: nowrap;
    }
  `;

  /** The text shown in the textarea. */
  declare text: string;
  /** Colleagues' selections, as indices into `text`. */
  declare marks: readonly (TextMark & { sub: string })[];

  constructor() {
    super();
    this.text = '';
    this.marks = [];
  }

  override render() {
    const segments = overlaySegments(this.text, this.marks);
    return html`<div class="mirror" aria-hidden="true">${segments.map((s) => {
      if (s.kind === 'text') {
        if (!s.color) return s.text;
        const sub = this.marks.find((m) => m.color === s.color)?.sub ?? '';
        return html`<span class="sel" data-testid="remote-selection-${sub}" style=${styleMap({ '--peer-color': s.color })}>${s.text}</span>`;
      }
      const sub = this.marks.find((m) => m.clientId === s.mark.clientId)?.sub ?? '';
      return html`<span class="caret" style=${styleMap({ '--peer-color': s.mark.color })}><span class="bar"></span><span class="name" data-testid="remote-caret-${sub}">${s.mark.name}</span></span>`;
    })}${'\u200b'}</div>`;
  }
}

customElements.define('text-carets', TextCarets);

declare global {
  interface HTMLElementTagNameMap {
    'text-carets': TextCarets;
  }
}
