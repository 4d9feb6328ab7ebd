import type * as Y from 'yjs';
import { toBudgetYDoc } from '../../../shared/model/index.ts';
import { IndicatorGrid } from '../../../client/grid/indicator-grid.ts';
import { UndoHistory } from '../../../client/undo/undo-history.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';
import { mount, shadowQuery } from '../helpers/mount.ts';

/** A mounted `<indicator-grid>` of the small fixture's first project, on a real Y.Doc with this tab's undo history. */
export interface GridFixture {
  doc: Y.Doc;
  history: UndoHistory;
  grid: IndicatorGrid;
  /** The text a user sees in cell (`row`, `col`), counted from 0 below the header row. */
  text(row: number, col: number): string;
  /** The cell element at (`row`, `col`). */
  cell(row: number, col: number): HTMLElement;
}

/** Mounts the grid of project `p-reception` (接待管理经费, six rows); `readonly` as for a reviewer. */
export async function mountGrid(readonly = false): Promise<GridFixture> {
  const doc = toBudgetYDoc(makeSmallBudgetText());
  const origin = { tab: 'test' };
  const history = new UndoHistory(doc, origin);
  const grid = new IndicatorGrid();
  grid.doc = doc;
  grid.origin = origin;
  grid.history = history;
  grid.projectId = 'p-reception';
  grid.projectName = '接待管理经费';
  grid.readonly = readonly;
  await mount(grid);
  const cell = (row: number, col: number) => shadowQuery(grid, `[role="gridcell"][data-row="${row}"][data-col="${col}"]`);
  return { doc, history, grid, cell, text: (row, col) => cell(row, col).textContent?.trim() ?? '' };
}

/** Sends a clipboard event carrying `data` (type → text) to the focused cell, as the browser does on Ctrl+V. */
export function dispatchClipboard(target: Element, type: 'paste' | 'copy' | 'cut', data: Record<string, string> = {}): DataTransfer {
  const clipboardData = new DataTransfer();
  for (const [format, text] of Object.entries(data)) clipboardData.setData(format, text);
  target.dispatchEvent(new ClipboardEvent(type, { clipboardData, bubbles: true, composed: true, cancelable: true }));
  return clipboardData;
}
