/** Fired (bubbling, composed) to show another page of the app without reloading, e.g. a document just created. */
export class NavigateEvent extends Event {
  static readonly eventName = 'app-navigate';
  /** The path to show, e.g. `/docs/<id>`. */
  readonly path: string;

  constructor(path: string) {
    super(NavigateEvent.eventName, { bubbles: true, composed: true });
    this.path = path;
  }
}

declare global {
  interface HTMLElementEventMap {
    'app-navigate': NavigateEvent;
  }
}
