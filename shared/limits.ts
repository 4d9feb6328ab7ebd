/**
 * Every close code and limit of the collaboration server, in one table so the server, the
 * client and the README say the same thing. Codes 4000–4999 are the application range of
 * RFC 6455; each one names why the server ended a socket, in Chinese and English.
 */
export const CLOSE_CODES = {
  /** The token expired while the socket was open; the client refreshes it and reconnects. */
  TOKEN_EXPIRED: { code: 4401, reason: 'token-expired', zh: '登录凭证已过期，正在续期并重新连接', en: 'Token expired; refreshing and reconnecting' },
  /** An update or awareness message used a Yjs client id that belongs to another person. */
  CLIENT_ID_TAKEN: { code: 4403, reason: 'client-id-taken', zh: '编辑标识属于其他用户，连接已关闭', en: 'The edit carried another person\'s client id; connection closed' },
  /** An update touched a project, row, field or section outside the writer's grants; nothing of it was applied. */
  OUTSIDE_GRANT: { code: 4406, reason: 'outside-grant', zh: '修改超出您的编辑范围，未保存；已恢复为服务器上的内容', en: 'The change is outside what you may edit and was not saved; restored to the server\'s content' },
  /** The person no longer reaches the document (it moved to another organisation, or an assignment narrowed); reconnecting answers "no such document". */
  NO_ACCESS: { code: 4404, reason: 'no-access', zh: '您已无权访问此文档', en: 'You no longer have access to this document' },
  /** A read-only connection sent content updates. */
  READ_ONLY: { code: 4405, reason: 'read-only', zh: '只读连接不能修改内容', en: 'A read-only connection cannot change content' },
  /** Content arrived while the document's status was changing; the client reconnects and sends it again. */
  STATUS_CHANGING: { code: 4409, reason: 'status-changing', zh: '文档状态正在变更，正在重新连接', en: 'The document’s status is changing; reconnecting' },
  /** The document would grow beyond its size limits. */
  DOCUMENT_TOO_LARGE: { code: 4413, reason: 'document-too-large', zh: '文档超过大小上限，本次修改未保存', en: 'The document would exceed its size limit; the change was not saved' },
  /** The person sent updates faster than the rate limit allows. */
  RATE_LIMITED: { code: 4429, reason: 'rate-limited', zh: '修改过于频繁，请稍候', en: 'Too many changes too fast; please slow down' },
  /** An update could not be decoded (truncated or malformed). */
  MALFORMED_UPDATE: { code: 4400, reason: 'malformed-update', zh: '收到无法解析的修改', en: 'Received an update that cannot be decoded' },
  /** The store failed; the update was not acknowledged and the client will resend it. */
  STORAGE_FAILED: { code: 4500, reason: 'storage-failed', zh: '保存失败，将自动重试', en: 'Saving failed; the change will be retried' },
} as const;

/** One entry of {@link CLOSE_CODES}. */
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/**
 * Limits with their defaults; `env` names the environment variable that changes one (or null).
 * `whole`: a count or a size, taken from the environment only as a whole number of at least 1 (a
 * bucket of 0.5 tokens would never hold one, and lock everyone out); the others are rates.
 */
export const LIMITS = {
  /** Largest single Yjs update (bytes). */
  maxUpdateBytes: { value: 4 * 1024 * 1024, env: 'MAX_UPDATE_BYTES', whole: true },
  /** Largest total stored size of one document's state and log (bytes). */
  maxDocumentBytes: { value: 16 * 1024 * 1024, env: 'MAX_DOCUMENT_BYTES', whole: true },
  /** Updates a person may send per second, sustained (token bucket refill). */
  updatesPerSecond: { value: 200, env: 'UPDATES_PER_SECOND', whole: false },
  /** Updates a person may send in one burst (token bucket size). */
  updateBurst: { value: 2_000, env: 'UPDATE_BURST', whole: true },
  /**
   * New Yjs client ids a person may bring in their updates, in one burst (token bucket size).
   * Each page visit that edits starts one; a document's every later edit costs Yjs time per id it
   * ever had, so one person may not add them by the thousand (issue 15).
   */
  newClientIdBurst: { value: 256, env: 'NEW_CLIENT_ID_BURST', whole: true },
  /** New Yjs client ids a person may bring per hour, sustained (token bucket refill). */
  newClientIdsPerHour: { value: 120, env: 'NEW_CLIENT_IDS_PER_HOUR', whole: false },
  /** Longest a session lasts from sign-in, across token refreshes (hours). */
  sessionMaxHours: { value: 24, env: 'SESSION_MAX_HOURS', whole: false },
  /** Imports that run at the same time. */
  importConcurrency: { value: 2, env: 'IMPORT_CONCURRENCY', whole: true },
  /** Imports that may wait for a slot; more are answered 429. */
  importQueue: { value: 4, env: 'IMPORT_QUEUE', whole: true },
  /** Old-generation heap of one import worker (MB). */
  importWorkerHeapMb: { value: 256, env: 'IMPORT_WORKER_HEAP_MB', whole: true },
  /** Largest awareness state (JSON characters). */
  maxAwarenessChars: { value: 4_096, env: null, whole: true },
  /** Largest HTTP request body (bytes). */
  maxBodyBytes: { value: 10 * 1024 * 1024, env: null, whole: true },
} as const;

/** Names of the configurable limits. */
export type LimitName = keyof typeof LIMITS;

/** Refused environment values already reported (`NAME=value`). */
const refused = new Set<string>();

/**
 * A limit's value: the environment variable when it holds a positive number (a whole one for
 * counts and sizes), else the default. A value set but refused is reported once (per variable and value), in
 * Chinese and English, with the default it falls back to.
 */
export function readLimit(name: LimitName, env: Record<string, string | undefined> = globalThis.process?.env ?? {}): number {
  const { value, env: key, whole } = LIMITS[name];
  const raw = key ? env[key] : undefined;
  if (!key || raw === undefined || raw.trim() === '') return value;
  const parsed = Number(raw);
  if (Number.isFinite(parsed) && (whole ? Number.isInteger(parsed) && parsed >= 1 : parsed > 0)) return parsed;
  if (!refused.has(`${key}=${raw}`)) {
    refused.add(`${key}=${raw}`);
    const want = whole ? { zh: '须为不小于 1 的整数', en: 'must be a whole number of at least 1' } : { zh: '须为正数', en: 'must be a positive number' };
    console.warn(`jixiao: 环境变量 ${key}=${JSON.stringify(raw)} 无效（${want.zh}），改用默认值 ${value} / ${key}=${JSON.stringify(raw)} ${want.en}; using the default, ${value}`);
  }
  return value;
}

/** Every limit resolved: explicit overrides first, then the environment, then the defaults. */
export function resolveLimits(
  overrides: Partial<Record<LimitName, number>> = {},
  env: Record<string, string | undefined> = globalThis.process?.env ?? {},
): Record<LimitName, number> {
  const out = {} as Record<LimitName, number>;
  for (const name of Object.keys(LIMITS) as LimitName[]) out[name] = overrides[name] ?? readLimit(name, env);
  return out;
}
