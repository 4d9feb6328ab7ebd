import { css } from 'lit';

/** Look of `<indicator-grid>`: rows share one column template through subgrid. */
export const indicatorGridStyles = css`
  :host { display: block; }
  .grid {
    display: grid;
    grid-template-columns: 7rem 7rem 10rem minmax(12rem, 2fr) 8rem minmax(10rem, 1.5fr);
    border: 1px solid var(--jx-border);
    border-radius: 4px;
    overflow-x: auto;
  }
  [role='row'] { display: grid; grid-template-columns: subgrid; grid-column: 1 / -1; }
  [role='columnheader'] {
    padding: 0.4rem 0.5rem;
    background: var(--jx-muted-surface);
    font-weight: 600;
    font-size: 0.9rem;
    border-bottom: 1px solid var(--jx-border);
  }
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
  [role='gridcell'][aria-colindex='1'] { border-left: none; }
  [role='gridcell'].active { box-shadow: inset 0 0 0 2px var(--jx-focus); }
  [role='gridcell'].peer:not(.active) { box-shadow: inset 0 0 0 2px var(--peer-color); }
  [role='gridcell'].editing { padding: 0; }
  .editor {
    font: inherit;
    line-height: 1.5;
    box-sizing: border-box;
    width: 100%;
    min-height: 100%;
    padding: 0.4rem 0.5rem;
    border: none;
    resize: none;
    field-sizing: content;
    outline: 2px solid var(--jx-focus);
    background: var(--jx-surface);
  }
  .peer-tag {
    position: absolute;
    top: -0.7rem;
    right: 0.2rem;
    z-index: 1;
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
  .actions { margin-top: 0.5rem; }
  button {
    font: inherit;
    cursor: pointer;
    padding: 0.3rem 0.8rem;
    border: 1px dashed var(--jx-border);
    border-radius: 4px;
    background: var(--jx-surface);
    color: inherit;
  }
  button:hover { border-color: var(--jx-accent); color: var(--jx-accent); }
`;
