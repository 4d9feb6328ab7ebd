import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * Last-resort cleanup. Sections clean up in `finally`; these synchronous hooks run on
 * `process.exit` (also after Ctrl+C, which run.ts turns into an exit) so an interrupted bench
 * leaves neither child processes nor temporary folders behind.
 */
const hooks = new Set<() => void>();
process.on('exit', () => {
  for (const hook of hooks) {
    try {
      hook();
    } catch {
      // best effort: the process is exiting anyway
    }
  }
});

/** Runs `hook` synchronously when the process exits; the returned function unregisters it. */
export function onExit(hook: () => void): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/** A temporary folder that is removed by `remove()`, or at exit if nobody removed it. */
export interface TempDir {
  path: string;
  remove(): Promise<void>;
}

/** Creates a folder `<tmp>/<prefix>XXXXXX`. */
export async function makeTempDir(prefix: string): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  const unregister = onExit(() => rmSync(path, { recursive: true, force: true }));
  return {
    path,
    remove: async () => {
      unregister();
      await rm(path, { recursive: true, force: true });
    },
  };
}
