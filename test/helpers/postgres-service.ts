import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.ts';

/** A PostgreSQL server of Debian's `postgresql` package, in a temporary folder, on 127.0.0.1. */
export interface PostgresService {
  /** A fresh, empty database on it; returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

const NOBODY = 65534;

/** The folder of `initdb` and `postgres` (Debian installs them under /usr/lib/postgresql/<major>/bin). */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const major = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!major) throw new Error('PostgreSQL is not installed: apt-get install postgresql');
  return join(root, major, 'bin');
}

/** PostgreSQL refuses to run as root; as root (CI), run it as `nobody`. */
function asServiceUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', command, ...args]] : [command, args];
}

/**
 * Starts a PostgreSQL cluster (initdb, then the `postgres` process as a child) with a trust
 * superuser `jixiao`. fsync stays on, as in production: durability tests mean what they say.
 */
export async function startPostgres(): Promise<PostgresService> {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-pg-'));
  if (process.getuid?.() === 0) chownSync(dir, NOBODY, NOBODY);
  const data = join(dir, 'data');
  const bin = binDir();
  const [initCmd, initArgs] = asServiceUser(join(bin, 'initdb'), ['-D', data, '-U', 'jixiao', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const [cmd, args] = asServiceUser(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200']);
  const child: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  // If this process ends without stop() (a crashed test, Ctrl+C in the bench), do not leave it running.
  const orphan = () => child.kill('SIGQUIT');
  process.once('exit', orphan);
  const admin = `postgres://jixiao@127.0.0.1:${port}/postgres`;
  await waitFor(async () => {
    const c = new pg.Client(admin);
    await c.connect();
    await c.end();
  }, () => `PostgreSQL did not start:\n${log}`);
  let n = 0;
  return {
    async createDatabase() {
      const name = `jixiao_${process.pid}_${++n}`;
      const c = new pg.Client(admin);
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      return `postgres://jixiao@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      // SIGINT = PostgreSQL's fast shutdown: it ends its sessions and exits.
      process.off('exit', orphan);
      child.kill('SIGINT');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitFor(attempt: () => Promise<void>, why: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await attempt();
    } catch {
      if (Date.now() > deadline) throw new Error(why());
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
