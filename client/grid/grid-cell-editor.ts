import type { TemplateResult } from 'lit';
import type * as Y from 'yjs';
import { INDICATOR_FIELDS, readDocSettings, readString, setIndicatorField, type IndicatorMap } from '../../shared/model/index.ts';
import { SuggestValueEvent } from '../review/review-events.ts';
import type { CellAssist } from './cell-assist.ts';
import { choicesFor, effectiveLevel1, isChoiceField } from './cell-choices.ts';
import { CellEditSession } from './cell-edit-session.ts';
import type { CellRef } from './grid-cursor.ts';
import type { GridKeyMode } from './grid-keyboard-controller.ts';
import type { CellPosition } from './grid-navigation.ts';

/** One indicator row as a grid shows it. */
export interface GridRow {
  id: string;
  map: IndicatorMap;
}

/** What the cell editor needs from its grid, supplied by the grid element. */
export interface GridCellEditorGrid {
  doc(): Y.Doc | null;
  projectId(): string;
  /** Transaction origin of this tab's edits. */
  origin(): unknown;
  rows(): readonly GridRow[];
  mode(): GridKeyMode;
  active(): CellPosition | null;
  /** Whether the editor is open (the grid's reactive `editing`). */
  editing(): boolean;
  setEditing(on: boolean): void;
  /** Makes `at` the active cell, focused after the next render. */
  activate(at: CellPosition): void;
  /** Whether focus returns to the grid's active cell after the next render. */
  focusAfterUpdate(on: boolean): void;
  /** Renders the grid now, not in a microtask. */
  renderNow(): void;
  /** Where the editor and its `<cell-assist>` are rendered. */
  root(): ParentNode;
  dispatchEvent(event: Event): boolean;
}

/**
 * The cell editor of an indicator grid: opens on a cell (typing, F2, double-click, the ▾ chip),
 * renders the textarea with its list of allowed values, and on commit writes the value — or, in
 * 建议模式, proposes it with a `suggest-value` event. The draft lives in a {@link CellEditSession}.
 */
export class GridCellEditor {
  readonly #grid: GridCellEditorGrid;
  readonly #session = new CellEditSession();

  constructor(grid: GridCellEditorGrid) {
    this.#grid = grid;
  }

  /** The cell being edited, or null. */
  get target(): CellRef | null {
    return this.#session.target;
  }

  /** The open editor for the active cell's template. */
  template(): TemplateResult | null {
    return this.#session.render({
      onInput: (e) => this.#session.input((e.target as HTMLTextAreaElement).value, this.#assist()),
      onBlur: () => this.commit(null),
      onPick: (value) => {
        this.#session.pick(value);
        const at = this.#grid.active();
        this.commit(at ? { row: Math.min(at.row + 1, this.#grid.rows().length - 1), col: at.col } : null);
      },
    });
  }

  /** Offers a key to the editor (its list of values); true when it used the key. */
  handleKey(event: KeyboardEvent): boolean {
    return this.#session.handleKey(event, this.#assist());
  }

  /** Opens the editor on cell `at` with `initial` text (null: the cell's value), focused at once. */
  start(initial: string | null, at: CellPosition | null): void {
    const grid = this.#grid;
    const doc = grid.doc();
    if (grid.mode() === 'readonly' || !at || !doc) return;
    const rows = grid.rows();
    const row = rows[at.row];
    const field = INDICATOR_FIELDS[at.col];
    if (!row || !field) return;
    grid.activate(at);
    const choices = isChoiceField(field) ? choicesFor(field, readDocSettings(doc).hierarchy, effectiveLevel1(rows.map((r) => readString(r.map, 'level1')), at.row)) : [];
    this.#session.open({ rowId: row.id, field }, initial ?? readString(row.map, field), choices);
    grid.setEditing(true);
    // Render and focus the editor synchronously: the key being handled (or the input method it
    // starts) writes into whatever has focus when its default action runs.
    grid.renderNow();
  }

  /** Closes the editor, writing (or proposing) its text, and moves to `then` (null: focus stays where it went). */
  commit(then: CellPosition | null): void {
    const grid = this.#grid;
    // Read-only now: the server would refuse the write and the local copy would keep it unsaved.
    if (grid.mode() === 'readonly') return void this.abandon();
    const closed = grid.editing() ? this.#session.close() : null;
    if (!closed) return;
    grid.setEditing(false);
    const { rowId, field } = closed.target;
    const doc = grid.doc();
    if (grid.mode() === 'suggest') {
      const row = grid.rows().find((r) => r.id === rowId);
      if (row && readString(row.map, field) !== closed.value) {
        grid.dispatchEvent(new SuggestValueEvent({ kind: 'cell', project: grid.projectId(), indicator: rowId, field }, closed.value));
      }
    } else if (doc) {
      // Writes nothing if the row is gone: a colleague deleted it while this user was typing.
      setIndicatorField(doc, grid.projectId(), rowId, field, closed.value, grid.origin());
    }
    if (then) grid.activate(then);
    else grid.focusAfterUpdate(false);
  }

  /** Closes the editor without writing (Esc); focus returns to the cell. */
  cancel(): void {
    this.drop();
    this.#grid.focusAfterUpdate(true);
  }

  /** Closes the editor without writing and without moving focus (its row is gone). */
  drop(): void {
    this.#grid.setEditing(false);
    this.#session.cancel();
  }

  /**
   * Closes the editor without writing, because the document became read-only while it was open
   * (submitted, or this person's role changed): returns the typed text when it differs from the
   * cell's value, so it can be offered to copy, and otherwise null.
   */
  abandon(): string | null {
    const closed = this.#grid.editing() ? this.#session.close() : null;
    this.drop();
    if (!closed) return null;
    const row = this.#grid.rows().find((r) => r.id === closed.target.rowId);
    return row && readString(row.map, closed.target.field) === closed.value ? null : closed.value;
  }

  /** Breaks the line at the editor's caret (Alt+Enter). */
  newline(): void {
    const editor = this.#grid.root().querySelector<HTMLTextAreaElement>('.editor');
    editor?.setRangeText('\n', editor.selectionStart, editor.selectionEnd, 'end');
    if (editor) this.#session.input(editor.value, this.#assist());
  }

  #assist(): CellAssist | null {
    return this.#grid.root().querySelector<CellAssist>('cell-assist');
  }
}
