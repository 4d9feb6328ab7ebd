import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { JixiaoError } from '../../shared/errors.ts';
import { TOKEN_ROLES } from '../../shared/access/policy.ts';


/** Kinds of organisation: a budget department, or the finance bureau that reviews departments. */
export const ORG_KINDS = ['department', 'finance'] as const;

/**
 * The verified identity of a token: who (`sub`), their display name and role, and — in a
 * deployment with organisations — their organisation (`org`, a code from the identity provider),
 * its kind and its region (an administrative division code such as 130225). Without `org` the
 * deployment is a single organisation.
 */
export const IdentitySchema = z.object({
  sub: z.string().regex(/^[^\s!]{1,128}$/),
  name: z.string().min(1).max(128),
  role: z.enum(TOKEN_ROLES),
  org: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).optional(),
  orgKind: z.enum(ORG_KINDS).optional(),
  region: z.string().regex(/^\d{2,12}$/).optional(),
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

/**
 * Signs a token for `identity`, valid for `ttlSeconds` (default 12 hours). `sessionStart`
 * (seconds since the epoch, claim `iat0`) is when the person signed in; a refreshed token keeps
 * it, so refreshing can never stretch a session past the maximum length.
 */
export async function signToken(key: SigningKey, identity: Identity, ttlSeconds = 12 * 3600, sessionStart?: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const org = identity.org ? { org: identity.org, orgKind: identity.orgKind ?? 'department', ...(identity.region ? { region: identity.region } : {}) } : {};
  return new SignJWT({ name: identity.name, role: identity.role, ...org, iat0: sessionStart ?? now })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(identity.sub)
    .setIssuedAt()
    .setExpirationTime(now + ttlSeconds)
    .sign(key.secret);
}

/** A verified token: who, when it expires and when its session began (seconds since the epoch). */
export interface VerifiedSession {
  identity: Identity;
  expiresAt: number;
  sessionStart: number;
}

/** Verifies a token (HS256 only, expiry enforced) and returns its session; throws UNAUTHORIZED. */
export async function verifySession(key: SigningKey, token: string | null | undefined): Promise<VerifiedSession> {
  if (!token || token.length > 4096) throw unauthorized();
  try {
    const { payload } = await jwtVerify(token, key.secret, { algorithms: ['HS256'], requiredClaims: ['exp'] });
    const parsed = IdentitySchema.safeParse({ sub: payload.sub, name: payload['name'], role: payload['role'], org: payload['org'], orgKind: payload['orgKind'], region: payload['region'] });
    if (!parsed.success) throw unauthorized();
    const iat0 = payload['iat0'];
    const sessionStart = typeof iat0 === 'number' && Number.isFinite(iat0) ? iat0 : (payload.iat ?? 0);
    return { identity: parsed.data, expiresAt: payload.exp ?? 0, sessionStart };
  } catch {
    throw unauthorized();
  }
}

/** Verifies a token (HS256 only, expiry enforced) and returns its identity; throws UNAUTHORIZED. */
export async function verifyToken(key: SigningKey, token: string | null | undefined): Promise<Identity> {
  return (await verifySession(key, token)).identity;
}

function unauthorized(): JixiaoError {
  return new JixiaoError({ code: 'UNAUTHORIZED', zh: '登录凭证无效或已过期，请重新登录', en: 'Invalid or expired token; please sign in again' });
}
