import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SessionStateEvent, type DocSession, type SessionState } from './doc-session.ts';

/** Re-renders its host when the connection or save state of a {@link DocSession} changes. */
export class SessionController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #session: DocSession | null = null;
  #connected = false;
  readonly #onState = (): void => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The state of the current session; null without one. */
  get state(): SessionState | null {
    return this.#session?.state ?? null;
  }

  /** Follows `session` from now on (call from the host's `willUpdate` when its session changes). */
  setSession(session: DocSession | null): void {
    if (session === this.#session) return;
    this.#unsubscribe();
    this.#session = session;
    if (this.#connected) this.#subscribe();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe();
  }

  #subscribe(): void {
    this.#session?.addEventListener(SessionStateEvent.eventName, this.#onState);
  }

  #unsubscribe(): void {
    this.#session?.removeEventListener(SessionStateEvent.eventName, this.#onState);
  }
}
