import { startPostgres, type PostgresService } from '../helpers/postgres-service.ts';
import { startRedis, type RedisService } from '../helpers/redis-service.ts';
import { combineRounds, formatFanoutTable } from './fanout-report.ts';
import { runFanoutRound, type FanoutPlan, type FanoutResult } from './fanout-scenario.ts';
import { startJixiaoTarget, type FanoutTarget } from './fanout-targets.ts';
import { formatOpenDocuments, runOpenDocuments } from './open-documents-bench.ts';
import { formatNumber, formatRatio } from './stats.ts';

const CLIENTS = 20;
const PLAN: FanoutPlan = { clients: CLIENTS, warmupEdits: 50, warmupBurst: 200, edits: 200, intervalMs: 20, burstEdits: 1_000 };
const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 3) || 3);
const DOCUMENTS = Math.max(10, Number(process.env['BENCH_DOCUMENTS'] ?? 1_000) || 1_000);

/**
 * Scale-out (issue 13), one run: jixiao on LevelDB, on PostgreSQL, and as two instances on
 * PostgreSQL + Redis with one document's clients on one instance (affinity, what the balancer
 * does) or split over both (no affinity); then many documents open over two instances. A real
 * PostgreSQL (fsync on) and Redis from Debian run in temporary folders.
 */
export async function runScaleOutBench(): Promise<void> {
  console.log(
    `${CLIENTS} clients on one document per target, as in the fan-out section (${PLAN.edits} paced edits ${PLAN.intervalMs} ms apart, interleaved; ` +
      `a ${PLAN.burstEdits}-edit burst from one client); ${ROUNDS} rounds. Two-instance targets: CPU and RSS are the sum of both processes.\n`,
  );
  let postgres: PostgresService | undefined;
  let redis: RedisService | undefined;
  const targets: FanoutTarget[] = [];
  try {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    targets.push(
      await startJixiaoTarget({ label: 'LevelDB ×1' }),
      await startJixiaoTarget({ label: 'PostgreSQL ×1', databaseUrl: await postgres.createDatabase() }),
      await startJixiaoTarget({ label: 'PG+Redis ×2 affinity', databaseUrl: await postgres.createDatabase(), redisUrl: redis.url, instances: { count: 2, split: false } }),
      await startJixiaoTarget({ label: 'PG+Redis ×2 split', databaseUrl: await postgres.createDatabase(), redisUrl: redis.url, instances: { count: 2, split: true } }),
    );
    const results = new Map<string, FanoutResult[]>();
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 ? targets : [...targets].reverse();
      const byTarget = await runFanoutRound(order, PLAN, `scale-r${round}`);
      for (const t of targets) {
        const r = byTarget.get(t);
        if (r) results.set(t.label, [...(results.get(t.label) ?? []), r]);
      }
      console.log(`  round ${round}: burst edits/s ${targets.map((t) => `${t.label} ${formatNumber(byTarget.get(t)?.burstRate, 0)}`).join(', ')}`);
    }
    const summaries = new Map([...results].map(([label, rounds]) => [label, combineRounds(rounds)]));
    const labels = targets.map((t) => t.label);
    console.log(`\n${formatFanoutTable(labels, [CLIENTS], (label) => summaries.get(label), targets.map((t) => t.server.readMemory()?.peakMiB ?? null))}\n`);
    const split = summaries.get('PG+Redis ×2 split');
    const affinity = summaries.get('PG+Redis ×2 affinity');
    console.log(
      `Cost of no affinity (split ÷ affinity): fan-out p99 ${formatRatio(split?.latency.p99, affinity?.latency.p99)}, ` +
        `server CPU per edit ${formatRatio(split?.serverCpuPerEditMs, affinity?.serverCpuPerEditMs)}, burst edits/s ${formatRatio(split?.burstRate, affinity?.burstRate)}.`,
    );
    for (const t of targets.splice(0)) await t.stop();

    console.log(`\n${DOCUMENTS} open documents over two instances (PostgreSQL + Redis):\n`);
    console.log(formatOpenDocuments(await runOpenDocuments(await postgres.createDatabase(), redis.url, DOCUMENTS)));
  } finally {
    await Promise.all(targets.map((t) => t.stop()));
    await redis?.stop();
    await postgres?.stop();
  }
}
