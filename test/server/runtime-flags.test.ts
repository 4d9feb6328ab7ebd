import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_ENV, SERVER_NODE_FLAGS, serverEnv } from '../../server/runtime-flags.ts';

const scripts = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the Node flags the server runs with', () => {
  it('are the ones npm run serve passes, and npm start serves through npm run serve', () => {
    expect(SERVER_NODE_FLAGS.length).toBeGreaterThan(0);
    const settings = Object.entries(SERVER_ENV).map(([name, value]) => `${name}=\${${name}:-${value}}`);
    expect(scripts['serve']).toContain(`${settings.join(' ')} node ${SERVER_NODE_FLAGS.join(' ')} dist/server/main.js`);
    expect(scripts['start']).toMatch(/&& npm run serve$/);
  });

  it('leave an environment setting the operator made as it is', () => {
    expect(serverEnv({ PORT: '0' })).toMatchObject({ PORT: '0', MALLOC_ARENA_MAX: '2' });
    expect(serverEnv({ MALLOC_ARENA_MAX: '4' })['MALLOC_ARENA_MAX']).toBe('4');
  });
});
