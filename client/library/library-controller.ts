import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { indicatorsOf, projectsMap, readString, sortedEntries, type IndicatorField } from '../../shared/model/index.ts';
import { LibraryApi } from '../api/library-api.ts';
import type { DocSession } from '../collab/doc-session.ts';
import { CursorChangeEvent } from '../events.ts';
import type { IndicatorGrid } from '../grid/indicator-grid.ts';
import { t } from '../i18n/i18n.ts';
import type { LibraryApplyEvent } from './library-events.ts';
import { fillFromLibrary, insertFromLibrary } from './library-edits.ts';
import type { LibraryPanel, LibraryRowContext } from './library-panel.ts';
import { elementReady } from '../lazy-element.ts';

/** What the library needs from the document element that hosts it. */
export interface LibraryHost {
  session(): DocSession | null;
  token(): string;
  /** Opens the library side panel (closing any other). */
  open(): void;
  /** Closes it. */
  close(): void;
  /** Whether the library panel is the open side panel. */
  isOpen(): boolean;
  /** Whether the user may change the rows of a project now (not read-only, within grants, not suggesting). */
  mayEdit(projectId: string): boolean;
}

/**
 * The indicator library of an open document: remembers the grid row the user last worked in
 * (from the grids' `cursor-change`), opens the panel on Ctrl+K in a grid, carries out the panel's
 * insert or fill as this tab's ordinary, undoable edit, and on close puts focus back into the
 * grid cell. Lives on the document element, so the grid itself needs no code for it.
 */
export class LibraryController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #of: LibraryHost;
  readonly #api: LibraryApi;
  #row: { projectId: string; rowId: string; field: IndicatorField } | null = null;
  #announcement = '';
  #wasOpen = false;

  constructor(host: ReactiveControllerHost & HTMLElement, of: LibraryHost) {
    this.#host = host;
    this.#of = of;
    this.#api = new LibraryApi(window.location.origin, () => of.token() || null);
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener(CursorChangeEvent.eventName, this.#onCursor);
    this.#host.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener(CursorChangeEvent.eventName, this.#onCursor);
    this.#host.removeEventListener('keydown', this.#onKeyDown);
  }

  // However it opened (Ctrl+K, the toolbar button), the caret goes into the search box.
  hostUpdated(): void {
    const open = this.#of.isOpen();
    if (open && !this.#wasOpen) void this.#focusSearch();
    this.#wasOpen = open;
  }

  /** The panel, for the host's side-panel column. */
  render() {
    if (!elementReady('library-panel', () => import('./library-panel.ts'), this.#host)) return nothing;
    const row = this.#context();
    const canEdit = !!this.#row && this.#of.mayEdit(this.#row.projectId);
    return html`<library-panel id="library" role="complementary" aria-label=${t('library.title')} data-testid="library-panel"
      .api=${this.#api} .row=${row} ?can-edit=${canEdit} announcement=${this.#announcement}
      @library-apply=${this.#onApply} @library-close=${() => void this.#close()}></library-panel>`;
  }

  /** Opens the panel (the caret goes into its search box); when it is open already, back into the search box. */
  open(): void {
    this.#announcement = '';
    if (this.#of.isOpen()) void this.#focusSearch();
    else this.#of.open();
  }

  // The panel's chunk may still be on its way the first time it opens: the host renders it once defined.
  async #focusSearch(): Promise<void> {
    await customElements.whenDefined('library-panel');
    await this.#host.updateComplete;
    await this.#host.shadowRoot?.querySelector<LibraryPanel>('library-panel')?.focusSearch();
  }

  #context(): LibraryRowContext | null {
    const doc = this.#of.session()?.doc;
    const at = this.#row;
    const project = doc && at ? projectsMap(doc).get(at.projectId) : undefined;
    if (!project || !at) return null;
    const rows = sortedEntries(indicatorsOf(project));
    const index = rows.findIndex((r) => r.id === at.rowId);
    const row = rows[index];
    if (!row) return null;
    return { projectName: readString(project, 'name'), position: index + 1, level2: readString(row.map, 'level2') };
  }

  readonly #onCursor = (event: CursorChangeEvent): void => {
    const c = event.cursor;
    if (!c || !('project' in c) || c.indicator === undefined) return;
    const moved = c.project !== this.#row?.projectId || c.indicator !== this.#row.rowId;
    this.#row = { projectId: c.project, rowId: c.indicator, field: c.field as IndicatorField };
    // The open panel follows the row: its position, and the 二级指标 it narrows to.
    if (moved && this.#of.isOpen()) this.#host.requestUpdate();
  };

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'k') return;
    // Only in a grid: Ctrl+K elsewhere (a text, the browser's own use) is left alone.
    if (!event.composedPath().some((el) => el instanceof HTMLElement && el.localName === 'indicator-grid')) return;
    event.preventDefault();
    this.open();
  };

  readonly #onApply = (event: LibraryApplyEvent): void => {
    const session = this.#of.session();
    const at = this.#row;
    if (!session || !at || !this.#of.mayEdit(at.projectId)) return;
    const target = { doc: session.doc, projectId: at.projectId, rowId: at.rowId, origin: session.origin, history: session.history };
    const name = event.item.name || event.item.description;
    if (event.mode === 'insert') {
      const added = insertFromLibrary(target, event.item);
      if (!added) return;
      // The next insert goes below this one: picking several indicators keeps their order.
      this.#row = { ...at, rowId: added.rowId };
      this.#announcement = t('library.inserted', { row: added.position, name });
    } else if (fillFromLibrary(target, event.item)) {
      this.#announcement = t('library.filled', { row: this.#context()?.position ?? 0, name });
    }
    this.#host.requestUpdate();
  };

  async #close(): Promise<void> {
    this.#of.close();
    await this.#host.updateComplete;
    const at = this.#row;
    const grid = at ? this.#host.shadowRoot?.querySelector<IndicatorGrid>(`indicator-grid[project-id="${CSS.escape(at.projectId)}"]`) : null;
    if (at && grid && (await grid.focusCell(at.rowId, at.field))) return;
    this.#host.shadowRoot?.querySelector<HTMLElement>('[data-testid="library-toggle"]')?.focus();
  }
}
