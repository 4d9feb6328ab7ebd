import type { User } from './api/api-schemas.ts';
import type { CollabCursor } from './collab/peer.ts';

/** Fired (bubbling, composed) when the user starts or stops working somewhere in the document. */
export class CursorChangeEvent extends Event {
  static readonly eventName = 'cursor-change';
  /** Where the user now works; null when focus left the document. */
  readonly cursor: CollabCursor | null;

  constructor(cursor: CollabCursor | null) {
    super(CursorChangeEvent.eventName, { bubbles: true, composed: true });
    this.cursor = cursor;
  }
}

/** Fired by the sign-in page once a token has been verified. */
export class SignedInEvent extends Event {
  static readonly eventName = 'signed-in';
  readonly token: string;
  readonly user: User;

  constructor(token: string, user: User) {
    super(SignedInEvent.eventName, { bubbles: true, composed: true });
    this.token = token;
    this.user = user;
  }
}

/** Fired by the top bar when the user asks to sign out. */
export class SignOutEvent extends Event {
  static readonly eventName = 'sign-out';

  constructor() {
    super(SignOutEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired by an amount field when its value changed to a valid amount (null = blank). */
export class AmountChangeEvent extends Event {
  static readonly eventName = 'amount-change';
  readonly value: number | null;

  constructor(value: number | null) {
    super(AmountChangeEvent.eventName, { bubbles: true, composed: true });
    this.value = value;
  }
}

declare global {
  interface HTMLElementEventMap {
    'cursor-change': CursorChangeEvent;
    'signed-in': SignedInEvent;
    'sign-out': SignOutEvent;
    'amount-change': AmountChangeEvent;
  }
}
