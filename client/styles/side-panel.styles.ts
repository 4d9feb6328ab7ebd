import { css } from 'lit';

/** Frame of a side panel beside the document (versions, review): a header with a close button and a scrolling body. */
export const sidePanelStyles = css`
  :host { display: flex; flex-direction: column; min-height: 0; background: var(--jx-surface); border: 1px solid var(--jx-border); border-radius: 6px; font-size: 0.9rem; }
  header { display: flex; align-items: center; gap: 0.5rem; padding: 0.6rem 0.8rem; border-bottom: 1px solid var(--jx-border); }
  h2 { margin: 0; font-size: 1.05rem; flex: 1; }
  .close { border: none; background: transparent; font-size: 1.2rem; line-height: 1; padding: 0.2rem 0.4rem; }
  .body { overflow-y: auto; padding: 0.4rem 0 0.8rem; }
  .empty { padding: 1rem 0.8rem; margin: 0; color: var(--jx-muted); }
  header button:not(.close), .actions button, a.button { padding: 0.15rem 0.6rem; font-size: 0.85rem; }
  a.button { display: inline-block; border: 1px solid var(--jx-border); border-radius: 4px; color: inherit; text-decoration: none; background: var(--jx-surface); }
  a.button:hover { border-color: var(--jx-accent); }
  p.error { margin: 0.5rem 0.8rem; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
