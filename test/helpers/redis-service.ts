import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

/** A redis-server of Debian's `redis-server` package, without persistence, on 127.0.0.1. */
export interface RedisService {
  url: string;
  stop(): Promise<void>;
}

/** Starts `redis-server` as a child process in a temporary folder and waits until it accepts connections. */
export async function startRedis(): Promise<RedisService> {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-redis-'));
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  // If this process ends without stop() (a crashed test, Ctrl+C in the bench), do not leave it running.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`redis-server did not start:\n${log}`)), 20_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      if (log.includes('Ready to accept connections')) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout?.on('data', onData);
    child.once('error', (e) => (clearTimeout(timer), fail(e)));
    void exited.then(() => fail(new Error(`redis-server exited:\n${log}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      process.off('exit', orphan);
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
