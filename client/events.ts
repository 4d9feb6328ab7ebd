import type { Finding, IndicatorHierarchy } from '../shared/rules/index.ts';
import type { User } from './api/api-schemas.ts';
import type { CollabCursor, Peer } from './collab/peer.ts';
import type { RowCommand } from './grid/grid-navigation.ts';

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

/** Fired by the row menu when the user picks a row command. */
export class RowCommandEvent extends Event {
  static readonly eventName = 'row-command';
  readonly command: RowCommand;

  constructor(command: RowCommand) {
    super(RowCommandEvent.eventName, { bubbles: true, composed: true });
    this.command = command;
  }
}

/** Fired by a cell's choice list when the user picks a value. */
export class ChoicePickEvent extends Event {
  static readonly eventName = 'choice-pick';
  readonly value: string;

  constructor(value: string) {
    super(ChoicePickEvent.eventName, { bubbles: true, composed: true });
    this.value = value;
  }
}

/** Fired by the presence bar when the user asks to go to where a colleague is. */
export class PeerJumpEvent extends Event {
  static readonly eventName = 'peer-jump';
  readonly peer: Peer;

  constructor(peer: Peer) {
    super(PeerJumpEvent.eventName, { bubbles: true, composed: true });
    this.peer = peer;
  }
}

/** Fired by a menu or popup that closed itself (Esc, a pick, a click elsewhere). */
export class PopupCloseEvent extends Event {
  static readonly eventName = 'popup-close';

  constructor() {
    super(PopupCloseEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired by the problems panel when the user picks a finding: show and focus its cell or field. */
export class FindingSelectEvent extends Event {
  static readonly eventName = 'finding-select';
  readonly finding: Finding;

  constructor(finding: Finding) {
    super(FindingSelectEvent.eventName, { bubbles: true, composed: true });
    this.finding = finding;
  }
}

/** Fired by the problems panel when the user asks for a finding's one-click fix (`finding.fix` is set). */
export class FindingFixEvent extends Event {
  static readonly eventName = 'finding-fix';
  readonly finding: Finding;

  constructor(finding: Finding) {
    super(FindingFixEvent.eventName, { bubbles: true, composed: true });
    this.finding = finding;
  }
}

/** Fired when the user picks the indicator hierarchy the document is validated against. */
export class HierarchyChangeEvent extends Event {
  static readonly eventName = 'hierarchy-change';
  readonly hierarchy: IndicatorHierarchy;

  constructor(hierarchy: IndicatorHierarchy) {
    super(HierarchyChangeEvent.eventName, { bubbles: true, composed: true });
    this.hierarchy = hierarchy;
  }
}

/** Fired by the problems panel's close button. */
export class ProblemsCloseEvent extends Event {
  static readonly eventName = 'problems-close';

  constructor() {
    super(ProblemsCloseEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired once an imported file has become a new document. */
export class DocImportedEvent extends Event {
  static readonly eventName = 'doc-imported';
  /** Id of the new document. */
  readonly id: string;

  constructor(id: string) {
    super(DocImportedEvent.eventName, { bubbles: true, composed: true });
    this.id = id;
  }
}

declare global {
  interface HTMLElementEventMap {
    'cursor-change': CursorChangeEvent;
    'signed-in': SignedInEvent;
    'sign-out': SignOutEvent;
    'amount-change': AmountChangeEvent;
    'finding-select': FindingSelectEvent;
    'finding-fix': FindingFixEvent;
    'hierarchy-change': HierarchyChangeEvent;
    'problems-close': ProblemsCloseEvent;
    'doc-imported': DocImportedEvent;
    'row-command': RowCommandEvent;
    'choice-pick': ChoicePickEvent;
    'peer-jump': PeerJumpEvent;
    'popup-close': PopupCloseEvent;
  }
}
