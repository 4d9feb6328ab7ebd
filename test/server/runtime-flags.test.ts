import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../server/runtime-flags.ts';

const scripts = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the Node flags the server runs with', () => {
  it('are the ones npm run serve passes, and npm start serves through npm run serve', () => {
    expect(SERVER_NODE_FLAGS.length).toBeGreaterThan(0);
    expect(scripts['serve']).toContain(`node ${SERVER_NODE_FLAGS.join(' ')} dist/server/main.js`);
    expect(scripts['start']).toMatch(/&& npm run serve$/);
  });
});
