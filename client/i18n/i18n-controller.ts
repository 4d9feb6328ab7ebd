import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onLanguageChanged } from './i18n.ts';

/** Re-renders its host whenever the interface language changes. */
export class I18nController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #unsubscribe: (() => void) | null = null;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = onLanguageChanged(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }
}
