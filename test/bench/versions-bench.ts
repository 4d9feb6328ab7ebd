import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LevelKvStore } from '../../server/storage/level-kv.ts';
import * as Y from 'yjs';
import { toBudgetJson, toBudgetYDoc } from '../../shared/model/budget-ydoc.ts';
import { setIndicatorField } from '../../shared/model/mutations.ts';
import { summarizeFindings, validateBudgetText } from '../../shared/rules/index.ts';
import { VersionStore } from '../../server/storage/version-store.ts';
import { makeLargeBudgetText } from '../fixtures/make-large-budget-text.ts';
import { formatNumber, formatTable, summarize } from './stats.ts';

const SNAPSHOTS = 40;

/**
 * Snapshots of a 50-project document on a real LevelDB: time per snapshot and bytes each adds
 * after a one-cell edit, beside two references in the same run — a full JSON copy of the
 * document and the Yjs state (what a naive snapshot would store).
 */
export async function runVersionsBench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-bench-versions-'));
  const db = new LevelKvStore(dir);
  await db.open();
  try {
    const store = new VersionStore(db);
    const doc = makeLargeBudgetText(50, 30);
    const ydoc = toBudgetYDoc(doc);
    // What the server does per snapshot: read the live document, validate it, store it.
    const snapshot = async () => {
      const json = toBudgetJson(ydoc);
      const summary = summarizeFindings(validateBudgetText(json));
      return store.save('bench', json, { ...meta, summary });
    };
    const meta = { label: 'bench', kind: 'auto' as const, author: { sub: 'bench', name: 'bench' }, summary: { errors: 0, warnings: 0, infos: 0 } };
    const first = await snapshot();
    const times: number[] = [];
    const bytes: number[] = [];
    for (let i = 0; i < SNAPSHOTS; i++) {
      const p = doc.projects[(i * 7) % doc.projects.length]!;
      setIndicatorField(ydoc, p.id, p.indicators[i % p.indicators.length]!.id, 'value', `≥${90 + (i % 10)}%`);
      const t = performance.now();
      const v = await snapshot();
      times.push(performance.now() - t);
      bytes.push(v.bytes);
    }
    const loads: number[] = [];
    const versions = await store.list('bench');
    for (const v of versions.slice(0, 20)) {
      const t = performance.now();
      await store.load('bench', v.id);
      loads.push(performance.now() - t);
    }
    const json = new TextEncoder().encode(JSON.stringify(doc)).length;
    const yjs = Y.encodeStateAsUpdate(toBudgetYDoc(doc)).length;
    const t = summarize(times);
    const l = summarize(loads);
    const b = summarize(bytes);
    console.log(`50 projects × 30 rows on LevelDB; ${SNAPSHOTS} automatic snapshots, each after a one-cell edit.\n`);
    console.log(
      formatTable(
        ['measure', 'jixiao', 'reference', 'ratio'],
        [
          ['snapshot time p50 / p99 (ms; read + validate + store)', `${formatNumber(t.p50, 2)} / ${formatNumber(t.p99, 2)}`, 'target < 50', '–'],
          ['load a version p50 (ms)', formatNumber(l.p50, 2), '–', '–'],
          ['first snapshot (bytes)', formatNumber(first.bytes, 0), `JSON copy ${formatNumber(json, 0)}`, `${formatNumber((first.bytes / json) * 100, 0)}%`],
          ['bytes per automatic snapshot (median)', formatNumber(b.p50, 0), `JSON copy ${formatNumber(json, 0)}`, `${formatNumber((b.p50 / json) * 100, 1)}%`],
          ['bytes per automatic snapshot (median)', formatNumber(b.p50, 0), `Yjs state ${formatNumber(yjs, 0)}`, `${formatNumber((b.p50 / yjs) * 100, 1)}%`],
        ],
      ),
    );
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) await runVersionsBench();
