/** Where buckets are kept: a Map for keys that stay few (people), a WeakMap for keys that come and go (connections). */
interface BucketStore<K> {
  get(key: K): { tokens: number; at: number } | undefined;
  set(key: K, bucket: { tokens: number; at: number }): unknown;
}

/**
 * Token buckets keyed by person or connection: `burst` tokens at most, refilled at `perSecond`.
 * Each request takes one token; an empty bucket means the sender is flooding.
 */
export class TokenBuckets<K = string> {
  private readonly perSecond: number;
  private readonly burst: number;
  private readonly buckets: BucketStore<K>;

  constructor(perSecond: number, burst: number, store: BucketStore<K> = new Map<K, { tokens: number; at: number }>()) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.buckets = store;
  }

  /** Takes one token for `key`; false when the bucket is empty (nothing is taken then). */
  take(key: K, now = performance.now()): boolean {
    return this.takeMany(key, 1, now);
  }

  /** Takes `count` tokens for `key`; false when fewer are left (nothing is taken then). */
  takeMany(key: K, count: number, now = performance.now()): boolean {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < count) return false;
    bucket.tokens -= count;
    return true;
  }
}
