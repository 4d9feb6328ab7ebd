import { html, type TemplateResult } from 'lit';
import type { RowCommandEvent } from '../events.ts';
import type { DocReview } from '../review/doc-review.ts';
import { ReviewActionEvent } from '../review/review-events.ts';
import { reviewMenuItems } from '../review/review-menu-items.ts';
import type { ReviewTarget } from '../review/review-target.ts';
import type { RowCommand } from './grid-navigation.ts';
import type { RangeBounds } from './grid-selection.ts';
import type { ExtraMenuItem } from './row-menu.ts';
import './row-menu.ts';

/** The open row menu of a grid: where it is and what it offers. */
export interface GridMenuView {
  /** Viewport coordinates of the menu's corner. */
  x: number;
  y: number;
  /** The selected rows, which the row commands act on; null without a selection. */
  bounds: RangeBounds | null;
  rowCount: number;
  /** Whether the row commands are offered (not in a read-only grid or in 建议模式). */
  rows: boolean;
  /** The review's items (comment, history, suggestions) below the row commands. */
  extra: ExtraMenuItem[];
  /** Closes the menu (Esc, a pick, a click outside). */
  close(): void;
  command(command: RowCommand): void;
}

/** The row menu with a backdrop that closes it on any click outside. */
export function gridMenuTemplate(v: GridMenuView): TemplateResult {
  const disabled = new Set<RowCommand>();
  if (!v.bounds || v.bounds.top === 0) disabled.add('moveUp');
  if (!v.bounds || v.bounds.bottom >= v.rowCount - 1) disabled.add('moveDown');
  return html`<div class="backdrop" @pointerdown=${v.close} @contextmenu=${(e: Event) => (e.preventDefault(), v.close())}></div>
    <row-menu .x=${v.x} .y=${v.y} .disabled=${disabled} .extra=${v.extra}
      ?rows=${v.rows} @popup-close=${v.close} @row-command=${(e: RowCommandEvent) => v.command(e.command)}></row-menu>`;
}

/**
 * The review's menu items at cell `place` (comment, history, suggest a row change), each firing a
 * {@link ReviewActionEvent} from `host` anchored at the cell `anchor()` returns; none without a review.
 */
export function gridReviewItems(host: EventTarget, place: ReviewTarget | null, review: DocReview | null, anchor: () => HTMLElement | null): ExtraMenuItem[] {
  if (!place || !review) return [];
  return reviewMenuItems(place, review.may).map((item) => ({
    id: item.id,
    label: item.label,
    ...(item.keys ? { keys: item.keys } : {}),
    run: () => host.dispatchEvent(new ReviewActionEvent(item.action, item.place, anchor())),
  }));
}
