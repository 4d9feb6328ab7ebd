import { css } from 'lit';

/** Look of `<comment-thread>`: a card with the anchor on top, the comments, and a reply box. */
export const commentThreadStyles = css`
  :host { display: block; }
  .thread { border: 1px solid var(--jx-border); border-left: 3px solid var(--jx-accent); border-radius: 5px; background: var(--jx-surface); padding: 0.5rem 0.6rem; display: grid; gap: 0.4rem; }
  .thread.resolved { border-left-color: var(--jx-ok); opacity: 0.85; }
  .anchor { all: unset; cursor: pointer; display: flex; flex-wrap: wrap; gap: 0.2rem 0.5rem; align-items: baseline; font-size: 0.8rem; color: var(--jx-muted); }
  .anchor:hover .place, .anchor:focus-visible .place { text-decoration: underline; color: var(--jx-focus); }
  .anchor:focus-visible { outline: 2px solid var(--jx-focus); border-radius: 3px; }
  q { color: var(--jx-text); background: #fff4c2; padding: 0 0.2rem; border-radius: 2px; }
  .detached { padding: 0 0.4rem; border-radius: 999px; background: var(--jx-warn-surface); color: var(--jx-warn); }
  .comments { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.35rem; }
  .meta { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: baseline; font-size: 0.78rem; color: var(--jx-muted); }
  .author { color: var(--jx-text); font-weight: 600; }
  .own { margin-left: auto; display: inline-flex; gap: 0.3rem; }
  button.link { border: none; background: none; padding: 0; color: var(--jx-focus); font-size: 0.78rem; }
  .confirm { display: flex; gap: 0.5rem; align-items: baseline; font-size: 0.8rem; color: var(--jx-danger); }
  button.link.danger { color: var(--jx-danger); font-weight: 600; }
  .text { margin: 0.1rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.9rem; }
  .text.deleted { color: var(--jx-muted); font-style: italic; }
  .mention { color: var(--jx-focus); font-weight: 600; }
  .resolved-by { margin: 0; color: var(--jx-ok); font-size: 0.8rem; }
  .reply { display: grid; gap: 0.35rem; }
  .actions { display: flex; gap: 0.4rem; justify-content: flex-end; }
  .actions button { padding: 0.15rem 0.6rem; font-size: 0.82rem; }
`;
