import * as Y from 'yjs';
import { OVERVIEW_SECTIONS, metaMap, overviewText, projectsMap, settingsMap } from '../../shared/model/index.ts';

/** Fired by an {@link UndoHistory} whenever what can be undone or redone changed. */
export class UndoHistoryChangeEvent extends Event {
  static readonly eventName = 'undo-history-change';

  constructor() {
    super(UndoHistoryChangeEvent.eventName);
  }
}

/**
 * This tab's undo/redo over the whole document (grid, headers, texts, settings): one
 * Y.UndoManager that tracks only `origin`, the session's own transactions, so undo never takes
 * back a colleague's edit, and a colleague's later change to the same cell survives it. Edits
 * within {@link CAPTURE_MS} merge into one step (typing a word); a batch (paste, fix) is one step.
 */
export class UndoHistory extends EventTarget {
  readonly #manager: Y.UndoManager;

  constructor(doc: Y.Doc, origin: unknown) {
    super();
    const scope = [metaMap(doc), settingsMap(doc), projectsMap(doc), ...OVERVIEW_SECTIONS.map((s) => overviewText(doc, s))];
    this.#manager = new Y.UndoManager(scope, { trackedOrigins: new Set([origin]), captureTimeout: CAPTURE_MS });
    const changed = () => this.dispatchEvent(new UndoHistoryChangeEvent());
    this.#manager.on('stack-item-added', changed);
    this.#manager.on('stack-item-popped', changed);
    this.#manager.on('stack-cleared', changed);
  }

  /** Whether there is an own change to undo. */
  get canUndo(): boolean {
    return this.#manager.canUndo();
  }

  /** Whether there is an undone change to redo. */
  get canRedo(): boolean {
    return this.#manager.canRedo();
  }

  /** How many steps can be undone; a form field remembers it on focus to cancel its own edits with Esc. */
  get undoDepth(): number {
    return this.#manager.undoStack.length;
  }

  /** Takes back this tab's latest step; false when there was none. */
  undo(): boolean {
    return this.#manager.undo() !== null;
  }

  /** Re-applies the latest undone step; false when there was none. */
  redo(): boolean {
    return this.#manager.redo() !== null;
  }

  /** Ends the current step, so the next edit starts a new one (before and after a batch). */
  stopCapturing(): void {
    this.#manager.stopCapturing();
  }

  /** Releases the manager's observers. */
  destroy(): void {
    this.#manager.destroy();
  }
}

/** Edits closer together than this (ms) are one undo step. */
const CAPTURE_MS = 500;
