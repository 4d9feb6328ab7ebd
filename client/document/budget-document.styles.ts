import { css } from 'lit';

/** Look of `<budget-document>`: a readable page of sections and project tables. */
export const budgetDocumentStyles = css`
  :host { display: block; max-width: 80rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
  /* The panel takes a column of its own, so the document keeps its width where the screen allows. */
  :host([panel-open]) { max-width: 106rem; }
  .layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; }
  :host([panel-open]) .layout { grid-template-columns: minmax(0, 1fr) 24rem; }
  problems-panel, versions-panel, review-panel, library-panel { position: sticky; top: 0.5rem; align-self: start; max-height: calc(100vh - 1rem); }
  @media (max-width: 60rem) {
    :host([panel-open]) .layout { grid-template-columns: minmax(0, 1fr); }
    problems-panel, versions-panel, review-panel, library-panel { position: fixed; top: 0; right: 0; bottom: 0; z-index: 3; width: min(24rem, 100vw); max-height: none; }
  }
  .panel-toggle { display: inline-flex; gap: 0.45rem; align-items: center; font: inherit; font-size: 0.85rem; cursor: pointer; white-space: nowrap;
    padding: 0.1rem 0.6rem; border: 1px solid var(--jx-border); border-radius: 999px; background: var(--jx-surface); color: inherit; }
  .panel-toggle[aria-expanded='true'] { border-color: var(--jx-accent); box-shadow: inset 0 0 0 1px var(--jx-accent); }
  .panel-toggle .count { min-width: 1.1rem; padding: 0 0.3rem; border-radius: 999px; background: #f2b705; color: #3d2c00; font-size: 0.75rem; text-align: center; }
  .problems-toggle .error { color: var(--jx-danger); }
  .problems-toggle .warning { color: var(--jx-warn); }
  .problems-toggle .info { color: var(--jx-info); }
  project-section { display: block; }
  project-section[far] { content-visibility: auto; }
  .project { scroll-margin-top: calc(var(--jx-sticky-top, 0px) + 1rem); }
  header {
    position: sticky;
    top: 0;
    z-index: 2;
    display: grid;
    grid-template-columns: minmax(16rem, 1fr) fit-content(50%);
    gap: 0.4rem 1rem;
    padding: 0.75rem 0;
    background: var(--jx-page);
    border-bottom: 1px solid var(--jx-border);
  }
  h1 { margin: 0; font-size: 1.4rem; }
  /* Scrolled: one line, the title cut short, the toolbar kept (compact-header-controller.ts). */
  :host([compact]) header { display: flex; align-items: center; gap: 0.5rem; padding: 0.3rem 0; }
  :host([compact]) .heading { flex: 1 1 10rem; min-width: 6rem; }
  :host([compact]) h1 { font-size: 1rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  :host([compact]) :is(.meta, budget-totals, export-menu, next-year-button, print-button) { display: none; }
  /* Colleagues stay one click away where the line has room; on a narrow window they give way first. */
  :host([compact]) presence-bar { flex: 0 1000 auto; min-width: 0; overflow: hidden; white-space: nowrap; order: 1; }
  :host([compact]) .status { flex-wrap: nowrap; }
  :host([compact]) workflow-bar { flex: 0 1 auto; }
  /* Beside an open panel the column is too narrow for one line: wrap rather than spill over the panel. */
  :host([compact][panel-open]) header { flex-wrap: wrap; row-gap: 0.2rem; }
  :host([compact][panel-open]) .status { display: contents; }
  /* Takes what is left of a line, never a line of its own (the negative margin cancels the gap). */
  :host([compact][panel-open]) presence-bar { flex-basis: 0; margin-inline-start: -0.5rem; }
  .meta { margin: 0.2rem 0 0; color: var(--jx-muted); }
  .status { display: flex; gap: 0.5rem; align-items: start; }
  presence-bar, workflow-bar { grid-column: 1 / -1; }
  .status { flex-wrap: wrap; justify-content: flex-end; align-content: flex-start; }
  :host([compact]) .status > * { white-space: nowrap; }
  .part { margin-top: 1.5rem; }
  h2 { font-size: 1.15rem; border-left: 4px solid var(--jx-accent); padding-left: 0.6rem; }
  .project { margin: 1.25rem 0 2rem; padding: 1rem; background: var(--jx-surface); border: 1px solid var(--jx-border); border-radius: 6px; }
  .project h3 { margin: 0 0 0.75rem; font-size: 1.05rem; }
  .project h3 small { color: var(--jx-muted); font-weight: normal; margin-left: 0.5rem; }
  .project h3 small.lock { border: 1px solid var(--jx-border); border-radius: 999px; padding: 0.05rem 0.5rem; background: var(--jx-muted-surface); cursor: help; }
  project-header { margin-bottom: 1rem; }
  .project.pending { box-sizing: border-box; color: var(--jx-muted); }
  budget-totals { margin-top: 0.3rem; }
  .status undo-buttons { margin-right: 0.25rem; }
  .muted { color: var(--jx-muted); }
  .error { color: var(--jx-danger); }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
