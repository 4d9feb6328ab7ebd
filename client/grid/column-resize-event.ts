import type { IndicatorField } from '../../shared/model/index.ts';

/** Fired (bubbling, composed) by a grid whose column border was dragged or moved with the keyboard. */
export class ColumnResizeEvent extends Event {
  static readonly eventName = 'column-resize';
  /** The column. */
  readonly field: IndicatorField;
  /** Its new width in CSS pixels (clamped); null to go back to the default. */
  readonly width: number | null;

  constructor(field: IndicatorField, width: number | null) {
    super(ColumnResizeEvent.eventName, { bubbles: true, composed: true });
    this.field = field;
    this.width = width;
  }
}

declare global {
  interface HTMLElementEventMap {
    'column-resize': ColumnResizeEvent;
  }
}
