import { css } from 'lit';

/** Look of `<diff-view>`: the document with additions green, removals red and struck through. */
export const diffViewStyles = css`
  :host { display: block; --added: var(--jx-ok); --added-bg: #dcf3e3; --removed: var(--jx-danger); --removed-bg: #fbe0dd; }
  h2 { font-size: 1.1rem; border-left: 4px solid var(--jx-accent); padding-left: 0.6rem; margin: 1.5rem 0 0.8rem; }
  h3 { font-size: 1rem; margin: 0 0 0.6rem; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; }
  ins { text-decoration: none; background: var(--added-bg); color: #0f5a2b; border-radius: 2px; }
  del { background: var(--removed-bg); color: #8d1c12; text-decoration: line-through; border-radius: 2px; }
  .arrow { color: var(--jx-muted); margin: 0 0.3rem; }
  .section { padding: 0.6rem 0.8rem; margin-bottom: 0.6rem; background: var(--jx-surface); border: 1px solid var(--jx-border); border-radius: 6px; }
  .section.unchanged { opacity: 0.75; }
  .text { white-space: pre-wrap; margin: 0; line-height: 1.7; }
  .project { margin: 0 0 1.2rem; padding: 0.9rem 1rem; background: var(--jx-surface); border: 1px solid var(--jx-border); border-radius: 6px; scroll-margin-top: 9rem; }
  .project.added { border-left: 5px solid var(--added); }
  .project.removed { border-left: 5px solid var(--removed); }
  .project.removed h3 { text-decoration: line-through; color: var(--removed); }
  .badge { font-size: 0.75rem; font-weight: normal; padding: 0 0.45rem; border-radius: 999px; background: var(--jx-muted-surface); text-decoration: none; display: inline-block; }
  .badge.added { background: var(--added-bg); color: var(--added); }
  .badge.removed { background: var(--removed-bg); color: var(--removed); }
  .badge.moved { background: var(--jx-info-surface); color: var(--jx-info); }
  .fields { display: grid; grid-template-columns: 9rem 1fr; gap: 0.25rem 0.8rem; margin: 0 0 0.8rem; font-size: 0.9rem; }
  dt { color: var(--jx-muted); }
  dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
  dd.changed { background: #fffbea; border-radius: 3px; padding: 0 0.2rem; }
  table { width: 100%; border-collapse: collapse; font-size: 0.88rem; table-layout: fixed; }
  th, td { border: 1px solid var(--jx-grid-line); padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; white-space: pre-wrap; }
  th { background: var(--jx-muted-surface); font-weight: 600; }
  th.mark, td.mark { width: 1.6rem; text-align: center; color: var(--jx-muted); font-weight: 700; }
  tr.added td { background: var(--added-bg); }
  tr.added td.mark { color: var(--added); }
  tr.removed td { background: var(--removed-bg); color: var(--removed); text-decoration: line-through; }
  tr.removed td.mark { text-decoration: none; }
  tr.moved td.mark { color: var(--jx-info); }
  td.changed { background: #fffbea; }
  .current { outline: 3px solid var(--jx-focus); outline-offset: 1px; scroll-margin: 10rem; }
  tr.current { outline-offset: -3px; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
