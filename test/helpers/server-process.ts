import { spawn, type ChildProcess } from 'node:child_process';
import { SERVER_ARGS, serverEnv } from './server-main.ts';


/** A jixiao server in a child process, for tests that kill it. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  /** Resolves with the exit code or signal once the process ended. */
  exited: Promise<number | string>;
  output(): string;
}

/**
 * Starts the server (`node dist/server/main.js`, as `npm start` does) on 127.0.0.1:`port` (default a free one) with `dataDir` and waits
 * until it listens; `env` adds settings (DATABASE_URL, REDIS_URL).
 */
export async function spawnServer(dataDir: string, jwtSecret: string, port = 0, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...SERVER_ARGS], {
    env: serverEnv({ ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, JWT_SECRET: jwtSecret, DEMO: '0', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code ?? -1)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    const check = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    void exited.then(() => reject(new Error(`server exited early:\n${out}`)));
  });
  return { child, url, wsUrl: url.replace(/^http/, 'ws'), exited, output: () => out };
}
