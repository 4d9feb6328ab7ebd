import { randomUUID } from 'node:crypto';
import type { onStoreDocumentPayload } from '@hocuspocus/server';
import type { Redis } from '@hocuspocus/extension-redis';

/**
 * The Hocuspocus Redis extension for `REDIS_URL`: instances holding the same document exchange
 * edits, presence and stateless messages through it, and it takes a Redis lock around the
 * debounced store (compaction) so one instance at a time runs it. The identifier must be unique
 * per process: an instance drops messages carrying its own.
 */
export async function redisLink(url: string): Promise<Redis> {
  // Loaded only with REDIS_URL: ioredis and redlock add ~35 MiB to a server's RSS.
  const { Redis } = await import('@hocuspocus/extension-redis');
  /**
   * The extension with one change: when another instance holds a document's store lock, the
   * skip it throws carries no message, so Hocuspocus does not log an expected event as an error
   * (it logs every hook error that has one). The skip itself is unchanged.
   */
  class QuietRedis extends Redis {
    override async onStoreDocument(payload: onStoreDocumentPayload): Promise<void> {
      try {
        await super.onStoreDocument(payload);
      } catch (error) {
        if (error instanceof Error && error.name === 'SkipFurtherHooksError') error.message = '';
        throw error;
      }
    }
  }
  const u = new URL(url);
  const db = Number(u.pathname.slice(1) || '0');
  return new QuietRedis({
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
