import { css, unsafeCSS } from 'lit';
import { columnTemplate } from './column-widths.ts';

/**
 * Look of `<indicator-grid>`: rows share one column template through subgrid; the first column
 * holds the drag handles, the second the row numbers. No horizontal scroll box of its own: the
 * column header row sticks below the document's header (`--jx-sticky-top`) while the table is
 * on screen, which an overflow container would stop.
 */
export const indicatorGridStyles = css`
  :host { display: block; }
  .grid {
    display: grid;
    grid-template-columns: var(--jx-grid-columns, ${unsafeCSS(columnTemplate({}))});
    border: 1px solid var(--jx-border);
    border-radius: 4px;
    user-select: none;
  }
  [role='row'].head { position: sticky; top: var(--jx-sticky-top, 0px); z-index: 4; }
  .corner { background: var(--jx-muted-surface); border-bottom: 1px solid var(--jx-border); }
  [role='rowheader'] {
    display: flex; align-items: start; justify-content: center; padding: 0.4rem 0.1rem;
    color: var(--jx-muted); font-size: 0.8rem; font-variant-numeric: tabular-nums;
    background: var(--jx-muted-surface); border-top: 1px solid var(--jx-grid-line); cursor: e-resize;
  }
  [role='gridcell'] { scroll-margin-top: calc(var(--jx-sticky-top, 0px) + 2.6rem); }
  /* A run of equal 一级/二级指标 reads as one merged cell; the active cell shows its own value. */
  [role='gridcell'].run-continues { border-top-color: transparent; }
  [role='gridcell'].run-continues:not(.active, .editing, .selected) { color: transparent; }
  .sheet-status { display: flex; justify-content: flex-end; gap: 1.2rem; margin-top: 0.3rem; font-size: 0.85rem; color: var(--jx-muted); }
  .sheet-status b { color: var(--jx-text); font-weight: 600; font-variant-numeric: tabular-nums; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  [role='row'] { display: grid; grid-template-columns: subgrid; grid-column: 1 / -1; }
  [role='row'].dragging { opacity: 0.45; }
  [role='row'].drop-before { box-shadow: inset 0 3px 0 0 var(--jx-focus); }
  [role='row'].drop-after { box-shadow: inset 0 -3px 0 0 var(--jx-focus); }
  [role='columnheader'] {
    position: relative;
    padding: 0.4rem 0.5rem;
    background: var(--jx-muted-surface);
    font-weight: 600;
    font-size: 0.9rem;
    border-bottom: 1px solid var(--jx-border);
  }
  /* The column's right border: 8 px wide to grab (24 px tall at least), drawn as a line when pointed at or focused. */
  .col-resize { position: absolute; top: 0; right: -4px; bottom: 0; width: 8px; min-height: 24px; z-index: 1; cursor: col-resize; touch-action: none; }
  .col-resize:hover, .col-resize:focus-visible { background: linear-gradient(to right, transparent 3px, var(--jx-focus) 3px, var(--jx-focus) 5px, transparent 5px); outline: none; }
  .handle-col { background: var(--jx-muted-surface); }
  .handle {
    display: flex;
    align-items: center;
    justify-content: center;
    color: var(--jx-muted);
    font-size: 0.75rem;
    cursor: grab;
    border-top: 1px solid var(--jx-grid-line);
    touch-action: none;
  }
  .handle:hover { color: var(--jx-accent); background: var(--jx-muted-surface); }
  [role='gridcell'] {
    position: relative;
    padding: 0.4rem 0.5rem;
    min-height: 1.6rem;
    border-top: 1px solid var(--jx-grid-line);
    border-left: 1px solid var(--jx-grid-line);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    line-height: 1.5;
    outline: none;
    cursor: cell;
  }
  [role='gridcell'].selected { background: color-mix(in srgb, var(--jx-focus) 10%, transparent); }
  /* Own active cell: an outline, so colleagues' outlines (inset box-shadows) can show at once. */
  [role='gridcell'].active { outline: 2px solid var(--jx-focus); outline-offset: -2px; z-index: 1; }
  [role='gridcell'].editing { padding: 0; z-index: 3; }
  .editor {
    font: inherit;
    line-height: 1.5;
    box-sizing: border-box;
    display: block;
    width: 100%;
    min-height: 100%;
    padding: 0.4rem 0.5rem;
    border: none;
    resize: none;
    field-sizing: content;
    outline: 2px solid var(--jx-focus);
    background: var(--jx-surface);
    user-select: text;
  }
  .chip {
    position: absolute;
    top: 50%;
    right: 0.2rem;
    transform: translateY(-50%);
    padding: 0 0.3rem;
    font-size: 0.75rem;
    line-height: 1.2rem;
    border: 1px solid var(--jx-border);
    border-radius: 3px;
    background: var(--jx-surface);
    cursor: pointer;
  }
  .peer-tag {
    position: absolute;
    top: -0.7rem;
    right: 0.2rem;
    z-index: 2;
    padding: 0 0.3rem;
    font-size: 0.7rem;
    line-height: 1.2rem;
    color: white;
    background: var(--peer-color);
    border-radius: 3px;
    white-space: nowrap;
    pointer-events: none;
  }
  .empty { grid-column: 1 / -1; padding: 0.8rem; color: var(--jx-muted); }
  .backdrop { position: fixed; inset: 0; z-index: 19; }
  .actions { margin-top: 0.5rem; }
  .actions button {
    font: inherit;
    cursor: pointer;
    padding: 0.3rem 0.8rem;
    border: 1px dashed var(--jx-border);
    border-radius: 4px;
    background: var(--jx-surface);
    color: inherit;
  }
  .actions button:hover { border-color: var(--jx-accent); color: var(--jx-accent); }
`;
