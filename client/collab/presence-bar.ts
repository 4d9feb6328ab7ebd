import { LitElement, css, html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Peer } from './peer.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { PeerJumpEvent } from '../events.ts';
import { t } from '../i18n/i18n.ts';
import { roleLabel } from '../i18n/role-label.ts';

/**
 * Who is in the document: one entry per user (several tabs of one user count once). A colleague's
 * name is a button that fires `peer-jump`, so the document can go to where they are working.
 */
export class PresenceBar extends LitElement {
  static override properties = {
    peers: { attribute: false },
    selfClientId: { type: Number, attribute: 'self-client-id' },
  };
  static override styles = css`
    :host { display: block; }
    ul { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; margin: 0; padding: 0; }
    li { display: flex; align-items: center; gap: 0.35rem; padding: 0.15rem 0.6rem; border: 1px solid var(--jx-border); border-radius: 999px; font-size: 0.85rem; background: var(--jx-surface); }
    .dot { width: 0.65rem; height: 0.65rem; border-radius: 50%; background: var(--peer-color); }
    .role { color: var(--jx-muted); font-size: 0.75rem; }
    button { all: unset; display: flex; align-items: center; gap: 0.35rem; cursor: pointer; }
    button:focus-visible { outline: 2px solid var(--jx-focus); outline-offset: 2px; border-radius: 999px; }
    li:has(button):hover { border-color: var(--peer-color); }
  `;

  /** Everyone connected to the document, this tab included. */
  declare peers: readonly Peer[];
  /** Awareness client id of this tab, to mark the user's own entry. */
  declare selfClientId: number;

  constructor() {
    super();
    new I18nController(this);
    this.peers = [];
    this.selfClientId = -1;
  }

  override render() {
    const selfSub = this.peers.find((p) => p.clientId === this.selfClientId)?.sub;
    const bySub = new Map<string, Peer>();
    // The user's own entry comes first, then colleagues in the order they joined.
    const self = this.peers.filter((p) => p.sub === selfSub);
    for (const p of [...self, ...this.peers]) if (!bySub.has(p.sub)) bySub.set(p.sub, p);
    return html`<ul aria-label=${t('presence.label')} data-testid="presence-bar">
      ${[...bySub.values()].map(
        (p) => {
          const content = html`<span class="dot"></span><span class="name">${p.name}${p.sub === selfSub ? `（${t('presence.you')}）` : ''}</span>
            <span class="role">${roleLabel(p.role)}</span>`;
          // Several tabs of one colleague: go to the one that is working somewhere.
          const at = this.peers.find((q) => q.sub === p.sub && q.cursor) ?? p;
          return html`<li data-testid="presence-${p.sub}" style=${styleMap({ '--peer-color': p.color })}>${
            p.sub === selfSub
              ? content
              : html`<button title=${t('peers.jumpTo', { name: p.name })} ?disabled=${!at.cursor} @click=${() => this.dispatchEvent(new PeerJumpEvent(at))}>${content}</button>`
          }</li>`;
        },
      )}
    </ul>`;
  }
}

customElements.define('presence-bar', PresenceBar);

declare global {
  interface HTMLElementTagNameMap {
    'presence-bar': PresenceBar;
  }
}
