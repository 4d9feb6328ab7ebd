import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type * as Y from 'yjs';
import { INDICATOR_FIELDS, indicatorsOf, projectsMap, readString, sortedEntries, type IndicatorField } from '../../shared/model/index.ts';
import type { Finding } from '../../shared/rules/index.ts';
import type { Peer } from '../collab/peer.ts';
import type { UndoHistory } from '../undo/undo-history.ts';
import { FindingHintController } from '../validation/finding-hint-controller.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { YDocController } from '../collab/ydoc-controller.ts';
import { CursorChangeEvent } from '../events.ts';
import { isChoiceField } from './cell-choices.ts';
import { GridCellEditor, type GridRow } from './grid-cell-editor.ts';
import { gridCellTemplate } from './grid-cell-template.ts';
import { matrixOfRange } from './grid-clipboard.ts';
import { GridClipboardController } from './grid-clipboard-controller.ts';
import { GridKeyboardController, type GridKeyMode } from './grid-keyboard-controller.ts';
import { gridMenuTemplate, gridReviewItems } from './grid-menu.ts';
import type { CellPosition, RowCommand } from './grid-navigation.ts';
import { GridPointerController } from './grid-pointer-controller.ts';
import { GridCursor } from './grid-cursor.ts';
import { GridFirstRows } from './grid-first-rows.ts';
import { fillSelection } from './grid-fill.ts';
import { gridSheetItems } from './grid-sheet-menu.ts';
import { continuesRun, presenceText } from './grid-runs.ts';
import { selectionStatsTemplate } from './grid-status-line.ts';
import { PopoverObstacles } from '../popup/popover-obstacles.ts';
import { appendRow, clearSelectedCells, moveRowTo, pasteAtSelection, runRowCommandOnSelection, type GridEditTarget } from './grid-edits.ts';
import { boundsContain, type RangeBounds } from './grid-selection.ts';
import { indicatorGridStyles } from './indicator-grid.styles.ts';
import { columnResizeHandle } from './column-resize.ts';
import { peerCellMarks, type PeerCellMark } from './peer-outlines.ts';
import { RowDragController, rowDragClass } from './row-drag-controller.ts';
import { cellReview, ghostRows, gridReviewStyles, rowReviewClass } from './grid-review.ts';
import { t } from '../i18n/i18n.ts';
import type { DocReview } from '../review/doc-review.ts';
import { ToastEvent } from '../review/review-events.ts';
import { reviewMarkStyles } from '../review/suggestion-templates.ts';
import { findingStyles } from '../validation/finding.styles.ts';
import { findingMark } from '../validation/finding-marks.ts';
import { findingsByPlace, placeKey } from '../validation/findings-index.ts';
import './cell-assist.ts';
import '../validation/finding-popover.ts';
import type { ReviewTarget } from '../review/review-target.ts';
import type { ExtraMenuItem } from './row-menu.ts';
import { previousValueLine, previousValueStyles } from './previous-value-line.ts';
import type { PreviousValues } from '../rollover/previous-year-controller.ts';

/**
 * The indicator rows of one 绩效目标表 as a spreadsheet-like WAI-ARIA grid: one active cell with
 * roving tabindex and a selected range (Shift+arrows, Shift+click, drag), editing in place, copy
 * and paste with Excel/WPS/Sheets, row commands (menu, keyboard, drag handle), and colleagues'
 * active cells and ranges outlined in their colour. Cells and ranges are kept by row id and
 * field, so they stay put when colleagues add, remove or reorder rows.
 */
export class IndicatorGrid extends LitElement {
  static override properties = {
    doc: { attribute: false },
    origin: { attribute: false },
    history: { attribute: false },
    projectId: { attribute: 'project-id' },
    projectName: { attribute: 'project-name' },
    peers: { attribute: false },
    readonly: { type: Boolean },
    findings: { attribute: false },
    review: { attribute: false },
    previous: { attribute: false },
    editing: { state: true },
    menu: { state: true },
  };
  static override styles = [indicatorGridStyles, findingStyles, reviewMarkStyles, gridReviewStyles, previousValueStyles];

