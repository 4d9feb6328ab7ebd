import { fileURLToPath } from 'node:url';

/**
 * Whether this code runs from the bundle `npm run build` writes to dist/server (build-server.ts,
 * every module in that one folder) rather than from the TypeScript sources under server/.
 */
const BUNDLED = !import.meta.url.endsWith('.ts');

/**
 * A file the server runs or reads beside its code (a worker's entry, the demo seeds), found from
 * the sources or from the bundle: `fromSources` is relative to server/, `fromBundle` to dist/server.
 */
export function serverFile(fromSources: string, fromBundle: string): URL {
  return new URL(BUNDLED ? fromBundle : fromSources, import.meta.url);
}

/** {@link serverFile} as a path. */
export function serverPath(fromSources: string, fromBundle: string): string {
  return fileURLToPath(serverFile(fromSources, fromBundle));
}
