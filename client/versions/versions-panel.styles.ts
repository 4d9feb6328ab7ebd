import { css } from 'lit';

/** Look of `<versions-panel>`'s list. */
export const versionsPanelStyles = css`
  ol { list-style: none; margin: 0; padding: 0; }
  li { padding: 0.55rem 0.8rem; border-bottom: 1px solid var(--jx-grid-line); display: grid; gap: 0.25rem; }
  .title { display: flex; gap: 0.5rem; align-items: baseline; }
  .label { flex: 1; font-weight: 600; overflow-wrap: anywhere; }
  .kind { font-size: 0.75rem; padding: 0 0.45rem; border-radius: 999px; background: var(--jx-muted-surface); color: var(--jx-muted); white-space: nowrap; }
  .kind.manual { background: var(--jx-info-surface); color: var(--jx-info); }
  .kind.restore { background: var(--jx-warn-surface); color: var(--jx-warn); }
  .kind.status { background: var(--jx-ok-surface); color: var(--jx-ok); }
  .meta { color: var(--jx-muted); font-size: 0.8rem; }
  .meta .errors { color: var(--jx-danger); }
  .meta .warnings { color: var(--jx-warn); }
  .meta .clean { color: var(--jx-ok); }
  .actions { display: flex; gap: 0.4rem; flex-wrap: wrap; }
  .picker { display: grid; gap: 0.15rem; margin-top: 0.2rem; padding: 0.4rem 0.5rem; background: var(--jx-muted-surface); border-radius: 4px; font-size: 0.85rem; }
  .picker span { color: var(--jx-muted); }
  .picker a { color: var(--jx-focus); text-decoration: none; }
  .picker a:hover { text-decoration: underline; }
  li.recent { padding-bottom: 0.2rem; border-bottom: 0; color: var(--jx-muted); }
  li.autos { padding: 0.3rem 0.8rem 0.5rem 1.6rem; }
  li.autos > ol { border-left: 2px solid var(--jx-grid-line); margin-top: 0.3rem; }
  li.autos > ol > li:last-child { border-bottom: 0; }
  button.fold { justify-self: start; min-height: 24px; background: none; border: 0; padding: 0.1rem 0; color: var(--jx-focus); cursor: pointer; font-size: 0.85rem; }
  button.fold::before { content: '▸ '; }
  button.fold[aria-expanded='true']::before { content: '▾ '; }
  .picker small { color: var(--jx-muted); margin-left: 0.3rem; }
`;
