import { css } from 'lit';

/** Look of `<problems-panel>`: a column of grouped findings with a header, settings and filters. */
export const problemsPanelStyles = css`
  :host { display: flex; flex-direction: column; min-height: 0; background: var(--jx-surface); border: 1px solid var(--jx-border); border-radius: 6px; font-size: 0.9rem; }
  header { display: flex; align-items: center; gap: 0.5rem; padding: 0.6rem 0.8rem; border-bottom: 1px solid var(--jx-border); }
  h2 { margin: 0; font-size: 1.05rem; flex: 1; }
  .close { border: none; background: transparent; font-size: 1.2rem; line-height: 1; padding: 0.2rem 0.4rem; }
  .controls { display: grid; gap: 0.5rem; padding: 0.6rem 0.8rem; border-bottom: 1px solid var(--jx-border); }
  .setting { display: grid; gap: 0.25rem; color: var(--jx-muted); font-size: 0.85rem; }
  .filter { display: flex; gap: 0.4rem; flex-wrap: wrap; }
  .filter button { padding: 0.15rem 0.6rem; border-radius: 999px; font-size: 0.85rem; opacity: 0.55; }
  .filter button[aria-pressed='true'] { opacity: 1; border-color: currentColor; }
  .filter .error, .error .icon, .counts .error { color: var(--jx-danger); }
  .filter .warning, .warning .icon, .counts .warning { color: var(--jx-warn); }
  .filter .info, .info .icon, .counts .info { color: var(--jx-info); }
  .icon { display: inline-flex; padding-top: 0.2em; }
  .counts > span, .filter button { display: inline-flex; gap: 0.25rem; align-items: center; }
  .groups { overflow-y: auto; padding: 0.2rem 0 0.6rem; }
  section { padding: 0.3rem 0.8rem; }
  h3 { display: flex; gap: 0.5rem; align-items: baseline; margin: 0.5rem 0 0.3rem; font-size: 0.9rem; }
  h3 .name { flex: 1; overflow-wrap: anywhere; }
  .counts { display: inline-flex; gap: 0.4rem; font-weight: normal; font-size: 0.8rem; white-space: nowrap; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.2rem; }
  li { display: flex; flex-direction: column; gap: 0.1rem; border-left: 3px solid var(--finding-color); background: var(--finding-tint); border-radius: 0 4px 4px 0; }
  li.error { --finding-color: var(--jx-danger); --finding-tint: var(--jx-danger-surface); }
  li.warning { --finding-color: var(--jx-warn); --finding-tint: var(--jx-warn-surface); }
  li.info { --finding-color: var(--jx-info); --finding-tint: var(--jx-info-surface); }
  .entry {
    flex: 1;
    display: grid;
    grid-template-columns: 1.2rem 1fr;
    gap: 0.1rem 0.3rem;
    text-align: left;
    padding: 0.3rem 0.4rem;
    border: none;
    background: transparent;
    line-height: 1.4;
  }
  .entry:hover .message { text-decoration: underline; }
  li .line { display: flex; align-items: start; gap: 0.3rem; }
  .rule { grid-column: 2; color: var(--jx-muted); font-size: 0.72rem; }
  .more { align-self: start; margin: 0 0 0.3rem 1.9rem; padding: 0.05rem 0.5rem; font-size: 0.78rem; background: var(--jx-surface); }
  .places { margin: 0 0.3rem 0.3rem 1.6rem; }
  .ack-note { margin: 0 0.4rem 0.3rem 2rem; color: var(--jx-ok); font-size: 0.75rem; }
  .acked { font-size: 0.8rem; }
  .fix { margin: 0.3rem 0.3rem 0 0; padding: 0.1rem 0.5rem; font-size: 0.8rem; white-space: nowrap; background: var(--jx-surface); }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .empty { padding: 1rem 0.8rem; color: var(--jx-muted); }
  .empty.clean { color: var(--jx-ok); }
`;
