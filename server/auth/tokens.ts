import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { JixiaoError } from '../../shared/errors.ts';
import { ROLES } from '../../shared/review/workflow.ts';


/** The verified identity of a token: who (`sub`), their display name and role. */
export const IdentitySchema = z.object({
  sub: z.string().min(1).max(128),
  name: z.string().min(1).max(128),
  role: z.enum(ROLES),
});
export type Identity = z.infer<typeof IdentitySchema>;

/** Where the signing secret came from: `env` (JWT_SECRET) or `local` (generated into DATA_DIR). */
type SecretSource = 'env' | 'local';

/** The HS256 secret and where it came from. */
export interface SigningKey {
  secret: Uint8Array;
  source: SecretSource;
}

/**
 * The signing secret: JWT_SECRET when set, else a random secret generated once into
 * `<dataDir>/jwt-secret` (local use only; the demo sign-in exists only in that mode).
 */
export async function loadSigningKey(dataDir: string, envSecret: string | undefined): Promise<SigningKey> {
  if (envSecret) return { secret: new TextEncoder().encode(envSecret), source: 'env' };
  const file = join(dataDir, 'jwt-secret');
  try {
    return { secret: new TextEncoder().encode((await readFile(file, 'utf8')).trim()), source: 'local' };
  } catch {
    await mkdir(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    // 'wx' fails if another process created it first; then read theirs.
    await writeFile(file, secret, { flag: 'wx', mode: 0o600 }).catch(() => undefined);
    return { secret: new TextEncoder().encode((await readFile(file, 'utf8')).trim()), source: 'local' };
  }
}

/** Signs a token for `identity`, valid for `ttlSeconds` (default 12 hours). */
export async function signToken(key: SigningKey, identity: Identity, ttlSeconds = 12 * 3600): Promise<string> {
  return new SignJWT({ name: identity.name, role: identity.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(identity.sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key.secret);
}

/** Verifies a token (HS256 only, expiry enforced) and returns its identity; throws UNAUTHORIZED. */
export async function verifyToken(key: SigningKey, token: string | null | undefined): Promise<Identity> {
  if (!token || token.length > 4096) throw unauthorized();
  try {
    const { payload } = await jwtVerify(token, key.secret, { algorithms: ['HS256'] });
    const parsed = IdentitySchema.safeParse({ sub: payload.sub, name: payload['name'], role: payload['role'] });
    if (!parsed.success) throw unauthorized();
    return parsed.data;
  } catch {
    throw unauthorized();
  }
}

function unauthorized(): JixiaoError {
  return new JixiaoError({ code: 'UNAUTHORIZED', zh: '登录凭证无效或已过期，请重新登录', en: 'Invalid or expired token; please sign in again' });
}
