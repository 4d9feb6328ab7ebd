import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type * as Y from 'yjs';
import { INDICATOR_FIELDS, addIndicator, indicatorsOf, projectsMap, readString, setIndicatorField, sortedEntries } from '../../shared/model/index.ts';
import type { IndicatorField, IndicatorMap } from '../../shared/model/index.ts';
import type { Finding } from '../../shared/rules/index.ts';
import { peersAtCell, type Peer } from '../collab/peer.ts';
import { FindingHintController } from '../controllers/finding-hint-controller.ts';
import { I18nController } from '../controllers/i18n-controller.ts';
import { YDocController } from '../controllers/ydoc-controller.ts';
import { CursorChangeEvent } from '../events.ts';
import { editingKeyAction, navigationKeyAction, type CellPosition, type GridKeyAction } from '../grid/grid-navigation.ts';
import { indicatorGridStyles } from '../grid/indicator-grid-styles.ts';
import { t } from '../i18n/i18n.ts';
import { findingStyles } from '../styles/finding-styles.ts';
import { findingMark } from '../validation/finding-marks.ts';
import { findingsByPlace, placeKey } from '../validation/findings-index.ts';
import './finding-popover.ts';

type Row = { id: string; map: IndicatorMap };

/**
 * The indicator rows of one 绩效目标表 as a WAI-ARIA grid: one active cell with roving tabindex,
 * arrow keys to move, Enter/F2/typing to edit, Enter to commit and go down, Tab to go right,
 * Esc to cancel. The active cell is kept by row id and field, so it stays put when colleagues
 * add, remove or reorder rows. Colleagues' active cells are outlined in their colour.
 */
export class IndicatorGrid extends LitElement {
  static override properties = {
    doc: { attribute: false },
    origin: { attribute: false },
    projectId: { attribute: 'project-id' },
    projectName: { attribute: 'project-name' },
    peers: { attribute: false },
    readonly: { type: Boolean },
    findings: { attribute: false },
    activeRowId: { state: true },
    activeField: { state: true },
    editing: { state: true },
    draft: { state: true },
  };
  static override styles = [indicatorGridStyles, findingStyles];

  /** The document holding the project. */
  declare doc: Y.Doc | null;
  /** Transaction origin of this tab's edits. */
  declare origin: unknown;
  /** Id of the project whose rows are shown. */
  declare projectId: string;
  /** 项目名称: the grid's accessible name. */
  declare projectName: string;
  /** Everyone in the document; those whose cursor is in this grid are shown on their cell. */
  declare peers: readonly Peer[];
  /** Lets the user move around but not edit. */
  declare readonly: boolean;
  /** Validation findings of the project; those on a cell mark it (the rest are shown elsewhere). */
  declare findings: readonly Finding[];
  declare activeRowId: string | null;
  declare activeField: IndicatorField;
  declare editing: boolean;
  declare draft: string;

  readonly #changes = new YDocController(this);
  readonly #hint = new FindingHintController(this);
  #marks = new Map<string, Finding[]>();
  #rows: Row[] = [];
  // Where the active row was, so the cursor stays near when a colleague deletes that row.
  #lastActiveRow = 0;
  #focusAfterUpdate = false;
  // The cell being edited, by id: a colleague may move or delete rows while this user types.
  #editTarget: { rowId: string; field: IndicatorField } | null = null;

  constructor() {
    super();
    new I18nController(this);
    this.doc = null;
    this.origin = null;
    this.projectId = '';
    this.projectName = '';
    this.peers = [];
    this.readonly = false;
    this.findings = [];
    this.activeRowId = null;
    this.activeField = 'level1';
    this.editing = false;
    this.draft = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const project = this.doc ? projectsMap(this.doc).get(this.projectId) : undefined;
    if (changed.has('doc') || changed.has('projectId')) this.#changes.observe(project ? [indicatorsOf(project)] : []);
    this.#rows = project ? sortedEntries(indicatorsOf(project)) : [];
    if (changed.has('findings')) this.#marks = findingsByPlace(this.findings.filter((f) => f.place.indicator !== undefined));
    const target = this.#editTarget;
    if (target && !this.#rows.some((r) => r.id === target.rowId)) {
      // The row was deleted under the editor; its text cannot go anywhere meaningful.
      this.editing = false;
      this.#editTarget = null;
    }
  }

