import { describe, expect, it } from 'vitest';
import { signToken } from '../../server/auth/tokens.ts';
import { tokenExpiry } from '../../client/auth/token-refresh.ts';

describe('tokenExpiry', () => {
  it('reads the expiry the server signed, and null from anything else', async () => {
    const key = { secret: new TextEncoder().encode('a-test-secret-of-enough-length'), source: 'env' as const };
    const token = await signToken(key, { sub: 'alice', name: '张三', role: 'owner' }, 600);
    const expiry = tokenExpiry(token);
    expect(expiry).not.toBeNull();
    expect(Math.abs((expiry ?? 0) - (Date.now() + 600_000))).toBeLessThan(5_000);
    expect(tokenExpiry('not-a-token')).toBeNull();
  });
});
