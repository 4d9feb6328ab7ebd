import { Hocuspocus, type Extension, type HookName, type HookPayloadByName } from '@hocuspocus/server';

/**
 * The extensions that implement each hook, per instance, and the extension list they were found
 * in. Kept outside the instance: Hocuspocus' constructor dispatches a hook before a subclass's
 * fields exist.
 */
const owners = new WeakMap<Hocuspocus, { of: readonly Extension[]; count: number; byHook: Map<HookName, Extension[]> }>();

/**
 * Hocuspocus with the same hook dispatch, except that which extensions implement a hook is found
 * once per hook name, not by testing every extension on every call. Every update passes three
 * hooks (`beforeHandleMessage`, `beforeSync`, `onChange`), and with jixiao's ten extensions each
 * call tested all ten, on objects of ten classes (issue 15). The list is found again whenever the
 * extensions change (`configure`).
 */
export class JixiaoHocuspocus extends Hocuspocus {
  override hooks<T extends HookName>(name: T, payload: HookPayloadByName[T], callback: ((...args: unknown[]) => unknown) | null = null): Promise<unknown> {
    const { extensions } = this.configuration;
    let cache = owners.get(this);
    if (cache?.of !== extensions || cache.count !== extensions.length) owners.set(this, (cache = { of: extensions, count: extensions.length, byHook: new Map() }));
    let byHook = cache.byHook.get(name);
    if (!byHook) {
      byHook = extensions.filter((extension) => typeof extension[name] === 'function');
      cache.byHook.set(name, byHook);
    }
    // As Hocuspocus' own: in priority order, each after the last, a failure logged and passed on.
    let chain: Promise<unknown> = Promise.resolve();
    for (const extension of byHook) {
      chain = chain
        .then(() => (extension[name] as ((p: HookPayloadByName[T]) => unknown) | undefined)?.(payload))
        .catch((error: unknown) => {
          if ((error as Error | null)?.message) console.error(`[${name}]`, (error as Error).message);
          throw error;
        });
      if (callback) chain = chain.then((...args: unknown[]) => callback(...args));
    }
    return chain;
  }
}
