import { startJixiaoServer } from './app.ts';
import { readServerEnv } from './config.ts';
import { demoSignInLines } from './auth/demo-users.ts';

// Started by main.ts (the entry of `npm start` and `npm run serve`, the same without building the client): one
// process, one port, stopped cleanly by SIGTERM or Ctrl+C.
let env;
try {
  env = readServerEnv(process.env);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
const server = await startJixiaoServer({
  host: env.HOST,
  port: env.PORT,
  dataDir: env.DATA_DIR,
  jwtSecret: env.JWT_SECRET,
  demo: env.DEMO === '1',
  ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
  ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
});
const where = env.DATABASE_URL ? `PostgreSQL${env.REDIS_URL ? ' + Redis' : ''}` : env.DATA_DIR;
console.log(`jixiao 已启动 / running at ${server.url}  (data: ${where}${server.key.source === 'local' ? ', demo sign-in on' : ''})`);
if (server.key.source === 'local') console.log(demoSignInLines(server.url).join('\n'));

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: 正在保存并关闭 / saving and shutting down…`);
  const timer = setTimeout(() => {
    console.error('shutdown took too long; exiting');
    process.exit(1);
  }, 10_000);
  await server.stop();
  clearTimeout(timer);
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
