import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.ts';

const SITE = fileURLToPath(new URL('../../deploy/nginx-jixiao.conf', import.meta.url));

/** nginx from Debian running the repository's `deploy/nginx-jixiao.conf`. */
export interface NginxService {
  url: string;
  wsUrl: string;
  stop(): Promise<void>;
}

/**
 * Runs nginx in the foreground (one process, temporary folder) with the shipped site file,
 * its ports rewritten: it listens on a free loopback port and balances `upstreamPorts`.
 */
export async function startNginx(upstreamPorts: [number, number]): Promise<NginxService> {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-nginx-'));
  const port = await freePort();
  const site = (await readFile(SITE, 'utf8'))
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
    .replace('127.0.0.1:8081', `127.0.0.1:${upstreamPorts[0]}`)
    .replace('127.0.0.1:8082', `127.0.0.1:${upstreamPorts[1]}`);
  await writeFile(join(dir, 'jixiao.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(dir, t)};`).join(' ');
  await writeFile(
    join(dir, 'nginx.conf'),
    `daemon off; master_process off; pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http { access_log off; ${temp} include ${join(dir, 'jixiao.conf')}; }
`,
  );
  const child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const up = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (up) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`nginx did not start:\n${log}${await readFile(join(dir, 'error.log'), 'utf8').catch(() => '')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
