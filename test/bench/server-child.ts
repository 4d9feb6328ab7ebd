import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS, serverEnv } from '../../server/runtime-flags.ts';
import { onExit } from './exit-hooks.ts';
import type { ListeningMessage } from './servers/serve-until-parent-leaves.ts';
import { withTimeout } from './timing.ts';

/** Memory of a server process as the kernel reports it, in MiB; null where /proc is missing. */
export interface ServerMemory {
  /** Resident set size now (VmRSS). */
  rssMiB: number;
  /** Highest resident set size so far (VmHWM). */
  peakMiB: number;
}

/** A bench server running in its own process, so clients never share its event loop. */
export interface ServerChild {
  /** Label for messages, e.g. "jixiao". */
  label: string;
  pid: number;
  /** `http://127.0.0.1:<port>` */
  httpUrl: string;
  /** `ws://127.0.0.1:<port>` */
  wsUrl: string;
  readMemory(): ServerMemory | null;
  /** CPU time the server's threads have used so far, ms (to the nanosecond where the kernel keeps schedstat); null without /proc. */
  readCpuMs(): number | null;
  /** Asks the child to stop (closes the IPC channel), SIGKILLs it after 30 s; never rejects. */
  stop(): Promise<void>;
}

/** Node flags per server script: the project's server runs with those `npm run serve` gives it. */
const NODE_FLAGS: Readonly<Record<string, readonly string[]>> = { 'jixiao-server.ts': SERVER_NODE_FLAGS };
/** Environment defaults per server script: the project's server gets those `npm run serve` gives it. */
const ENV_DEFAULTS: Readonly<Record<string, (env: Record<string, string | undefined>) => Record<string, string | undefined>>> = { 'jixiao-server.ts': serverEnv };

/**
 * Forks `servers/<script>` with `env` added to this process's environment and resolves once it
 * reports its port. Rejects (with the child's output) if it exits first or takes over 20 s.
 * The child's stderr is passed through, prefixed with the label, so server errors stay visible.
 * With BENCH_CPU_PROF=<dir> set, every server writes a V8 CPU profile into <dir> when it stops
 * (BENCH_CPU_PROF_INTERVAL: the sampling interval in µs).
 * The project's server gets the Node flags and environment defaults it is deployed with (NODE_FLAGS, ENV_DEFAULTS).
 */
export async function forkServer(label: string, script: string, env: Record<string, string | undefined> = {}): Promise<ServerChild> {
  const path = fileURLToPath(new URL(`./servers/${script}`, import.meta.url));
  const profileDir = process.env['BENCH_CPU_PROF'];
  const interval = process.env['BENCH_CPU_PROF_INTERVAL'];
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, ...(interval ? [`--cpu-prof-interval=${interval}`] : [])] : [];
  const execArgv = [...process.execArgv, ...(NODE_FLAGS[script] ?? []), ...profile];
  const childEnv = { ...process.env, ...env };
  const child = fork(path, [], { env: ENV_DEFAULTS[script]?.(childEnv) ?? childEnv, execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const unregister = onExit(() => child.kill('SIGKILL'));
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
    for (const line of d.toString().split('\n')) if (line.trim()) console.error(`[${label} server] ${line}`);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await withTimeout(
    new Promise<number>((resolve, reject) => {
      child.on('message', (m: ListeningMessage) => {
        if (m.type === 'listening') resolve(m.port);
      });
      void exited.then(() => reject(new Error(`${label} server exited before listening:\n${output}`)));
    }),
    20_000,
    `${label} server to listen`,
  ).catch((error: unknown) => {
    child.kill('SIGKILL');
    unregister();
    throw error;
  });
  const pid = child.pid ?? -1;
  return {
    label,
    pid,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    readMemory: () => readProcMemory(pid),
    readCpuMs: () => readProcCpuMs(pid),
    stop: async () => {
      await stopChild(child, exited);
      unregister();
    },
  };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  if (child.connected) child.disconnect();
  else child.kill('SIGTERM');
  // A server stopping with many open documents takes a while (the child gives up after 25 s);
  // killing it earlier would also lose its CPU profile.
  await withTimeout(exited, 30_000, 'server to stop').catch(() => {
    child.kill('SIGKILL');
    return exited;
  });
}

function readProcMemory(pid: number): ServerMemory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Linux reports utime/stime in USER_HZ ticks, which is 100 per second on every common build. */
const MS_PER_TICK = 10;

/**
 * The process's CPU time: the sum of its threads' run time from /proc/<pid>/task/<tid>/schedstat
 * (nanoseconds; the threads of a Node server live as long as it does), or else utime + stime from
 * /proc/<pid>/stat, in 10 ms ticks. Ticks made the CPU per paced edit of one round (~200 edits,
 * ~25 ticks) uncertain by ±4%.
 */
function readProcCpuMs(pid: number): number | null {
  let ns = 0;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // A thread that ended between the listing and the read: its time is gone with it.
      }
    }
  } catch {
    ns = 0;
  }
  if (Number.isFinite(ns) && ns > 0) return ns / 1e6;
  try {
    // The command name (field 2) may contain spaces; fields after its closing ')' are plain.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return null;
  }
}
