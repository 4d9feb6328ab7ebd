import { css } from 'lit';

/** Frame of an interactive popover in the top layer (history, new comment): a card beside its anchor. */
export const popoverStyles = css`
  :host {
    position: fixed;
    inset: auto;
    margin: 0;
    width: min(26rem, calc(100vw - 1rem));
    max-height: min(28rem, calc(100vh - 1rem));
    overflow: auto;
    padding: 0.6rem 0.75rem;
    border: 1px solid var(--jx-border);
    border-radius: 6px;
    background: var(--jx-surface);
    color: var(--jx-text);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.2);
    font-size: 0.88rem;
    line-height: 1.45;
  }
  .head { display: flex; align-items: center; gap: 0.5rem; margin-bottom: 0.4rem; }
  h2 { flex: 1; margin: 0; font-size: 0.95rem; }
  .place { color: var(--jx-muted); font-size: 0.8rem; margin: 0 0 0.4rem; }
  .close { border: none; background: transparent; font-size: 1.1rem; line-height: 1; padding: 0.1rem 0.3rem; cursor: pointer; }
  .muted { color: var(--jx-muted); }
  .error { color: var(--jx-danger); font-size: 0.85rem; }
`;
