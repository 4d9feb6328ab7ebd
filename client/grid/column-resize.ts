import { html } from 'lit';
import type { IndicatorField } from '../../shared/model/index.ts';
import { t } from '../i18n/i18n.ts';
import { ColumnResizeEvent } from './column-resize-event.ts';
import { clampColumnWidth, COLUMN_WIDTH_LIMITS, COLUMN_WIDTH_STEP } from './column-widths.ts';

// The header cell whose right border `handle` is, and its width now.
function headerWidth(handle: HTMLElement): number {
  return handle.closest('[role="columnheader"]')?.getBoundingClientRect().width ?? COLUMN_WIDTH_LIMITS.min;
}

// The column's width, into its border's `aria-valuenow` as a screen reader reads it.
function showColumnWidth(handle: HTMLElement): void {
  handle.setAttribute('aria-valuenow', String(Math.round(headerWidth(handle))));
}

function onPointerDown(event: PointerEvent, field: IndicatorField): void {
  if (event.button !== 0) return;
  // The grid's own pointer handling would start a cell selection.
  event.stopPropagation();
  event.preventDefault();
  const handle = event.currentTarget as HTMLElement;
  const startX = event.clientX;
  const startWidth = headerWidth(handle);
  handle.setPointerCapture(event.pointerId);
  const move = (e: PointerEvent) => {
    handle.dispatchEvent(new ColumnResizeEvent(field, clampColumnWidth(startWidth + e.clientX - startX)));
    showColumnWidth(handle);
  };
  const end = () => {
    handle.removeEventListener('pointermove', move);
    handle.removeEventListener('pointerup', end);
    handle.removeEventListener('pointercancel', end);
  };
  handle.addEventListener('pointermove', move);
  handle.addEventListener('pointerup', end);
  handle.addEventListener('pointercancel', end);
}

function onKeyDown(event: KeyboardEvent, field: IndicatorField): void {
  const handle = event.currentTarget as HTMLElement;
  const step = COLUMN_WIDTH_STEP * (event.shiftKey ? 4 : 1);
  let width: number | null;
  if (event.key === 'ArrowRight') width = clampColumnWidth(headerWidth(handle) + step);
  else if (event.key === 'ArrowLeft') width = clampColumnWidth(headerWidth(handle) - step);
  else if (event.key === 'Home') width = null;
  else return;
  // Handled here: the grid must not also move its active cell.
  event.preventDefault();
  event.stopPropagation();
  handle.dispatchEvent(new ColumnResizeEvent(field, width));
  requestAnimationFrame(() => showColumnWidth(handle));
}

/**
 * The draggable right border of a column header: a focusable WAI-ARIA separator that resizes
 * the column with the pointer or with ←/→ (Shift: larger steps) and Home (default width).
 */
export function columnResizeHandle(field: IndicatorField, columnName: string) {
  return html`<span class="col-resize" role="separator" tabindex="0" aria-orientation="vertical" data-testid="col-resize-${field}"
    aria-valuemin=${COLUMN_WIDTH_LIMITS.min} aria-valuemax=${COLUMN_WIDTH_LIMITS.max} aria-valuenow=${COLUMN_WIDTH_LIMITS.min}
    aria-label=${t('sheet.resizeColumn', { column: columnName })} title=${t('sheet.resizeColumn', { column: columnName })}
    @pointerdown=${(e: PointerEvent) => onPointerDown(e, field)} @keydown=${(e: KeyboardEvent) => onKeyDown(e, field)}
    @focus=${(e: FocusEvent) => showColumnWidth(e.currentTarget as HTMLElement)}></span>`;
}
