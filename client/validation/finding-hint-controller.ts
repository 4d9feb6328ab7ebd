import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Finding } from '../../shared/rules/index.ts';

/** A markable element the user points at or works in, by its `data-finding-key`. */
interface HintTarget {
  anchor: HTMLElement;
  key: string;
}

/** What to show: the findings of the element `anchor`. */
export interface FindingHint {
  anchor: HTMLElement;
  findings: readonly Finding[];
}

/** The innermost element of the event's path that carries `data-finding-key`. */
function markedTarget(event: Event): HintTarget | null {
  for (const node of event.composedPath()) {
    if (node === event.currentTarget) return null;
    if (node instanceof HTMLElement && node.dataset['findingKey'] !== undefined) return { anchor: node, key: node.dataset['findingKey'] };
  }
  return null;
}

/**
 * Follows which markable element of its host (one with `data-finding-key`, inside its shadow
 * root) the mouse is over and which one focus is in, so the host can show that element's
 * findings next to it. A hovered element with findings wins over the focused one. Keys, not
 * findings, are remembered: findings that appear on the focused cell after an edit show at once.
 */
export class FindingHintController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #findingsAt: (key: string) => readonly Finding[];
  #hovered: HintTarget | null = null;
  #focused: HintTarget | null = null;

  /** `findingsAt(key)` = the host's current findings for the element with `data-finding-key` = key. */
  constructor(host: ReactiveControllerHost & HTMLElement, findingsAt: (key: string) => readonly Finding[]) {
    this.#host = host;
    this.#findingsAt = findingsAt;
    host.addController(this);
  }

  /** The findings to show now and where; null when there are none. */
  get hint(): FindingHint | null {
    for (const target of [this.#hovered, this.#focused]) {
      if (!target?.anchor.isConnected) continue;
      const findings = this.#findingsAt(target.key);
      if (findings.length > 0) return { anchor: target.anchor, findings };
    }
    return null;
  }

  hostConnected(): void {
    this.#host.addEventListener('focusin', this.#onFocusIn);
    this.#host.addEventListener('focusout', this.#onFocusOut);
    this.#host.addEventListener('mouseover', this.#onMouseOver);
    this.#host.addEventListener('mouseleave', this.#onMouseLeave);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('focusin', this.#onFocusIn);
    this.#host.removeEventListener('focusout', this.#onFocusOut);
    this.#host.removeEventListener('mouseover', this.#onMouseOver);
    this.#host.removeEventListener('mouseleave', this.#onMouseLeave);
    this.#hovered = this.#focused = null;
  }

  readonly #onFocusIn = (event: Event): void => this.#set('focused', markedTarget(event));
  readonly #onFocusOut = (): void => this.#set('focused', null);
  readonly #onMouseOver = (event: Event): void => this.#set('hovered', markedTarget(event));
  readonly #onMouseLeave = (): void => this.#set('hovered', null);

  // Re-renders the host only when what it shows changes, not for every cell the mouse crosses.
  #set(which: 'hovered' | 'focused', next: HintTarget | null): void {
    const before = this.hint;
    if (which === 'hovered') this.#hovered = next;
    else this.#focused = next;
    const after = this.hint;
    if (before?.anchor !== after?.anchor || before?.findings !== after?.findings) this.#host.requestUpdate();
  }
}
