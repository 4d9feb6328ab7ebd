import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { setIndicatorField, toBudgetJson } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { startNginx, type NginxService } from '../helpers/nginx-service.ts';
import { startPostgres, type PostgresService } from '../helpers/postgres-service.ts';
import { startRedis, type RedisService } from '../helpers/redis-service.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

const SECRET = 'load-balancer-secret-0123456789';

// deploy/nginx-jixiao.conf, run by Debian's nginx, in front of two instances on PostgreSQL + Redis.
describe('two instances behind nginx', () => {
  let postgres: PostgresService;
  let redis: RedisService;
  let nginx: NginxService;
  let a: TestServer;
  let b: TestServer;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const databaseUrl = await postgres.createDatabase();
    a = await startTestServer({ databaseUrl, redisUrl: redis.url, jwtSecret: SECRET });
    b = await startTestServer({ databaseUrl, redisUrl: redis.url, jwtSecret: SECRET });
    nginx = await startNginx([a.port, b.port]);
  }, 60_000);
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()));
  afterAll(async () => {
    await nginx?.stop();
    await a?.cleanup();
    await b?.cleanup();
    await redis?.stop();
    await postgres?.stop();
  });

  const holders = (id: string) => [a, b].filter((s) => s.hocuspocus.documents.has(id));

  it('keeps each document on one instance, spreads documents over both, and accepts the browser origin', async () => {
    const token = await a.tokenFor('alice', 'owner', '张三');
    const ids: string[] = [];
    for (let i = 0; i < 16; i++) ids.push(((await api(nginx, 'POST', '/api/docs', { token, body: makeSmallBudgetText() })).body as { id: string }).id);
    for (const id of ids) {
      const pair = [connectClient(nginx.wsUrl, id, token), connectClient(nginx.wsUrl, id, await a.tokenFor('bob', 'editor'))];
      clients.push(...pair);
      await Promise.all(pair.map((c) => c.synced));
    }
    for (const id of ids) expect(holders(id)).toHaveLength(1);
    const onA = ids.filter((id) => a.hocuspocus.documents.has(id)).length;
    expect(onA).toBeGreaterThan(0);
    expect(onA).toBeLessThan(ids.length);
    // A browser sends Origin; nginx passes Host with its port, so the server's origin check accepts it.
    const ws = new WebSocket(`${nginx.wsUrl}/collab/${ids[0]}`, { origin: nginx.url });
    await new Promise<void>((ok, fail) => (ws.once('open', () => ok()), ws.once('error', fail)));
    ws.close();
  });

  it('converges through the balancer and moves a document to the other instance when its instance stops', async () => {
    const token = await a.tokenFor('alice', 'owner', '张三');
    const id = ((await api(nginx, 'POST', '/api/docs', { token, body: makeSmallBudgetText() })).body as { id: string }).id;
    const alice = connectClient(nginx.wsUrl, id, token);
    const bob = connectClient(nginx.wsUrl, id, await a.tokenFor('bob', 'editor'));
    clients.push(alice, bob);
    await Promise.all([alice.synced, bob.synced]);
    setIndicatorField(alice.doc, 'p-reception', 'r-qty', 'value', '≥50批次');
    setIndicatorField(bob.doc, 'p-vehicles', 'v-qty', 'value', '≥130辆');
    await Promise.all([alice.acknowledged(), bob.acknowledged()]);
    await waitFor(() => JSON.stringify(toBudgetJson(alice.doc)) === JSON.stringify(toBudgetJson(bob.doc)), 10_000, 'convergence');
    const [holder] = holders(id);
    const other = holder === a ? b : a;
    await holder!.stop();
    // Both providers reconnect by themselves; nginx sends them to the surviving instance.
    setIndicatorField(alice.doc, 'p-reception', 'r-qty', 'value', '≥60批次');
    await waitFor(() => other.hocuspocus.documents.has(id), 20_000, 'the document loading on the other instance');
    await Promise.all([alice.acknowledged(20_000), bob.acknowledged(20_000)]);
    await waitFor(() => toBudgetJson(bob.doc).projects[0]!.indicators[0]!.value === '≥60批次', 20_000, 'the edit after the failover reaching bob');
    const read = await api(nginx, 'GET', `/api/docs/${id}`, { token });
    expect((read.body as ReturnType<typeof toBudgetJson>).projects[1]!.indicators[0]!.value).toBe('≥130辆');
  });
});
