import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CLOSE_CODES, LIMITS, resolveLimits } from '../../shared/limits.ts';

describe('the table of limits and close codes', () => {
  it('is copied into the README: every close code with its reason, every configurable limit with its variable', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Limits and close codes'), readme.indexOf('## Roles and workflow'));
    for (const close of Object.values(CLOSE_CODES)) expect(section).toContain(`| ${close.code} | \`${close.reason}\` |`);
    for (const limit of Object.values(LIMITS)) if (limit.env) expect(section).toContain(`\`${limit.env}\``);
  });

  it('takes overrides first, then positive numbers from the environment, then the defaults', () => {
    const limits = resolveLimits({ updateBurst: 5 }, { UPDATE_BURST: '9', UPDATES_PER_SECOND: '7', SESSION_MAX_HOURS: '-1' });
    expect(limits.updateBurst).toBe(5);
    expect(limits.updatesPerSecond).toBe(7);
    expect(limits.sessionMaxHours).toBe(LIMITS.sessionMaxHours.value);
  });
});
