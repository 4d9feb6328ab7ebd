import { css } from 'lit';

/**
 * A small header action (导出 Word / Excel, 以此为基础新建下一年度文本): a bordered button that
 * shows progress while its request runs, with a failure message beside it.
 */
export const actionButtonStyles = css`
  :host { display: inline-flex; gap: 0.3rem; align-items: center; }
  button { font: inherit; font-size: 0.85rem; cursor: pointer; padding: 0.15rem 0.6rem; border: 1px solid var(--jx-border); border-radius: 4px; background: var(--jx-surface); color: inherit; }
  button:disabled { cursor: progress; color: var(--jx-muted); }
  button:not(:disabled):hover { border-color: var(--jx-accent); }
  .error { color: var(--jx-error, #b42318); font-size: 0.8rem; }
`;
