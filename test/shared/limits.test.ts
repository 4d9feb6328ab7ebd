import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { allowConsole, consoleLines } from '../helpers/fail-on-console.ts';
import { CLOSE_CODES, LIMITS, readLimit, resolveLimits } from '../../shared/limits.ts';

describe('the table of limits and close codes', () => {
  it('is copied into the README: every close code with its reason, every configurable limit with its variable', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Limits and close codes'), readme.indexOf('## Roles and workflow'));
    for (const close of Object.values(CLOSE_CODES)) expect(section).toContain(`| ${close.code} | \`${close.reason}\` |`);
    for (const limit of Object.values(LIMITS)) if (limit.env) expect(section).toContain(`\`${limit.env}\``);
  });

  it('takes overrides first, then positive numbers from the environment, then the defaults', () => {
    allowConsole(/SESSION_MAX_HOURS="-1" must be a positive number/);
    const limits = resolveLimits({ updateBurst: 5 }, { UPDATE_BURST: '9', UPDATES_PER_SECOND: '7', SESSION_MAX_HOURS: '-1' });
    expect(limits.updateBurst).toBe(5);
    expect(limits.updatesPerSecond).toBe(7);
    expect(limits.sessionMaxHours).toBe(LIMITS.sessionMaxHours.value);
  });

  it('takes counts and sizes only as whole numbers of at least 1, rates as any positive number, and says which value it refused', () => {
    allowConsole(/^console\.warn: jixiao: 环境变量 /);
    // A bucket of half a token never holds one: everybody would be refused every new client id.
    expect(readLimit('newClientIdBurst', { NEW_CLIENT_ID_BURST: '0.5' })).toBe(LIMITS.newClientIdBurst.value);
    expect(readLimit('updateBurst', { UPDATE_BURST: '12.5' })).toBe(LIMITS.updateBurst.value);
    expect(readLimit('importQueue', { IMPORT_QUEUE: '0' })).toBe(LIMITS.importQueue.value);
    expect(readLimit('updateBurst', { UPDATE_BURST: '1e3' })).toBe(1000);
    expect(readLimit('newClientIdsPerHour', { NEW_CLIENT_IDS_PER_HOUR: '0.5' })).toBe(0.5);
    expect(readLimit('updatesPerSecond', { UPDATES_PER_SECOND: 'abc' })).toBe(LIMITS.updatesPerSecond.value);
    // Unset or empty is the default, silently.
    expect(readLimit('updateBurst', { UPDATE_BURST: '' })).toBe(LIMITS.updateBurst.value);
    expect(readLimit('updateBurst', {})).toBe(LIMITS.updateBurst.value);
    // Refused once, in both languages, with the default it falls back to; not again for the same value.
    expect(readLimit('newClientIdBurst', { NEW_CLIENT_ID_BURST: '0.5' })).toBe(LIMITS.newClientIdBurst.value);
    const lines = consoleLines();
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('NEW_CLIENT_ID_BURST="0.5" 无效（须为不小于 1 的整数），改用默认值 256');
    expect(lines[0]).toContain('must be a whole number of at least 1; using the default, 256');
    expect(lines[3]).toContain('UPDATES_PER_SECOND="abc" 无效（须为正数）');
    expect(lines[3]).toContain('must be a positive number');
  });
});
