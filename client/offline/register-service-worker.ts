/** Whether this page can be reloaded offline: browsers allow service workers only in secure contexts (https, localhost). */
export function offlineReloadAvailable(): boolean {
  return window.isSecureContext && 'serviceWorker' in navigator;
}

/**
 * Registers /sw.js, which keeps the built client for offline reloads. Over plain http the page
 * says offline reload is unavailable instead (see `<offline-edits>`); everything else works.
 */
export function registerServiceWorker(): void {
  if (!offlineReloadAvailable()) return;
  // A failed registration (a dev server without the built worker) only costs offline reload.
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}
