import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { copyStore, digestStore } from '../storage/copy-store.ts';
import { LevelKvStore } from '../storage/level-kv.ts';
import { PostgresKvStore } from '../storage/postgres-kv.ts';

// `npm run --silent migrate-storage -- --from DATA_DIR --to postgres://…`: copies a LevelDB data
// folder (stop its server first) into an empty PostgreSQL database, then reads both back and
// compares counts and SHA-256 per kind. Prints the digest as JSON; exit 0 only when they match.
const usage = 'usage: npm run --silent migrate-storage -- --from DATA_DIR --to postgres://user@host/db';

function fail(zh: string, en: string): never {
  console.error(`${zh}\n${en}`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } }).values;
} catch (e) {
  fail(`参数有误：${(e as Error).message}\n${usage}`, `Bad arguments: ${(e as Error).message}`);
}
if (!args.from || !args.to) fail(`缺少 --from 或 --to\n${usage}`, 'Missing --from or --to');
if (!/^postgres(ql)?:\/\//.test(args.to)) fail('--to 必须是 postgres:// 地址', '--to must be a postgres:// URL');
const levelDir = join(resolve(args.from), 'leveldb');
if (!existsSync(levelDir)) fail(`${args.from} 中没有 LevelDB 数据（leveldb 文件夹）`, `No LevelDB data (a leveldb folder) in ${args.from}`);

const from = new LevelKvStore(levelDir);
const to = new PostgresKvStore(args.to, 4);
try {
  await from.open();
} catch (e) {
  fail(`无法打开 ${levelDir}（服务器是否仍在运行？）：${(e as Error).message}`, `Cannot open ${levelDir} (is its server still running?): ${(e as Error).message}`);
}
try {
  await to.open();
  for await (const _ of to.keys({ limit: 1 })) fail('目标数据库已有数据，未复制任何内容', 'The target database is not empty; nothing was copied');
  const copied = await copyStore(from, to);
  const [source, target] = await Promise.all([digestStore(from), digestStore(to)]);
  const mismatched = Object.keys(source).filter((k) => JSON.stringify(source[k as keyof typeof source]) !== JSON.stringify(target[k as keyof typeof target]));
  console.log(JSON.stringify({ copied, verified: mismatched.length === 0, kinds: target }, null, 2));
  if (mismatched.length) fail(`复制后校验不一致：${mismatched.join(', ')}`, `Verification failed after copying: ${mismatched.join(', ')}`);
} catch (e) {
  fail(`迁移失败：${(e as Error).message}`, `Migration failed: ${(e as Error).message}`);
} finally {
  await from.close();
  await to.close();
}
