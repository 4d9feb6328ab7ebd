import type * as Y from 'yjs';
import { addIndicator, duplicateIndicator, moveIndicator, removeIndicator } from '../../shared/model/index.ts';
import type { RowCommand } from './grid-navigation.ts';

/** What a row command did: where the active cell should go (row id), and the selected block's new top row. */
export interface RowCommandResult {
  focusRowId: string | null;
  /** How far the selected rows moved (moveUp/moveDown): -1, 0 or 1. */
  shift: number;
}

/**
 * Runs a row command on the rows `top..bottom` (0-based, table order) of a project whose row ids
 * are `rowIds`, as one transaction with `origin` (one undo step). Moving a block moves the
 * neighbouring row to its other side: one key write, and every row keeps its id.
 */
export function runRowCommand(
  doc: Y.Doc,
  projectId: string,
  rowIds: readonly string[],
  command: RowCommand,
  block: { top: number; bottom: number },
  origin: unknown,
): RowCommandResult {
  const { top, bottom } = block;
  let result: RowCommandResult = { focusRowId: rowIds[top] ?? null, shift: 0 };
  doc.transact(() => {
    switch (command) {
      case 'insertAbove':
        result = { focusRowId: addIndicator(doc, projectId, {}, top, origin), shift: 0 };
        return;
      case 'insertBelow':
        result = { focusRowId: addIndicator(doc, projectId, {}, bottom + 1, origin), shift: 0 };
        return;
      case 'duplicate':
        result = { focusRowId: duplicateIndicator(doc, projectId, rowIds[bottom] ?? '', origin), shift: 0 };
        return;
      case 'delete': {
        for (const id of rowIds.slice(top, bottom + 1)) removeIndicator(doc, projectId, id, origin);
        result = { focusRowId: rowIds[bottom + 1] ?? rowIds[top - 1] ?? null, shift: 0 };
        return;
      }
      case 'moveUp': {
        const above = rowIds[top - 1];
        if (above === undefined) return;
        moveIndicator(doc, projectId, above, bottom, origin);
        result = { focusRowId: rowIds[top] ?? null, shift: -1 };
        return;
      }
      case 'moveDown': {
        const below = rowIds[bottom + 1];
        if (below === undefined) return;
        moveIndicator(doc, projectId, below, top, origin);
        result = { focusRowId: rowIds[top] ?? null, shift: 1 };
        return;
      }
    }
  }, origin);
  return result;
}
