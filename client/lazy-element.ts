const loading = new Map<string, Promise<unknown>>();

/**
 * Whether the element `tag` is defined; if not, loads the module that defines it (`load`, once at
 * a time) and asks `host` to render again when it is. Elements a document's first paint does not
 * need (the other pages, side panels, popovers) live in chunks of their own (Vite splits each
 * dynamic `import()`), so a first visit compiles and evaluates less before it paints. Hosts render
 * such an element only once this says it is defined: created before, it would upgrade after its
 * properties were set and miss them in `connectedCallback`. A failed load (offline before the
 * service worker kept the chunk) leaves the place empty, and the next render tries again.
 */
export function elementReady(tag: string, load: () => Promise<unknown>, host: { requestUpdate(): void }): boolean {
  if (customElements.get(tag)) return true;
  if (!loading.has(tag)) loading.set(tag, load().catch(() => undefined).finally(() => loading.delete(tag)));
  void customElements.whenDefined(tag).then(() => host.requestUpdate());
  return false;
}