  /** The document holding the project. */
  declare doc: Y.Doc | null;
  /** Transaction origin of this tab's edits. */
  declare origin: unknown;
  /** This tab's undo history: a paste or a row command is one step of it. */
  declare history: UndoHistory | null;
  /** Id of the project whose rows are shown. */
  declare projectId: string;
  /** 项目名称: the grid's accessible name. */
  declare projectName: string;
  /** Colleagues whose cursor is in this project (others are ignored). */
  declare peers: readonly Peer[];
  /** Lets the user move around and copy but not edit. */
  declare readonly: boolean;
  /** Validation findings of the project; those on a cell mark it (the rest are shown elsewhere). */
  declare findings: readonly Finding[];
  /** The review shown in the cells (threads, suggestions) and whether edits become suggestions; null without one. */
  declare review: DocReview | null;
  /** 上年指标值 by row id, shown read-only under 指标值 (empty: none shown). */
  declare previous: PreviousValues;
  declare editing: boolean;
  declare menu: { x: number; y: number } | null;

  readonly #changes = new YDocController(this);
  readonly #hint = new FindingHintController(this, (key) => this.#marks.get(key) ?? []);
  #marks = new Map<string, Finding[]>();
  readonly #rowDrag = new RowDragController(this, () => this.#rowRects(), (id, to) => this.#edit((t) => moveRowTo(t, this.#cursor, id, to)));
  #rows: GridRow[] = [];
  readonly #firstRows = new GridFirstRows(this);
  readonly #cursor = new GridCursor();
  #focusAfterUpdate = false;
  readonly #keyboard: GridKeyboardController;
  readonly #cellEditor = new GridCellEditor({
    doc: () => this.doc,
    projectId: () => this.projectId,
    origin: () => this.origin,
    rows: () => this.#rows,
    mode: () => this.#mode,
    active: () => this.#cursor.activePosition(),
    editing: () => this.editing,
    setEditing: (on) => (this.editing = on),
    activate: (at) => this.#activate(at, true),
    focusAfterUpdate: (on) => (this.#focusAfterUpdate = on),
    renderNow: () => this.performUpdate(),
    root: () => this.renderRoot,
    dispatchEvent: (event) => this.dispatchEvent(event),
  });

  constructor() {
    super();
    new I18nController(this);
    // Popovers stay off the column headers, which say what a cell is.
    new PopoverObstacles(this, () => this.renderRoot.querySelectorAll('[role="row"].head'));
    new GridPointerController(this, {
      selection: () => this.#cursor.bounds(),
      editing: () => this.editing,
      select: (at, extend) => this.#activate(at, true, extend),
      edit: (at) => this.#cellEditor.start(null, at),
      menu: (x, y) => this.#openMenu(x, y),
    });
    this.#keyboard = new GridKeyboardController(this, {
      size: () => ({ rows: this.#rows.length, cols: INDICATOR_FIELDS.length }),
      active: () => this.#cursor.activePosition(),
      editing: () => this.editing,
      mode: () => this.#mode,
      editorKey: (event) => this.#cellEditor.handleKey(event),
      activate: (to, extend) => this.#activate(to, true, extend),
      selectAll: () => {
        this.#cursor.moveTo({ row: 0, col: 0 }, false);
        this.#activate({ row: this.#rows.length - 1, col: INDICATOR_FIELDS.length - 1 }, true, true);
      },
      startEdit: (replace, at) => this.#cellEditor.start(replace ? '' : null, at),
      clear: () => this.#clearSelection(),
      commit: (then) => this.#cellEditor.commit(then),
      cancel: () => this.#cellEditor.cancel(),
      newline: () => this.#cellEditor.newline(),
      rowCommand: (command) => this.#rowCommand(command),
      fill: (direction) => this.#edit((t) => fillSelection(t, this.#cursor, this.#rows, direction)),
      openMenu: () => {
        const cell = this.#activeCell()?.getBoundingClientRect();
        this.#openMenu(cell ? cell.left + 8 : 0, cell ? cell.bottom : 0);
      },
    });
    new GridClipboardController(this, {
      editing: () => this.editing,
      readonly: () => this.readonly || this.#suggesting,
      selectedCells: () => {
        const bounds = this.#cursor.bounds();
        return bounds ? matrixOfRange(this.#rows, bounds) : null;
      },
      clearSelection: () => this.#clearSelection(),
      paste: (matrix) => this.#edit((t) => pasteAtSelection(t, this.#cursor, matrix)),
    });
    this.doc = null;
    this.origin = null;
    this.history = null;
    this.projectId = '';
    this.projectName = '';
    this.peers = [];
    this.readonly = false;
    this.findings = [];
    this.review = null;
    this.previous = new Map();
    this.editing = false;
    this.menu = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const project = this.doc ? projectsMap(this.doc).get(this.projectId) : undefined;
    if (changed.has('doc') || changed.has('projectId')) this.#changes.observe(project ? [indicatorsOf(project)] : []);
    this.#rows = project ? sortedEntries(indicatorsOf(project)) : [];
    this.#cursor.setRows(this.#rows.map((r) => r.id));
    if (changed.has('findings')) this.#marks = findingsByPlace(this.findings.filter((f) => f.place.indicator !== undefined));
    const target = this.#cellEditor.target;
    // The row was deleted under the editor; its text cannot go anywhere meaningful.
    if (target && this.#cursor.rowIndexOf(target.rowId) === undefined) this.#cellEditor.drop();
    // The document became read-only under the editor: nothing typed can be saved now, so the
    // editor closes and the typed text is offered to copy (written, it would stay unsaved here).
    else if (target && changed.has('readonly') && this.readonly) {
      // Focus was in the editor, which goes: it returns to the cell, as after Esc.
      this.#focusAfterUpdate = this.matches(':focus-within');
      this.#offerDraft(this.#cellEditor.abandon());
    }
  }

  #offerDraft(text: string | null): void {
    if (text === null) return;
    const copy = () => void navigator.clipboard?.writeText(text).catch(() => undefined);
    this.dispatchEvent(new ToastEvent({ message: t('grid.readonlyDraft', { text }), tone: 'error', action: { label: t('grid.copyDraft'), run: copy } }));
  }

  override render() {
    const active = this.#cursor.activePosition();
    const bounds = this.#cursor.bounds();
    const marks = peerCellMarks(this.peers.filter((p) => p.clientId !== this.doc?.clientID), this.projectId, this.#cursor.rowIndex, INDICATOR_FIELDS);
    const drag = this.#rowDrag.drag;
    const hint = this.#hint.hint;
    return html`<div role="grid" class="grid" aria-label=${this.projectName || t('project.untitled')} aria-multiselectable="true"
        aria-rowcount=${this.#rows.length + 1} aria-colcount=${INDICATOR_FIELDS.length} aria-readonly=${this.readonly ? 'true' : 'false'}
        @keydown=${this.#keyboard.onKeyDown} @focusin=${this.#onFocusIn} @focusout=${this.#onFocusOut}>
        <div role="row" aria-rowindex="1" class="head"><span class="handle-col" aria-hidden="true"></span><span class="corner" aria-hidden="true"></span>
          ${INDICATOR_FIELDS.map((f, c) => html`<div role="columnheader" aria-colindex=${c + 1} aria-label=${t(`grid.${f}`)} data-testid="colhead-${f}">${t(`grid.${f}`)}${columnResizeHandle(f, t(`grid.${f}`))}</div>`)}
        </div>
        ${ghostRows(this.review, this.projectId, null)}
        ${repeat(this.#firstRows.visible(this.#rows), (r) => r.id, (r, row) => html`<div role="row" aria-rowindex=${row + 2} data-testid="row-${this.projectId}-${r.id}"
            class="${rowDragClass(drag, row, this.#rows.length)} ${rowReviewClass(this.review, this.projectId, r.id)}">
          ${this.readonly
            ? html`<span class="handle-col" aria-hidden="true"></span>`
            : html`<span class="handle" aria-hidden="true" title=${t('grid.dragHandle')} data-testid="handle-${this.projectId}-${r.id}"
                @pointerdown=${(e: PointerEvent) => this.#rowDrag.start(e, r.id, row)}>⠿</span>`}
          <div role="rowheader" class="row-number" aria-label=${t('sheet.rowNumber', { row: row + 1 })} data-testid="row-number"
            @pointerdown=${(e: PointerEvent) => this.#selectRow(e, row)}>${row + 1}</div>
          ${INDICATOR_FIELDS.map((f, col) => this.#cell(r, f, row, col, active, bounds, marks.get(`${row}:${col}`)))}</div>${ghostRows(this.review, this.projectId, r.id)}`)}
        ${this.#rows.length === 0 ? html`<div class="empty">${t('grid.empty')}</div>` : nothing}
      </div>
      <div hidden>${[...this.#marks].map(([key, found]) => html`<span id="finding-${key}">${findingMark(found).description}</span>`)}</div>
      ${selectionStatsTemplate(bounds && !(bounds.top === bounds.bottom && bounds.left === bounds.right) ? matrixOfRange(this.#rows, bounds).flat() : null)}
      <div class="visually-hidden" role="status" data-testid="presence-announce">${presenceText(this.peers.filter((p) => p.clientId !== this.doc?.clientID), this.projectId, this.#cursor.rowIndex)}</div>
      <finding-popover .findings=${hint?.findings ?? []} .anchor=${hint?.anchor ?? null}></finding-popover>
      ${this.menu ? this.#renderMenu(bounds) : nothing}
      ${this.readonly ? nothing : html`<div class="actions"><button data-testid="add-indicator-${this.projectId}" @click=${() => this.#edit((t) => appendRow(t, this.#cursor))}>+ ${t('grid.addIndicator')}</button></div>`}`;
  }

  #cell(r: GridRow, field: IndicatorField, row: number, col: number, active: CellPosition | null, bounds: RangeBounds | null, peers: PeerCellMark[] | undefined) {
    const isActive = active?.row === row && active.col === col;
    const key = placeKey(r.id, field);
    const text = readString(r.map, field);
    const editor = isActive && this.editing ? this.#cellEditor.template() : null;
    return gridCellTemplate(
      {
        ...cellReview(this.review, this.projectId, r.id, field, text, !!editor),
        testid: `cell-${this.projectId}-${r.id}-${field}`,
        text,
        field,
        row,
        col,
        tabbable: isActive || (!active && row === 0 && col === 0),
        active: isActive,
        selected: !!bounds && boundsContain(bounds, { row, col }),
        peers,
        mark: findingMark(this.#marks.get(key) ?? []),
        findingKey: key,
        editor,
        continues: continuesRun(this.#rows, row, field),
        chip: isActive && !this.editing && (!this.readonly || this.#suggesting) && isChoiceField(field),
        previous: field === 'value' ? previousValueLine(this.previous, r.id) : null,
      },
      () => this.#cellEditor.start(null, this.#cursor.activePosition()),
    );
  }

  /** Whether edits become suggestions (建议模式): the editor opens, but a commit proposes the value. */
  get #suggesting(): boolean {
    return this.review?.suggesting ?? false;
  }

  get #mode(): GridKeyMode {
    return this.#suggesting ? 'suggest' : this.readonly ? 'readonly' : 'edit';
  }

  /** The active cell as a review place, or null without one. */
  #activePlace(): ReviewTarget | null {
    const ref = this.#cursor.active;
    return ref ? { kind: 'cell', project: this.projectId, indicator: ref.rowId, field: ref.field } : null;
  }

  /** The review items of the menu at the active cell (comment, history, suggest a row change). */
  #reviewItems(): ExtraMenuItem[] {
    return gridReviewItems(this, this.#activePlace(), this.review, () => this.#activeCell());
  }

  /** 剪切 / 复制 / 粘贴 / 清除内容 at the selection: copy for everyone, the rest for those who may edit. */
  #sheetItems(): ExtraMenuItem[] {
    const bounds = this.#cursor.bounds();
    return gridSheetItems({
      cells: () => (bounds ? matrixOfRange(this.#rows, bounds) : null),
      editable: !this.readonly && !this.#suggesting,
      clear: () => this.#clearSelection(),
      paste: (matrix) => this.#edit((t) => pasteAtSelection(t, this.#cursor, matrix)),
      refused: (message) => this.dispatchEvent(new ToastEvent({ message, tone: 'error' })),
    });
  }

  /** A click on a row number selects the row (Shift: from the active row to it), as in Excel. */
  #selectRow(event: PointerEvent, row: number): void {
    event.preventDefault();
    if (!event.shiftKey) this.#cursor.moveTo({ row, col: 0 }, false);
    this.#activate({ row, col: INDICATOR_FIELDS.length - 1 }, true, true);
  }

  #renderMenu(bounds: RangeBounds | null) {
    const close = () => {
      this.menu = null;
      this.#focusAfterUpdate = true;
    };
    return gridMenuTemplate({
      x: this.menu?.x ?? 0,
      y: this.menu?.y ?? 0,
      bounds,
      rowCount: this.#rows.length,
      rows: !this.readonly && !this.#suggesting,
      extra: [...this.#sheetItems(), ...this.#reviewItems()],
      close,
      command: (command) => this.#rowCommand(command),
    });
  }

  /** The active cell's element: the one cell with tabindex 0 (roving focus). */
  #activeCell(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]');
  }

  protected override updated(): void {
    if (!this.#focusAfterUpdate) return;
    this.#focusAfterUpdate = false;
    const editor = this.renderRoot.querySelector<HTMLTextAreaElement>('.editor');
    if (editor) {
      editor.focus();
      editor.setSelectionRange(editor.value.length, editor.value.length);
    } else if (!this.menu) {
      this.#activeCell()?.focus();
    }
  }

  /** Makes cell `field` of row `indicatorId` the active cell, focuses it and scrolls it into view; false if there is no such row. */
  async focusCell(indicatorId: string, field: IndicatorField): Promise<boolean> {
    const row = this.#cursor.rowIndexOf(indicatorId);
    if (row === undefined) return false;
    this.#activate({ row, col: INDICATOR_FIELDS.indexOf(field) }, false);
    await this.updateComplete;
    // Focused here, not via the update: re-picking the active cell renders nothing new.
    const cell = this.#activeCell();
    cell?.scrollIntoView({ block: 'center', inline: 'nearest' });
    cell?.focus({ preventScroll: true });
    return true;
  }

  /** Makes `to` the active cell; `extend` keeps the anchor (a range), otherwise the range collapses onto it. */
  #activate(to: CellPosition, focus: boolean, extend = false): void {
    this.#firstRows.showAll();
    if (!this.#cursor.moveTo(to, extend)) return;
    this.#focusAfterUpdate = focus;
    this.#publishCursor();
  }

  /** Re-renders and tells colleagues where this user now is. */
  #publishCursor(): void {
    this.requestUpdate();
    const cursor = this.#cursor.toCollabCursor(this.projectId);
    if (cursor) this.dispatchEvent(new CursorChangeEvent(cursor));
  }

  /** Where this grid's edits go, or null without a document or when the user may not edit (or suggests). */
  #target(): GridEditTarget | null {
    return this.doc && !this.readonly && !this.#suggesting ? { doc: this.doc, projectId: this.projectId, origin: this.origin, history: this.history } : null;
  }

  /** Runs a selection or row edit; afterwards the cursor (moved by it) gets focus and is published. */
  #edit(change: (target: GridEditTarget) => boolean): void {
    const target = this.#target();
    if (!target || !change(target)) return;
    this.#focusAfterUpdate = true;
    this.#publishCursor();
  }

  #clearSelection(): void {
    this.#edit((t) => clearSelectedCells(t, this.#cursor));
  }

  #rowCommand(command: RowCommand): void {
    const ids = this.#rows.map((r) => r.id);
    this.#edit((t) => runRowCommandOnSelection(t, this.#cursor, ids, command));
  }

  #rowRects(): DOMRect[] {
    return [...this.renderRoot.querySelectorAll('[role="row"][data-testid]')].map((r) => r.getBoundingClientRect());
  }

  #openMenu(x: number, y: number): boolean {
    if (!this.#cursor.bounds()) return false;
    this.menu = { x, y };
    return true;
  }

  // Focus may arrive without a click (Tab into the grid, a screen reader, a script): the
  // focused cell becomes the active one, and colleagues see where this user is.
  #onFocusIn(event: FocusEvent): void {
    const el = (event.target as HTMLElement | null)?.closest?.<HTMLElement>('[role="gridcell"]');
    if (!el) return;
    const at = { row: Number(el.dataset['row']), col: Number(el.dataset['col']) };
    const ref = this.#cursor.refAt(at);
    const active = this.#cursor.active;
    if (ref && (ref.rowId !== active?.rowId || ref.field !== active.field)) this.#activate(at, false);
    else this.#publishCursor();
  }

  #onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !this.renderRoot.contains(next)) this.dispatchEvent(new CursorChangeEvent(null));
  }
}

customElements.define('indicator-grid', IndicatorGrid);

declare global {
  interface HTMLElementTagNameMap {
    'indicator-grid': IndicatorGrid;
  }
}
