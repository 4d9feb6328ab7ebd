import { randomUUID } from 'node:crypto';
import { Redis } from '@hocuspocus/extension-redis';

/**
 * The Hocuspocus Redis extension for `REDIS_URL`: instances holding the same document exchange
 * edits, presence and stateless messages through it, and it takes a Redis lock around the
 * debounced store (compaction) so one instance at a time runs it. The identifier must be unique
 * per process: an instance drops messages carrying its own.
 */
export function redisLink(url: string): Redis {
  const u = new URL(url);
  const db = Number(u.pathname.slice(1) || '0');
  return new Redis({
    host: u.hostname,
    port: Number(u.port || 6379),
    options: {
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
      ...(Number.isInteger(db) ? { db } : {}),
      ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    },
    identifier: `jixiao-${randomUUID()}`,
    prefix: 'jixiao',
  });
}
