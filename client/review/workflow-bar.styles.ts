import { css } from 'lit';

/** Look of `<workflow-bar>`: a strip of status, role, lock reason and actions. */
export const workflowBarStyles = css`
  :host { display: block; }
  .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; font-size: 0.88rem; }
  .spacer { flex: 1; }
  /* In the scrolled document's one-line header: the status and the actions that matter. */
  :host([compact]) .bar { flex-wrap: nowrap; white-space: nowrap; }
  :host([compact]) :is(.role, .spacer, [data-testid='members-open']) { display: none; }
  .status { padding: 0.1rem 0.65rem; border-radius: 999px; font-weight: 600; background: var(--jx-muted-surface); }
  .status.draft { background: var(--jx-info-surface); color: var(--jx-info); }
  .status.submitted { background: var(--jx-warn-surface); color: var(--jx-warn); }
  .status.returned { background: var(--jx-danger-surface); color: var(--jx-danger); }
  .status.approved { background: var(--jx-ok-surface); color: var(--jx-ok); }
  .role { color: var(--jx-muted); }
  .readonly { padding: 0.1rem 0.6rem; border-radius: 999px; background: var(--jx-muted-surface); color: var(--jx-text); }
  .readonly.approved { background: var(--jx-ok-surface); color: var(--jx-ok); }
  .readonly.submitted { background: var(--jx-warn-surface); color: var(--jx-warn); }
  button { padding: 0.15rem 0.7rem; font-size: 0.85rem; }
  .suggest { display: inline-flex; align-items: center; gap: 0.3rem; padding: 0.1rem 0.5rem; border: 1px solid var(--jx-border); border-radius: 999px; cursor: pointer; }
  .suggest input { width: auto; margin: 0; }
  .suggest:has(input:checked) { border-color: var(--jx-focus); background: var(--jx-info-surface); color: var(--jx-info); }
  .blocked { margin-top: 0.5rem; padding: 0.5rem 0.7rem; border: 1px solid var(--jx-danger); border-radius: 6px; background: var(--jx-danger-surface); }
  .blocked p { display: flex; align-items: center; margin: 0 0 0.3rem; color: var(--jx-danger); font-weight: 600; }
  .blocked .close { margin-left: auto; border: none; background: none; font-size: 1.1rem; line-height: 1; padding: 0 0.3rem; }
  .blocked ul { margin: 0; padding-left: 1.2rem; max-height: 10rem; overflow: auto; }
  .finding { all: unset; cursor: pointer; font-size: 0.85rem; }
  .finding:hover, .finding:focus-visible { text-decoration: underline; }
`;
