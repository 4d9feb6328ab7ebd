import { css } from 'lit';

/** Look of `<overview-page>`: the status counts, the filters and the sortable table. */
export const overviewPageStyles = css`
  :host { display: block; max-width: 90rem; margin: 0 auto; padding: 1.5rem; }
  .top { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5rem 1rem; margin-bottom: 0.8rem; }
  h1 { margin: 0; margin-right: auto; }
  .live { font-size: 0.85rem; color: var(--jx-ok); }
  .live.reconnecting { color: var(--jx-warn); }
  .counts { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0 0 0.8rem; padding: 0; list-style: none; }
  .counts button { font: inherit; font-size: 0.9rem; cursor: pointer; border: 1px solid var(--jx-border); border-radius: 999px; padding: 0.15rem 0.7rem; background: var(--jx-surface); color: inherit; }
  .counts button[aria-pressed='true'] { background: var(--jx-info-surface); border-color: var(--jx-info); }
  .counts button:focus-visible, th button:focus-visible, a:focus-visible { outline: 2px solid var(--jx-focus); outline-offset: 1px; }
  .counts b { font-variant-numeric: tabular-nums; margin-left: 0.3rem; }
  .filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin-bottom: 0.8rem; }
  .filters label { display: inline-flex; gap: 0.4rem; align-items: center; color: var(--jx-muted); font-size: 0.9rem; }
  .filters input[type='search'] { width: 14rem; }
  .filters select { width: auto; }
  .shown { margin-left: auto; font-size: 0.85rem; color: var(--jx-muted); }
  table { width: 100%; border-collapse: collapse; background: var(--jx-surface); font-size: 0.92rem; }
  th, td { text-align: left; padding: 0.5rem 0.6rem; border-bottom: 1px solid var(--jx-grid-line); vertical-align: top; }
  th { background: var(--jx-muted-surface); font-weight: 600; white-space: nowrap; padding: 0; }
  th.plain { padding: 0.5rem 0.6rem; }
  th.name { padding: 0.5rem 0.6rem; font-weight: inherit; background: none; white-space: normal; }
  caption { caption-side: bottom; text-align: left; padding-top: 0.5rem; }
  th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; width: 100%; text-align: inherit; padding: 0.5rem 0.6rem; cursor: pointer; white-space: nowrap; }
  th button .arrow { display: inline-block; width: 1em; color: var(--jx-muted); }
  th.num button, td.num { text-align: right; font-variant-numeric: tabular-nums; }
  tr.changed td { animation: flash 1.5s ease-out; }
  @keyframes flash { from { background: var(--jx-warn-surface); } to { background: transparent; } }
  a { color: var(--jx-accent); text-decoration: none; font-weight: 500; }
  a:hover { text-decoration: underline; }
  .muted { color: var(--jx-muted); }
  .disabled { color: var(--jx-muted); cursor: not-allowed; }
  .errors { color: var(--jx-danger); font-weight: 600; }
  .warnings { color: var(--jx-warn); font-weight: 600; }
  .status { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 999px; font-size: 0.85rem; white-space: nowrap; background: var(--jx-muted-surface); }
  .status.submitted { background: #e3edfb; color: #1d4f91; }
  .status.returned { background: #fdecea; color: #a12622; }
  .status.approved { background: #e5f4ea; color: #1f6b36; }
  .who { display: block; color: var(--jx-muted); font-size: 0.85rem; }
  .error { color: var(--jx-danger); }
`;
