import type { Finding } from '../../shared/rules/index.ts';

/** Fired by the problems panel: mark `findings` 已确认 (`on`) or take the marks back. */
export class FindingAcknowledgeEvent extends Event {
  static readonly eventName = 'finding-acknowledge';
  readonly findings: readonly Finding[];
  readonly on: boolean;

  constructor(findings: readonly Finding[], on: boolean) {
    super(FindingAcknowledgeEvent.eventName, { bubbles: true, composed: true });
    this.findings = findings;
    this.on = on;
  }
}

declare global {
  interface HTMLElementEventMap {
    'finding-acknowledge': FindingAcknowledgeEvent;
  }
}
