import { randomBytes } from 'node:crypto';
import { JixiaoError } from '../../shared/errors.ts';
import type { Grant } from '../../shared/access/grants.ts';
import { prefixEnd, type KvOp, type KvStore } from './kv-store.ts';

/*
 * Organisations, edit rights and their audit log, beside the documents in the shared key-value store:
 *   v1!org!doc!<docId>                                JSON DocOwner: the organisation a document belongs to
 *   v1!org!grant!<docId>!<sub>                        JSON Grant: one person's grant on a document
 *   v1!org!assign!<sub>                               JSON Assignment: the departments a finance reviewer is narrowed to
 *   v1!org!audit!<scope>!<at:013d>!<seq:06d><writer>  JSON AuditEntry; scope = a document id, or `~assignments`
 *   v1!org!seen!<org>!<sub>                           JSON SeenPerson: someone who signed in with that organisation
 * One key per grant, so two instances setting different people's grants at once never overwrite
 * each other; <writer> is random per process, so two instances auditing in the same millisecond
 * never share a key. Ids, subs and org codes are validated before they reach a key, so '!' never
 * appears inside one. Every write is one synced batch that rejects with STORAGE_FAILED.
 */

/** The organisation (and region) a document belongs to, recorded by the server at creation. */
export interface DocOwner {
  org: string;
  orgKind: 'department' | 'finance';
  region: string | null;
}

/** The departments (org codes) a finance reviewer is narrowed to. */
export interface Assignment {
  departments: string[];
}

/** One recorded change of membership, grants, assignments or ownership. */
export interface AuditEntry {
  at: string;
  by: { sub: string; name: string };
  kind: 'member' | 'grant' | 'assignment' | 'transfer';
  /** Whose membership, grant or assignment changed (the document id for a transfer). */
  subject: string;
  before: unknown;
  after: unknown;
}

/** Someone the server has seen sign in with an organisation (the @mention candidates of that organisation). */
export interface SeenPerson {
  sub: string;
  name: string;
  role: string;
  /** The organisation's kind and region as the sign-in said (absent in records written before them). */
  orgKind?: 'department' | 'finance';
  region?: string | null;
}

const P = 'v1!org!';
/** Audit scope of assignment changes (not a document id: ids never start with '~'). */
export const ASSIGNMENT_SCOPE = '~assignments';

const range = (prefix: string) => ({ gt: prefix, lt: prefixEnd(prefix) });

/** Durable store of document organisations, grants, assignments, sign-ins seen and the audit log. */
export class OrgStore {
  private readonly db: KvStore;
  private readonly writer = randomBytes(3).toString('hex');
  private seq = 0;

  constructor(db: KvStore) {
    this.db = db;
  }

  /** Whether this process is the only one using the store (LevelDB), so what it read stays true until it writes. */
  get exclusive(): boolean {
    return this.db.backend === 'leveldb';
  }

  /** The organisation of a document, or null for one created without (single organisation, or before organisations). */
  async owner(docId: string): Promise<DocOwner | null> {
    return this.getJson<DocOwner>(`${P}doc!${docId}`);
  }

  /** Every grant of a document, by person. */
  async grants(docId: string): Promise<Record<string, Grant>> {
    const prefix = `${P}grant!${docId}!`;
    const out: Record<string, Grant> = {};
    for await (const [key, value] of this.db.iterator(range(prefix))) out[key.slice(prefix.length)] = decode(value) as Grant;
    return out;
  }

  /** A finance reviewer's assignment, or null (every department of the region). */
  async assignment(sub: string): Promise<Assignment | null> {
    return this.getJson<Assignment>(`${P}assign!${sub}`);
  }

  /** Every assignment, by person. */
  async assignments(): Promise<Record<string, Assignment>> {
    const out: Record<string, Assignment> = {};
    for await (const [key, value] of this.db.iterator(range(`${P}assign!`))) out[key.slice(`${P}assign!`.length)] = decode(value) as Assignment;
    return out;
  }

  /** The audit log of a scope (a document id or {@link ASSIGNMENT_SCOPE}), oldest first. */
  async audit(scope: string): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    for await (const value of this.db.values(range(`${P}audit!${scope}!`))) out.push(decode(value) as AuditEntry);
    return out;
  }

  /** People seen signing in with `org`. */
  async seen(org: string): Promise<SeenPerson[]> {
    const out: SeenPerson[] = [];
    for await (const value of this.db.values(range(`${P}seen!${org}!`))) out.push(decode(value) as SeenPerson);
    return out;
  }

  /** Everyone seen signing in with any organisation, with it. */
  async allSeen(): Promise<Array<SeenPerson & { org: string }>> {
    const prefix = `${P}seen!`;
    const out: Array<SeenPerson & { org: string }> = [];
    for await (const [key, value] of this.db.iterator(range(prefix))) out.push({ ...(decode(value) as SeenPerson), org: key.slice(prefix.length).split('!')[0] as string });
    return out;
  }

  /** Records a document's organisation (creation or transfer), with an audit entry when given. */
  setOwner(docId: string, owner: DocOwner, audit?: AuditEntry): Promise<void> {
    return this.write([put(`${P}doc!${docId}`, owner), ...this.auditOps(docId, audit)]);
  }

  /** Sets (or, with null, removes) one person's grant on a document and records the change. */
  setGrant(docId: string, sub: string, grant: Grant | null, audit: AuditEntry): Promise<void> {
    const key = `${P}grant!${docId}!${sub}`;
    return this.write([grant ? put(key, grant) : { type: 'del', key }, ...this.auditOps(docId, audit)]);
  }

  /** Sets (or, with null, removes) a finance reviewer's assignment and records the change. */
  setAssignment(sub: string, assignment: Assignment | null, audit: AuditEntry): Promise<void> {
    const key = `${P}assign!${sub}`;
    return this.write([assignment ? put(key, assignment) : { type: 'del', key }, ...this.auditOps(ASSIGNMENT_SCOPE, audit)]);
  }

  /** Records an audit entry alone (membership changes, whose state lives in the review document). */
  record(scope: string, entry: AuditEntry): Promise<void> {
    return this.write(this.auditOps(scope, entry));
  }

  /** Records that `person` signed in with `org`. */
  putSeen(org: string, person: SeenPerson): Promise<void> {
    return this.write([put(`${P}seen!${org}!${person.sub}`, person)]);
  }

  private auditOps(scope: string, entry: AuditEntry | undefined): KvOp[] {
    if (!entry) return [];
    this.seq = (this.seq + 1) % 1_000_000;
    const key = `${P}audit!${scope}!${String(Date.parse(entry.at)).padStart(13, '0')}!${String(this.seq).padStart(6, '0')}${this.writer}`;
    return [put(key, entry)];
  }

  private async getJson<T>(key: string): Promise<T | null> {
    const raw = await this.db.get(key);
    return raw === undefined ? null : (decode(raw) as T);
  }

  private async write(ops: KvOp[]): Promise<void> {
    try {
      await this.db.batch(ops, { sync: true });
    } catch (cause) {
      throw new JixiaoError({ code: 'STORAGE_FAILED', zh: '保存失败，请稍后重试', en: 'Saving failed; please retry', details: String(cause) });
    }
  }
}

function put(key: string, value: unknown): KvOp {
  return { type: 'put', key, value: new TextEncoder().encode(JSON.stringify(value)) };
}

function decode(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder().decode(bytes));
}
