const loading = new Map<string, Promise<unknown>>();

/**
 * Loads the module that defines the element `tag`, unless it is defined or on its way. Elements a
 * document's first paint does not need (the other pages, side panels, popovers) live in chunks of
 * their own (Vite splits each dynamic `import()`), so a first visit compiles and evaluates less
 * before it paints. Called where the element is about to render: it upgrades once its chunk
 * arrived, and Lit applies the properties set on it before. A failed load (offline before the
 * service worker kept the chunk) leaves it blank, and the next call tries again.
 */
export function loadElement(tag: string, load: () => Promise<unknown>): void {
  if (customElements.get(tag) || loading.has(tag)) return;
  loading.set(tag, load().catch(() => undefined).finally(() => loading.delete(tag)));
}
