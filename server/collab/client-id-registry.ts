import type { KvStore } from '../storage/kv-store.ts';

/*
 * Key layout: v1!cid!<clientId decimal>  →  UTF-8 `sub` of the person who first wrote or
 * announced presence with that Yjs client id. Written with {sync: true} before the update that
 * introduced the id is stored, so the binding survives a crash whenever the update does.
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
  private readonly owners = new Map<number, string>();
  private readonly claiming = new Map<number, Promise<string>>();

  /** Reads from `db`; writes through `putSynced` (synced, rejecting with STORAGE_FAILED on failure). */
  constructor(db: KvStore, putSynced: (key: string, value: Uint8Array) => Promise<void>) {
    this.db = db;
    this.putSynced = putSynced;
  }

  /**
   * Claims `ids` for `sub`. Resolves to the first id that belongs to someone else (nothing is
   * claimed then), or null when every id is now `sub`'s. Rejects with STORAGE_FAILED if a new
   * binding cannot be stored.
   */
  async claim(ids: Iterable<number>, sub: string): Promise<number | null> {
    const fresh: number[] = [];
    for (const id of ids) {
      const owner = await this.ownerOf(id);
      if (owner === null) fresh.push(id);
      else if (owner !== sub) return id;
    }
    for (const id of fresh) {
      const owner = await this.bind(id, sub);
      if (owner !== sub) return id;
    }
    return null;
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
  private bind(id: number, sub: string): Promise<string> {
    const existing = this.owners.get(id) ?? this.claiming.get(id);
    if (existing !== undefined) return Promise.resolve(existing);
    const write = this.putSynced(PREFIX + id, new TextEncoder().encode(sub))
      .then(() => {
        this.owners.set(id, sub);
        return sub;
      })
      .finally(() => this.claiming.delete(id));
    this.claiming.set(id, write);
    return write;
  }
}
