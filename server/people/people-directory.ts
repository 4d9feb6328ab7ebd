import type { KvStore } from '../storage/kv-store.ts';
import type { Identity } from '../auth/tokens.ts';

/*
 * Store layout (LevelDB or PostgreSQL, through KvStore): v1!person!<sub>  →  UTF-8 JSON {name, seenAt} of a person who opened a
 * document on this server, rewritten when their name changes. Subs are token subjects without
 * whitespace or '!' (checked before they reach a key).
 */
const PREFIX = 'v1!person!';

/** A person the server has seen. */
export interface SeenPerson {
  sub: string;
  name: string;
}

/**
 * Everyone who has opened a document on this server, remembered across restarts, so people can
 * be @mentioned before they were ever made members. Writes go through `putSynced` and fail loudly.
 */
export class PeopleDirectory {
  private readonly db: KvStore;
  private readonly putSynced: (key: string, value: Uint8Array) => Promise<void>;
  private readonly known = new Map<string, string>();

  constructor(db: KvStore, putSynced: (key: string, value: Uint8Array) => Promise<void>) {
    this.db = db;
    this.putSynced = putSynced;
  }

  /** Remembers `person` (a no-op when their name is already stored). */
  async note(person: Pick<Identity, 'sub' | 'name'>): Promise<void> {
    if (/[\s!]/.test(person.sub) || this.known.get(person.sub) === person.name) return;
    const value = new TextEncoder().encode(JSON.stringify({ name: person.name, seenAt: new Date().toISOString() }));
    await this.putSynced(`${PREFIX}${person.sub}`, value);
    this.known.set(person.sub, person.name);
  }

  /** The name `sub` was last seen with, or null if they never opened a document here. */
  async nameOf(sub: string): Promise<string | null> {
    const known = this.known.get(sub);
    if (known !== undefined) return known;
    if (/[\s!]/.test(sub)) return null;
    const raw = await this.db.get(`${PREFIX}${sub}`);
    return raw === undefined ? null : readName(raw);
  }

  /** Everyone seen, in no particular order. */
  async all(): Promise<SeenPerson[]> {
    const people: SeenPerson[] = [];
    for await (const [key, value] of this.db.iterator({ gte: PREFIX, lt: `${PREFIX}\xff` })) {
      const name = readName(value);
      if (name !== null) people.push({ sub: key.slice(PREFIX.length), name });
    }
    return people;
  }
}

function readName(value: Uint8Array): string | null {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(value)) as { name?: unknown };
    return typeof parsed.name === 'string' ? parsed.name : null;
  } catch {
    return null;
  }
}
