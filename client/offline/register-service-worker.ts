import { whenIdle } from '../idle.ts';

/** At the latest this long after the page loaded, the service worker registers anyway (ms). */
const REGISTER_AT_LATEST_MS = 10_000;

/** Whether this page can be reloaded offline: browsers allow service workers only in secure contexts (https, localhost). */
export function offlineReloadAvailable(): boolean {
  return window.isSecureContext && 'serviceWorker' in navigator;
}

/**
 * Fired on `window` by the document page once it painted the document's content: the service
 * worker registers after it (see {@link registerServiceWorker}).
 */
export class ContentPaintedEvent extends Event {
  static readonly eventName = 'jixiao-content-painted';

  constructor() {
    super(ContentPaintedEvent.eventName);
  }
}

/**
 * Registers /sw.js, which keeps the built client for offline reloads. Over plain http the page
 * says offline reload is unavailable instead (see `<offline-edits>`); everything else works.
 *
 * Not at once: installing it fetches every built file and Chromium compiles each script eagerly
 * for its code cache (~300 ms, then ~250 ms serialising, for the main chunk here), on a thread of
 * the page's own process. On a first visit that competed with the document's sync and first paint
 * on a two-core machine, so with `afterContent` it waits for a {@link ContentPaintedEvent} (at the
 * latest {@link REGISTER_AT_LATEST_MS} after load); without, for the load event. Then for idle.
 */
export function registerServiceWorker(afterContent: boolean): void {
  if (!offlineReloadAvailable()) return;
  let started = false;
  const register = (): void => {
    if (started) return;
    started = true;
    window.removeEventListener(ContentPaintedEvent.eventName, register);
    // A failed registration (a dev server without the built worker) only costs offline reload.
    whenIdle(() => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined), 1_000);
  };
  const loaded = (): void => {
    if (!afterContent) return register();
    window.addEventListener(ContentPaintedEvent.eventName, register);
    setTimeout(register, REGISTER_AT_LATEST_MS);
  };
  if (document.readyState === 'complete') loaded();
  else window.addEventListener('load', loaded, { once: true });
}
