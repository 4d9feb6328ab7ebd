import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onExit } from './exit-hooks.ts';
import type { ManyDocsCommand, ManyDocsReply, ManyDocsShare } from './many-docs-client.ts';
import { withTimeout } from './timing.ts';

/** Client processes the editors are split over, so the client side is never the bottleneck. */
const CLIENT_PROCESSES = 4;

/** Editors of many documents, split over several processes (many-docs-client.ts). */
export interface ManyDocsClients {
  /** Edits `edits` cells in all, one every `intervalMs` over all processes; latencies in ms. */
  edit(edits: number, intervalMs: number, tag: string): Promise<{ seen: number[]; acked: number[] }>;
  /** Closes every editor and ends the processes; never rejects. */
  close(): Promise<void>;
}

/** Forks the client processes and opens two editors on every document of `docs`; resolves once all are synced. */
export async function openManyDocsClients(docs: ManyDocsShare[], timeoutMs: number): Promise<ManyDocsClients> {
  const path = fileURLToPath(new URL('./many-docs-client.ts', import.meta.url));
  const children: ChildProcess[] = [];
  const unregister = onExit(() => children.forEach((c) => c.kill('SIGKILL')));
  const ask = (child: ChildProcess, command: ManyDocsCommand, what: string) =>
    withTimeout(
      new Promise<ManyDocsReply>((resolve, reject) => {
        child.once('message', (reply: ManyDocsReply) => (reply.type === 'failed' ? reject(new Error(`client process: ${reply.message}`)) : resolve(reply)));
        child.once('exit', () => reject(new Error('client process exited')));
        child.send(command);
      }),
      timeoutMs,
      what,
    );
  const close = async () => {
    await Promise.all(
      children.map(async (c) => {
        if (c.exitCode !== null) return;
        const exited = new Promise((r) => c.once('exit', r));
        if (c.connected) c.disconnect();
        await withTimeout(exited, 5_000, 'client process to exit').catch(() => c.kill('SIGKILL'));
      }),
    );
    unregister();
  };
  try {
    for (let k = 0; k < CLIENT_PROCESSES; k++) children.push(fork(path, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    await Promise.all(children.map((c, k) => ask(c, { type: 'open', docs: docs.filter((_, i) => i % CLIENT_PROCESSES === k) }, `${docs.length} documents to open`)));
  } catch (error) {
    await close();
    throw error;
  }
  return {
    edit: async (edits, intervalMs, tag) => {
      const replies = await Promise.all(
        children.map((c, k) => ask(c, { type: 'edit', edits: Math.round(edits / CLIENT_PROCESSES), intervalMs: intervalMs * CLIENT_PROCESSES, tag: `${tag}.${k}.` }, 'edits to arrive')),
      );
      const seen: number[] = [];
      const acked: number[] = [];
      for (const r of replies) {
        if (r.type !== 'edited') continue;
        seen.push(...r.seen);
        acked.push(...r.acked);
      }
      return { seen, acked };
    },
    close,
  };
}
