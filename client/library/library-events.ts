import type { LibraryItem } from '../../shared/library/index.ts';

/** Fired by `<library-panel>` to put an entry into the table: a new row below the current one, or into the current row. */
export class LibraryApplyEvent extends Event {
  static readonly eventName = 'library-apply';
  readonly item: LibraryItem;
  readonly mode: 'insert' | 'fill';

  constructor(item: LibraryItem, mode: 'insert' | 'fill') {
    super(LibraryApplyEvent.eventName, { bubbles: true, composed: true });
    this.item = item;
    this.mode = mode;
  }
}

/** Fired by `<library-panel>` when it is to close (Esc, ×); focus goes back to the table. */
export class LibraryCloseEvent extends Event {
  static readonly eventName = 'library-close';

  constructor() {
    super(LibraryCloseEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'library-apply': LibraryApplyEvent;
    'library-close': LibraryCloseEvent;
  }
}
