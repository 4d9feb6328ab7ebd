import { css } from 'lit';

/** Look of `<library-panel>`: a search row, a scrolling list of entries, the two actions. */
export const libraryPanelStyles = css`
  .controls { display: grid; gap: 0.4rem; padding: 0.6rem 0.8rem; border-bottom: 1px solid var(--jx-border); }
  .context { margin: 0; color: var(--jx-muted); font-size: 0.85rem; }
  label.scope { display: flex; gap: 0.35rem; align-items: center; font-size: 0.85rem; }
  label.scope input { width: auto; }
  ul { list-style: none; margin: 0; padding: 0; }
  li { padding: 0.45rem 0.8rem; border-bottom: 1px solid var(--jx-grid-line); cursor: pointer; }
  li[aria-selected='true'] { background: var(--jx-info-surface); box-shadow: inset 3px 0 0 var(--jx-focus); }
  .name { font-weight: 600; }
  .where { color: var(--jx-muted); font-size: 0.8rem; margin-left: 0.35rem; }
  .badge { font-size: 0.72rem; padding: 0 0.35rem; border-radius: 999px; margin-left: 0.35rem; }
  .badge.curated { background: var(--jx-ok-surface); color: var(--jx-ok); }
  .badge.uses { background: var(--jx-muted-surface); color: var(--jx-text); }
  .description { margin: 0.15rem 0 0; }
  .values { margin: 0.15rem 0 0; color: var(--jx-muted); font-size: 0.82rem; }
  .values b { color: var(--jx-text); font-weight: 500; }
  /* Muted grey is too faint on the chosen entry's tint (WCAG contrast). */
  li[aria-selected='true'] :is(.where, .values) { color: var(--jx-text); }
  .actions { display: flex; gap: 0.4rem; padding: 0.6rem 0.8rem 0; flex-wrap: wrap; }
  .actions button { font: inherit; font-size: 0.85rem; padding: 0.2rem 0.7rem; }
  .actions button:disabled { opacity: 0.55; cursor: not-allowed; }
  .keys { margin: 0.4rem 0.8rem 0; color: var(--jx-muted); font-size: 0.78rem; }
  .notice { margin: 0.4rem 0.8rem 0; color: var(--jx-warn); font-size: 0.82rem; }
`;
