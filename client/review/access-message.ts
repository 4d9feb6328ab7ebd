import type { AccessMessage } from '../../shared/review/access-message.ts';

/** Fired by a document session when the server pushed a new access decision (role, read-only, status). */
export class AccessChangeEvent extends Event {
  static readonly eventName = 'access-change';
  readonly access: AccessMessage;

  constructor(access: AccessMessage) {
    super(AccessChangeEvent.eventName);
    this.access = access;
  }
}