  override render() {
    const active = this.#activePosition();
    const hint = this.#hint.hint((key) => this.#marks.get(key) ?? []);
    return html`<div role="grid" class="grid" aria-label=${this.projectName || t('project.untitled')}
        aria-rowcount=${this.#rows.length + 1} aria-colcount=${INDICATOR_FIELDS.length} aria-readonly=${this.readonly ? 'true' : 'false'}
        @keydown=${this.#onKeyDown} @click=${this.#onClick} @dblclick=${() => this.editing || this.#startEdit(null)}
        @focusin=${this.#onFocusIn} @focusout=${this.#onFocusOut}>
        <div role="row" aria-rowindex="1">
          ${INDICATOR_FIELDS.map((f, c) => html`<div role="columnheader" aria-colindex=${c + 1}>${t(`grid.${f}`)}</div>`)}
        </div>
        ${repeat(this.#rows, (r) => r.id, (r, row) => html`<div role="row" aria-rowindex=${row + 2} data-testid="row-${this.projectId}-${r.id}">
          ${INDICATOR_FIELDS.map((f, col) => this.#cell(r, f, row, col, active))}</div>`)}
        ${this.#rows.length === 0 ? html`<div class="empty">${t('grid.empty')}</div>` : nothing}
      </div>
      <div hidden>${[...this.#marks].map(([key, found]) => html`<span id="finding-${key}">${findingMark(found).description}</span>`)}</div>
      <finding-popover .findings=${hint?.findings ?? []} .anchor=${hint?.anchor ?? null}></finding-popover>
      ${this.readonly ? nothing : html`<div class="actions"><button data-testid="add-indicator-${this.projectId}" @click=${this.#addRow}>+ ${t('grid.addIndicator')}</button></div>`}`;
  }

  #cell(r: Row, field: IndicatorField, row: number, col: number, active: CellPosition | null) {
    const isActive = active?.row === row && active.col === col;
    const editing = isActive && this.editing;
    const others = peersAtCell(this.peers, this.projectId, r.id, field).filter((p) => p.clientId !== this.doc?.clientID);
    const first = others[0];
    const key = placeKey(r.id, field);
    const mark = findingMark(this.#marks.get(key) ?? []);
    return html`<div role="gridcell" aria-rowindex=${row + 2} aria-colindex=${col + 1} data-row=${row} data-col=${col}
        tabindex=${isActive || (!active && row === 0 && col === 0) ? 0 : -1}
        class="${isActive ? 'active' : ''} ${editing ? 'editing' : ''} ${first ? 'peer' : ''} ${mark.className}"
        data-finding-key=${key} aria-invalid=${mark.invalid ? 'true' : nothing} aria-describedby=${mark.description ? `finding-${key}` : nothing}
        style=${styleMap(first ? { '--peer-color': first.color } : {})} data-testid="cell-${this.projectId}-${r.id}-${field}">${
        editing
          ? html`<textarea class="editor" aria-label=${t(`grid.${field}`)} .value=${live(this.draft)}
              @input=${(e: InputEvent) => (this.draft = (e.target as HTMLTextAreaElement).value)} @blur=${() => this.#commit(null)}></textarea>`
          : readString(r.map, field)
      }${others.map((p) => html`<span class="peer-tag" style=${styleMap({ '--peer-color': p.color })} data-testid="peer-cursor-${p.sub}">${p.name}</span>`)}</div>`;
  }

  protected override updated(): void {
    if (!this.#focusAfterUpdate) return;
    this.#focusAfterUpdate = false;
    const editor = this.renderRoot.querySelector<HTMLTextAreaElement>('.editor');
    if (editor) {
      editor.focus();
      editor.setSelectionRange(editor.value.length, editor.value.length);
    } else {
      this.renderRoot.querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]')?.focus();
    }
  }

  /** Makes cell `field` of row `indicatorId` the active cell, focuses it and scrolls it into view; false if there is no such row. */
  async focusCell(indicatorId: string, field: IndicatorField): Promise<boolean> {
    const row = this.#rows.findIndex((r) => r.id === indicatorId);
    if (row < 0) return false;
    this.#activate({ row, col: INDICATOR_FIELDS.indexOf(field) }, true);
    await this.updateComplete;
    this.renderRoot.querySelector('[role="gridcell"][tabindex="0"]')?.scrollIntoView({ block: 'center', inline: 'nearest' });
    return true;
  }

  #activePosition(): CellPosition | null {
    if (this.#rows.length === 0) return null;
    const found = this.#rows.findIndex((r) => r.id === this.activeRowId);
    if (found >= 0) this.#lastActiveRow = found;
    else if (this.activeRowId === null) return null;
    return { row: Math.min(this.#lastActiveRow, this.#rows.length - 1), col: INDICATOR_FIELDS.indexOf(this.activeField) };
  }

  #onKeyDown(event: KeyboardEvent): void {
    const at = this.#activePosition() ?? { row: 0, col: 0 };
    if (this.#rows.length === 0) return;
    const size = { rows: this.#rows.length, cols: INDICATOR_FIELDS.length };
    const action = this.editing ? editingKeyAction(event, at, size) : navigationKeyAction(event, at, size);
    if (action.kind === 'none' || (this.readonly && action.kind !== 'move')) return;
    // A typed character must still reach the editor, which has focus by the time the default runs.
    if (!(action.kind === 'edit' && action.replace)) event.preventDefault();
    this.#perform(action, at);
  }

  #perform(action: GridKeyAction, at: CellPosition): void {
    switch (action.kind) {
      case 'move': return this.#activate(action.to, true);
      case 'edit': return this.#startEdit(action.replace ? '' : null, at);
      case 'clear': return void this.#write(at, '');
      case 'commit': return this.#commit(action.then);
      case 'cancel':
        this.editing = false;
        this.#editTarget = null;
        this.#focusAfterUpdate = true;
        return;
      case 'newline': {
        const editor = this.renderRoot.querySelector<HTMLTextAreaElement>('.editor');
        editor?.setRangeText('\n', editor.selectionStart, editor.selectionEnd, 'end');
        if (editor) this.draft = editor.value;
        return;
      }
    }
  }

  #activate(to: CellPosition, focus: boolean): void {
    const row = this.#rows[to.row];
    const field = INDICATOR_FIELDS[to.col];
    if (!row || !field) return;
    this.activeRowId = row.id;
    this.activeField = field;
    this.#lastActiveRow = to.row;
    this.#focusAfterUpdate = focus;
    this.dispatchEvent(new CursorChangeEvent({ project: this.projectId, indicator: row.id, field }));
  }

  /** Opens the editor on cell `at` with `initial` text (null: the cell's value), focused at once. */
  #startEdit(initial: string | null, at = this.#activePosition()): void {
    if (this.readonly || !at) return;
    const row = this.#rows[at.row];
    if (!row) return;
    this.#activate(at, true);
    this.draft = initial ?? readString(row.map, this.activeField);
    this.#editTarget = { rowId: row.id, field: this.activeField };
    this.editing = true;
    // Render and focus the editor synchronously: the key being handled (or the input method it
    // starts) writes into whatever has focus when its default action runs.
    this.performUpdate();
  }

  #commit(then: CellPosition | null): void {
    const target = this.#editTarget;
    if (!this.editing || !target) return;
    this.editing = false;
    this.#editTarget = null;
    // Writes nothing if the row is gone: a colleague deleted it while this user was typing.
    if (this.doc) setIndicatorField(this.doc, this.projectId, target.rowId, target.field, this.draft, this.origin);
    if (then) this.#activate(then, true);
  }

  #write(at: CellPosition, value: string): boolean {
    const row = this.#rows[at.row];
    const field = INDICATOR_FIELDS[at.col];
    return !!(this.doc && row && field && setIndicatorField(this.doc, this.projectId, row.id, field, value, this.origin));
  }

  #onClick(event: MouseEvent): void {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[role="gridcell"]');
    if (!cell || cell.classList.contains('editing')) return;
    this.#activate({ row: Number(cell.dataset['row']), col: Number(cell.dataset['col']) }, true);
  }

  // Focus may arrive without a click (Tab into the grid, a screen reader, a script): the
  // focused cell becomes the active one, and colleagues see where this user is.
  #onFocusIn(event: FocusEvent): void {
    const cell = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[role="gridcell"]') : null;
    const at = cell ? { row: Number(cell.dataset['row']), col: Number(cell.dataset['col']) } : this.#activePosition();
    if (at) this.#activate(at, false);
  }

  #onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !this.renderRoot.contains(next)) this.dispatchEvent(new CursorChangeEvent(null));
  }

  #addRow(): void {
    if (!this.doc) return;
    const id = addIndicator(this.doc, this.projectId, {}, undefined, this.origin);
    if (id === null) return;
    this.activeRowId = id;
    this.activeField = INDICATOR_FIELDS[0];
    this.#focusAfterUpdate = true;
  }
}

customElements.define('indicator-grid', IndicatorGrid);

declare global {
  interface HTMLElementTagNameMap {
    'indicator-grid': IndicatorGrid;
  }
}
