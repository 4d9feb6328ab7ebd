import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DocSession } from './doc-session.ts';
import { toPeer, type Peer } from './peer.ts';

type Awareness = DocSession['awareness'];

/**
 * Keeps the list of people in the document (from awareness) and re-renders its host when
 * someone joins, leaves or moves their cursor. Only real changes count, not the periodic renewal.
 */
export class AwarenessController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #awareness: Awareness | null = null;
  #connected = false;
  #peers: Peer[] = [];
  readonly #onChange = (): void => {
    this.#read();
    this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Everyone connected, this tab included, ordered by client id so the list does not jump. */
  get peers(): readonly Peer[] {
    return this.#peers;
  }

  /** Follows `awareness` from now on (call from the host's `willUpdate` when its session changes). */
  setAwareness(awareness: Awareness | null): void {
    if (awareness === this.#awareness) return;
    this.#awareness?.off('change', this.#onChange);
    this.#awareness = awareness;
    if (this.#connected) this.#subscribe();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#awareness?.off('change', this.#onChange);
  }

  #subscribe(): void {
    this.#awareness?.on('change', this.#onChange);
    this.#read();
  }

  #read(): void {
    const peers: Peer[] = [];
    this.#awareness?.getStates().forEach((state, clientId) => {
      const peer = toPeer(clientId, state);
      if (peer) peers.push(peer);
    });
    this.#peers = peers.sort((a, b) => a.clientId - b.clientId);
  }
}
