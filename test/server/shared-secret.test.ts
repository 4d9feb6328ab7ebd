import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SERVER_ARGS, serverEnv } from '../helpers/server-main.ts';


/** Starts the server as an operator would and returns how it ended (it must refuse before listening). */
function start(env: Record<string, string>) {
  const { JWT_SECRET: _omit, ...rest } = process.env;
  return spawnSync(process.execPath, [...SERVER_ARGS], { env: serverEnv({ ...rest, PORT: '0', DATA_DIR: '/nonexistent/jixiao', ...env }), encoding: 'utf8', timeout: 20_000 });
}

describe('settings for several instances', () => {
  it('refuses DATABASE_URL or REDIS_URL without JWT_SECRET, in Chinese and English, before opening anything', () => {
    const cases: Array<Record<string, string>> = [{ DATABASE_URL: 'postgres://jixiao@127.0.0.1:1/jixiao' }, { REDIS_URL: 'redis://127.0.0.1:1' }];
    for (const env of cases) {
      const run = start(env);
      const name = Object.keys(env)[0] as string;
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`设置了 ${name} 时必须同时设置 JWT_SECRET`);
      expect(run.stderr).toContain(`${name} requires JWT_SECRET`);
      expect(run.stdout).toBe('');
    }
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL', () => {
    const run = start({ DATABASE_URL: 'mysql://x', JWT_SECRET: 'a-secret-of-enough-length' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('DATABASE_URL must start with postgres://');
  });
});
