import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_ARGS, serverEnv } from '../helpers/server-main.ts';


describe('starting the built server on a local secret with the demo data (what `npm start` runs)', () => {
  it('prints demo sign-ins that work: two departments, the finance bureau reviewing them, one text with grants', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'jixiao-demo-'));
    const { JWT_SECRET: _omit, DATABASE_URL: _db, REDIS_URL: _redis, ...env } = process.env;
    const child = spawn(process.execPath, [...SERVER_ARGS], { env: serverEnv({ ...env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no sign-ins printed:\n${out}`)), 30_000);
        child.stdout.on('data', () => /approves/.test(out) && (clearTimeout(timer), resolve()));
        void exited.then(() => reject(new Error(`exited early:\n${out}`)));
      });
      const url = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] as string;
      // Each printed line names a person by sub; each of them can sign in with it.
      const printed = [...out.matchAll(/^ {2}\S+\s+([a-z]+)\s+(owner|editor|reviewer|viewer|admin)\s/gm)].map((m) => [m[1], m[2]]);
      expect(printed).toContainEqual(['dave', 'reviewer']);
      expect(out).toMatch(/赵六.*lt-czj \(finance, 130225\)/);
      expect(out).toMatch(/张三.*lt-zfb \(department, 130225\)/);
      expect(out).toMatch(/孙八.*lt-jgsw \(department, 130225\)/);
      const signIn = async (sub: string) => ((await (await fetch(`${url}/api/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub }) })).json()) as { token: string }).token;
      const listed = async (sub: string) => (await (await fetch(`${url}/api/docs`, { headers: { authorization: `Bearer ${await signIn(sub)}` } })).json()) as Array<{ id: string; title: string }>;
      const counts = Object.fromEntries(await Promise.all(printed.map(async ([sub]) => [sub, (await listed(sub as string)).length] as const)));
      expect(counts).toMatchObject({ alice: 1, bob: 1, frank: 1, dave: 4, gina: 4, root: 0 });
      const [office] = await listed('alice');
      const grants = (await (await fetch(`${url}/api/docs/${office?.id}/grants`, { headers: { authorization: `Bearer ${await signIn('alice')}` } })).json()) as { grants: Array<{ sub: string; projects: string[]; money: boolean }> };
      expect(grants.grants.map((g) => [g.sub, g.projects.length, g.money])).toEqual([['bob', 2, false], ['carol', 0, true]]);
      // The built server finds its worker threads: a .docx written by the export worker, read back by the import worker.
      const alice = { authorization: `Bearer ${await signIn('alice')}` };
      const exported = await fetch(`${url}/api/docs/${office?.id}/export?format=docx`, { headers: alice });
      expect(exported.status).toBe(200);
      const docx = new Uint8Array(await exported.arrayBuffer());
      expect(new TextDecoder().decode(docx.subarray(0, 2))).toBe('PK');
      const imported = await fetch(`${url}/api/docs/import`, { method: 'POST', headers: alice, body: docx });
      expect(imported.status).toBe(201);
      const copy = (await imported.json()) as { id: string };
      expect((await listed('alice')).map((d) => d.id)).toContain(copy.id);
    } finally {
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
