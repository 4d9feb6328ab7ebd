import type { Thread } from '../../shared/review/review-types.ts';
import type { ReviewTarget } from './review-target.ts';

/** What the user asked to do at a place: comment on it, see its threads or history, or suggest a row change. */
export type ReviewAction = 'comment' | 'threads' | 'history' | 'suggest-insert' | 'suggest-delete';

/**
 * Fired (bubbling, composed) by a cell, field, text or menu when the user asks for a review
 * action at `place`; `anchor` is the element to show the popover next to.
 */
export class ReviewActionEvent extends Event {
  static readonly eventName = 'review-action';
  readonly action: ReviewAction;
  readonly place: ReviewTarget;
  readonly anchor: HTMLElement | null;

  constructor(action: ReviewAction, place: ReviewTarget, anchor: HTMLElement | null) {
    super(ReviewActionEvent.eventName, { bubbles: true, composed: true });
    this.action = action;
    this.place = place;
    this.anchor = anchor;
  }
}

/** Fired when the user, in suggest mode, committed `value` for a cell or header field instead of writing it. */
export class SuggestValueEvent extends Event {
  static readonly eventName = 'suggest-value';
  readonly place: ReviewTarget;
  readonly value: string | number | null;

  constructor(place: ReviewTarget, value: string | number | null) {
    super(SuggestValueEvent.eventName, { bubbles: true, composed: true });
    this.place = place;
    this.value = value;
  }
}

/** Fired when an editor accepts or rejects suggestion `id`. */
export class SuggestionDecideEvent extends Event {
  static readonly eventName = 'suggestion-decide';
  readonly id: string;
  readonly accept: boolean;

  constructor(id: string, accept: boolean) {
    super(SuggestionDecideEvent.eventName, { bubbles: true, composed: true });
    this.id = id;
    this.accept = accept;
  }
}

/** Fired when an editor accepts every open suggestion of reviewer `author` (a sub). */
export class SuggestionsAcceptAllEvent extends Event {
  static readonly eventName = 'suggestions-accept-all';
  readonly author: string;
  readonly name: string;

  constructor(author: string, name: string) {
    super(SuggestionsAcceptAllEvent.eventName, { bubbles: true, composed: true });
    this.author = author;
    this.name = name;
  }
}

/** Fired when the user picks a thread in the comments panel: show and select its anchor. */
export class ThreadSelectEvent extends Event {
  static readonly eventName = 'thread-select';
  readonly thread: Thread;

  constructor(thread: Thread) {
    super(ThreadSelectEvent.eventName, { bubbles: true, composed: true });
    this.thread = thread;
  }
}

/** Fired when the user asks to go to a place (a suggestion's cell, a finding): show and focus it. */
export class PlaceSelectEvent extends Event {
  static readonly eventName = 'place-select';
  readonly place: ReviewTarget;

  constructor(place: ReviewTarget) {
    super(PlaceSelectEvent.eventName, { bubbles: true, composed: true });
    this.place = place;
  }
}

/** A short message for the user, with an optional action (e.g. 撤销). */
export interface ToastRequest {
  message: string;
  tone?: 'info' | 'error';
  action?: { label: string; run: () => void };
}

/** Fired by anything that has news for the user; the nearest review layer shows it as a toast. */
export class ToastEvent extends Event {
  static readonly eventName = 'toast';
  readonly toast: ToastRequest;

  constructor(toast: ToastRequest) {
    super(ToastEvent.eventName, { bubbles: true, composed: true });
    this.toast = toast;
  }
}

/** Fired by a side panel's close button; `panel` names which one. */
export class PanelCloseEvent extends Event {
  static readonly eventName = 'panel-close';
  readonly panel: string;

  constructor(panel: string) {
    super(PanelCloseEvent.eventName, { bubbles: true, composed: true });
    this.panel = panel;
  }
}

declare global {
  interface HTMLElementEventMap {
    'review-action': ReviewActionEvent;
    'suggest-value': SuggestValueEvent;
    'suggestion-decide': SuggestionDecideEvent;
    'suggestions-accept-all': SuggestionsAcceptAllEvent;
    'thread-select': ThreadSelectEvent;
    'place-select': PlaceSelectEvent;
    toast: ToastEvent;
    'panel-close': PanelCloseEvent;
  }
}
