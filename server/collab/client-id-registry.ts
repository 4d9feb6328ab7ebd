import type { KvStore } from '../storage/kv-store.ts';

/*
 * Key layout: v1!cid!<clientId decimal>  →  UTF-8 `sub` of the person who first wrote or
 * announced presence with that Yjs client id. Written with {sync: true} no later than the update
 * that introduced the id (in the same synced batch when it can), so the binding survives a crash
 * whenever the update does.
 */
const PREFIX = 'v1!cid!';

/**
 * Which person each Yjs client id belongs to. A client id is claimed by the first person seen
 * using it (in an update or in awareness) and stays theirs across reconnects and restarts, so
 * nobody can write or show presence under a colleague's id.
 */
export class ClientIdRegistry {
  private readonly db: KvStore;
  private readonly putSynced: (key: string, value: Uint8Array) => Promise<void>;
  private readonly putWithUpdate: (key: string, value: Uint8Array) => Promise<void>;
  private readonly owners = new Map<number, string>();
  private readonly claiming = new Map<number, Promise<string>>();

  /**
   * Reads from `db`; writes through `putSynced` (synced, rejecting with STORAGE_FAILED on failure)
   * or, for the ids of an update about to be stored, `putWithUpdate` (synced in the update's batch).
   */
  constructor(db: KvStore, putSynced: (key: string, value: Uint8Array) => Promise<void>, putWithUpdate = putSynced) {
    this.db = db;
    this.putSynced = putSynced;
    this.putWithUpdate = putWithUpdate;
  }

  /**
   * Claims `ids` for `sub`. Resolves to the first id that belongs to someone else (nothing is
   * claimed then), or null when every id is now `sub`'s. Rejects with STORAGE_FAILED if a new
   * binding cannot be stored.
   */
  async claim(ids: Iterable<number>, sub: string): Promise<number | null> {
    const { taken, written } = await this.claimWith(ids, sub, this.putSynced);
    await written;
    return taken;
  }

  /**
   * {@link claim} for the ids of an update that is stored next: resolves as soon as the ids are
   * known to be free or `sub`'s, with `taken` the first id someone else holds (nothing is claimed
   * then) and `written` (null when nothing new was bound), which settles once the new bindings are synced — in the batch of the
   * update's own append when that follows in the same turn, so the first edit of a session waits
   * for one fsync, not two. Whoever stores the update must await `written` before acknowledging.
   */
  claimForUpdate(ids: readonly number[], sub: string): Promise<{ taken: number | null; written: Promise<void> | null }> {
    return this.claimWith(ids, sub, this.putWithUpdate);
  }

  /**
   * How many of `ids` are not known to be `sub`'s: new ones, someone else's, or `sub`'s not read
   * since the start. Answered from memory; 0 is the usual update, with nothing to read or wait for.
   */
  countNotBoundTo(ids: readonly number[], sub: string): number {
    let count = 0;
    for (const id of ids) if (this.owners.get(id) !== sub) count++;
    return count;
  }

  private async claimWith(ids: Iterable<number>, sub: string, put: (key: string, value: Uint8Array) => Promise<void>): Promise<{ taken: number | null; written: Promise<void> | null }> {
    const fresh: number[] = [];
    for (const id of ids) {
      const owner = await this.ownerOf(id);
      if (owner === null) fresh.push(id);
      else if (owner !== sub) return { taken: id, written: null };
    }
    // An id being bound right now (a pending write) is settled before deciding; the check and
    // the binds below then run in one synchronous stretch, so no other claim slips in between.
    for (let busy = fresh.find((id) => this.claiming.has(id)); busy !== undefined; busy = fresh.find((id) => this.claiming.has(id))) {
      if ((await this.ownerOf(busy)) !== sub) return { taken: busy, written: null };
    }
    const taken = fresh.find((id) => (this.owners.get(id) ?? sub) !== sub);
    if (taken !== undefined) return { taken, written: null };
    const writes = fresh.filter((id) => !this.owners.has(id)).map((id) => this.bind(id, sub, put));
    // The usual case, every id already known: nothing to wait for.
    if (writes.length === 0) return { taken: null, written: null };
    const written = Promise.all(writes).then(() => undefined);
    // A caller that never awaits `written` (the update was refused later) must not leave a rejection unhandled.
    written.catch(() => undefined);
    return { taken: null, written };
  }

  /** The person a client id belongs to, or null when nobody used it yet. */
  async ownerOf(id: number): Promise<string | null> {
    const known = this.owners.get(id);
    if (known !== undefined) return known;
    const pending = this.claiming.get(id);
    if (pending) return pending;
    const raw = await this.db.get(PREFIX + id);
    if (raw === undefined) return this.owners.get(id) ?? null;
    const owner = new TextDecoder().decode(raw);
    this.owners.set(id, owner);
    return owner;
  }

  /** Binds a free id; two racing claims of one id are serialised, the first one wins. */
  private bind(id: number, sub: string, put: (key: string, value: Uint8Array) => Promise<void>): Promise<string> {
    const existing = this.owners.get(id) ?? this.claiming.get(id);
    if (existing !== undefined) return Promise.resolve(existing);
    const write = put(PREFIX + id, new TextEncoder().encode(sub))
      .then(() => {
        this.owners.set(id, sub);
        return sub;
      })
      .finally(() => this.claiming.delete(id));
    this.claiming.set(id, write);
    return write;
  }
}
