import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { signToken } from '../../server/auth/tokens.ts';
import { DocStore } from '../../server/storage/doc-store.ts';
import { PostgresKvStore } from '../../server/storage/postgres-kv.ts';
import { editText, setIndicatorField, toBudgetJson } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { startPostgres, type PostgresService } from '../helpers/postgres-service.ts';
import { startRedis, type RedisService } from '../helpers/redis-service.ts';
import { spawnServer, type ServerProcess } from '../helpers/server-process.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/test-client.ts';
import { api } from '../helpers/test-server.ts';

const SECRET = 'scale-out-kill-secret-0123456789';
const key = { secret: new TextEncoder().encode(SECRET), source: 'env' as const };

describe('an instance killed with SIGKILL while its clients type', () => {
  let postgres: PostgresService;
  let redis: RedisService;
  let databaseUrl = '';
  let dataDir = '';
  const procs: ServerProcess[] = [];
  const clients: TestClient[] = [];
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    databaseUrl = await postgres.createDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'jixiao-kill2-'));
  }, 60_000);
  afterAll(async () => {
    clients.splice(0).forEach((c) => c.destroy());
    for (const p of procs) {
      p.child.kill('SIGKILL');
      await p.exited;
    }
    await redis?.stop();
    await postgres?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loses nothing acknowledged; its clients move to the other instance and converge; the other keeps serving', async () => {
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url };
    const [a, b] = await Promise.all([spawnServer(dataDir, SECRET, 0, env), spawnServer(dataDir, SECRET, 0, env)]);
    procs.push(a, b);
    const alice = await signToken(key, { sub: 'alice', name: '张三', role: 'owner' });
    const bob = await signToken(key, { sub: 'bob', name: '李四', role: 'editor' });
    const id = ((await api(a, 'POST', '/api/docs', { token: alice, body: makeSmallBudgetText() })).body as { id: string }).id;
    const onA = connectClient(a.wsUrl, id, alice);
    const onB = connectClient(b.wsUrl, id, bob);
    clients.push(onA, onB);
    await Promise.all([onA.synced, onB.synced]);
    const typed = () => toBudgetJson(onA.doc).overview.safeguards;
    const type = (n: number) => {
      for (let i = 0; i < n; i++) editText(onA.doc, { section: 'safeguards' }, typed().length, 0, String.fromCharCode(0x4e00 + (typed().length % 500)));
    };
    for (let round = 0; round < 10; round++) {
      type(10);
      setIndicatorField(onB.doc, 'p-vehicles', 'v-qty', 'value', `≥${round}辆`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await onA.acknowledged();
    const acknowledged = typed();
    // Mid-typing: thirty more keystrokes go out one by one and the instance dies among them.
    const killed = (async () => {
      for (let i = 0; i < 30; i++) {
        type(1);
        if (i === 15) a.child.kill('SIGKILL');
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    expect(await a.exited).toBe('SIGKILL');
    await killed;
    const all = typed();

    // Straight from PostgreSQL: every acknowledged keystroke is committed.
    const store = new DocStore(new PostgresKvStore(databaseUrl, 2));
    await store.open();
    const stored = new Y.Doc();
    for (const u of (await store.loadUpdates(id)) ?? []) Y.applyUpdate(stored, u);
    await store.close();
    expect(toBudgetJson(stored).overview.safeguards.startsWith(acknowledged)).toBe(true);

    // The surviving instance kept serving its client all along.
    setIndicatorField(onB.doc, 'p-vehicles', 'v-qty', 'value', '≥99辆');
    await onB.acknowledged();
    // Alice's tab reconnects through the balancer, which now sends it to B; it re-sends what B lacks.
    onA.provider.destroy();
    const moved = connectClient(b.wsUrl, id, alice, { doc: onA.doc });
    clients.push(moved);
    await moved.synced;
    await moved.acknowledged();
    await waitFor(() => JSON.stringify(toBudgetJson(onB.doc)) === JSON.stringify(toBudgetJson(moved.doc)), 10_000, 'both clients converging on B');
    expect(toBudgetJson(onB.doc).overview.safeguards).toBe(all);
    expect(toBudgetJson(onB.doc).projects[1]!.indicators.find((r) => r.id === 'v-qty')?.value).toBe('≥99辆');
  });
});
