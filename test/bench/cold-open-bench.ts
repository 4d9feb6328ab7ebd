import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { loadSigningKey, signToken } from '../../server/auth/tokens.ts';
import { toBudgetYDoc } from '../../shared/model/index.ts';
import { makeLargeBudgetText } from '../fixtures/make-large-budget-text.ts';
import { connectHocuspocusClient } from './bench-clients.ts';
import { makeTempDir } from './exit-hooks.ts';
import { forkServer } from './server-child.ts';
import { formatNumber, formatRatio, formatTable, median } from './stats.ts';
import { sleep } from './timing.ts';

/** Stored documents opened once each (every open is cold: nobody else has it open). */
const OPENS = 9;

/**
 * Cold open (issue 15): a 50 × 30 document stored on disk and not loaded; time from a client's
 * connect to its first sync answered. jixiao (auth, LevelDB base, migrations, history attach)
 * against bare Hocuspocus whose `onLoadDocument` applies the same bytes read from LevelDB. Each
 * open is a different stored copy; the servers take turns, so machine hiccups hit both.
 */
export async function runColdOpenBench(): Promise<void> {
  const text = makeLargeBudgetText(50, 30);
  const ydoc = toBudgetYDoc(text);
  const bytes = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  console.log(`A ${text.projects.length} × 30 document (${formatNumber(bytes.length / 1024, 0)} KiB as a Yjs update), ${OPENS} stored copies per server, each opened once by a new client.\n`);
  const ours = await makeTempDir('jixiao-bench-cold-');
  const theirs = await makeTempDir('hocuspocus-bench-cold-');
  const secret = randomBytes(32).toString('base64url');
  const file = join(theirs.path, 'doc.bin');
  await writeFile(file, bytes);
  const jixiao = await forkServer('jixiao (cold open)', 'jixiao-server.ts', { BENCH_DATA_DIR: ours.path, BENCH_JWT_SECRET: secret });
  const bare = await forkServer('Hocuspocus + LevelDB (cold open)', 'hocuspocus-stored-server.ts', { BENCH_DATA_DIR: join(theirs.path, 'db'), BENCH_COLD_FILE: file, BENCH_COLD_COPIES: String(OPENS) });
  try {
    const key = await loadSigningKey(ours.path, secret);
    const token = await signToken(key, { sub: 'bench-owner', name: '基准测试', role: 'editor' });
    const ids: string[] = [];
    for (let i = 0; i < OPENS; i++) {
      const res = await fetch(`${jixiao.httpUrl}/api/docs`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(text) });
      ids.push(((await res.json()) as { id: string }).id);
    }
    const times = { jixiao: [] as number[], bare: [] as number[] };
    const open = async (url: string, name: string, auth: string | null) => {
      const started = performance.now();
      const client = connectHocuspocusClient(url, name, auth);
      await client.synced;
      const ms = performance.now() - started;
      client.destroy();
      await sleep(200);
      return ms;
    };
    for (let i = 0; i < OPENS; i++) {
      times.jixiao.push(await open(`${jixiao.wsUrl}/collab/${ids[i]}`, ids[i] as string, token));
      times.bare.push(await open(bare.wsUrl, `cold-${i}`, null));
    }
    const row = (label: string, pick: (t: number[]) => number) => [label, formatNumber(pick(times.jixiao), 1), formatNumber(pick(times.bare), 1), formatRatio(pick(times.jixiao), pick(times.bare))];
    console.log(
      formatTable(
        ['connect → first sync (ms)', 'jixiao', 'Hocuspocus + LevelDB', 'ratio'],
        [row('first open after start', (t) => t[0] ?? NaN), row(`median of the next ${OPENS - 1}`, (t) => median(t.slice(1))), row('max of the next', (t) => Math.max(...t.slice(1)))],
      ),
    );
    console.log('\nTarget (issue 15): cold open ≤ 1.2× bare Hocuspocus opening the same bytes.');
  } finally {
    await Promise.all([jixiao.stop(), bare.stop()]);
    await Promise.all([ours.remove(), theirs.remove()]);
  }
}
