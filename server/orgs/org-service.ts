import { JixiaoError } from '../../shared/errors.ts';
import { isMoneyReserved, type Grant, type GrantView } from '../../shared/access/grants.ts';
import type { Identity } from '../auth/tokens.ts';
import { ASSIGNMENT_SCOPE, type Assignment, type AuditEntry, type DocOwner, type OrgStore, type SeenPerson } from '../storage/org-store.ts';
import { reachesDoc } from './reach.ts';

/**
 * Organisations and edit rights over {@link OrgStore}: which organisation a document belongs to,
 * who reaches it, the grants in force, finance reviewers' assignments, the people seen per
 * organisation, and the audit log of every change to them. On LevelDB this process is the only
 * writer, so what it read is cached; on PostgreSQL another instance may change them at any time,
 * so every decision reads the store (a grant revoked on one instance binds the next update on all).
 */
export class OrgService {
  private readonly store: OrgStore;
  private readonly owners = new Map<string, DocOwner | null>();
  private readonly grantsByDoc = new Map<string, Record<string, Grant>>();
  private readonly assigned = new Map<string, Assignment | null>();
  private readonly seenKeys = new Set<string>();
  private readonly caching: boolean;
  /** Counts writes, so a read that raced one is not cached. */
  private generation = 0;

  constructor(store: OrgStore) {
    this.store = store;
    this.caching = store.exclusive;
  }

  /** The organisation of a document (null: none, seen by everyone). */
  owner(docId: string): Promise<DocOwner | null> {
    return this.cached(this.owners, docId, () => this.store.owner(docId));
  }

  /** Whether `identity` can see the document at all (else every route answers 404). */
  async reaches(identity: Identity, docId: string): Promise<boolean> {
    const owner = await this.owner(docId);
    const assignment = identity.orgKind === 'finance' ? await this.assignment(identity.sub) : null;
    return reachesDoc(identity, owner, assignment);
  }

  /** Records that a new document belongs to its creator's organisation (nothing without one). */
  async claim(docId: string, creator: Identity | undefined): Promise<void> {
    if (!creator?.org) return;
    const owner: DocOwner = { org: creator.org, orgKind: creator.orgKind ?? 'department', region: creator.region ?? null };
    await this.store.setOwner(docId, owner);
    this.generation++;
    if (this.caching) this.owners.set(docId, owner);
  }

  /** Moves a document to another organisation (server administration), recorded in its audit log. */
  async transfer(docId: string, by: Identity, owner: DocOwner): Promise<void> {
    const before = await this.owner(docId);
    await this.store.setOwner(docId, owner, audit(by, 'transfer', docId, before, owner));
    this.generation++;
    if (this.caching) this.owners.set(docId, owner);
  }

  /** Every grant of a document, by person. */
  grants(docId: string): Promise<Record<string, Grant>> {
    return this.cached(this.grantsByDoc, docId, () => this.store.grants(docId));
  }

  /** The grants in force for one writer. */
  async grantView(docId: string, sub: string): Promise<GrantView> {
    return viewOf(await this.grants(docId), sub);
  }

  /** {@link grantView} without waiting, when the document's grants are cached; undefined otherwise. */
  cachedGrantView(docId: string, sub: string): GrantView | undefined {
    const all = this.caching ? this.grantsByDoc.get(docId) : undefined;
    return all && viewOf(all, sub);
  }

  /** Sets (or, with null, removes) one person's grant, recorded in the document's audit log. */
  async setGrant(docId: string, by: Identity, sub: string, grant: Grant | null): Promise<void> {
    const before = (await this.store.grants(docId))[sub] ?? null;
    if (!grant && !before) throw new JixiaoError({ code: 'NOT_FOUND', zh: '此人没有编辑范围', en: 'This person has no grant' });
    await this.store.setGrant(docId, sub, grant, audit(by, 'grant', sub, before, grant));
    this.generation++;
    // Forget rather than patch: the next read sees every grant, including another instance's.
    this.grantsByDoc.delete(docId);
  }

  /** A finance reviewer's assignment (null: every department of the region). */
  assignment(sub: string): Promise<Assignment | null> {
    return this.cached(this.assigned, sub, () => this.store.assignment(sub));
  }

  /** Every assignment, with the log of their changes. */
  async assignments(): Promise<{ assignments: Record<string, Assignment>; audit: AuditEntry[] }> {
    return { assignments: await this.store.assignments(), audit: await this.store.audit(ASSIGNMENT_SCOPE) };
  }

  /** Narrows a finance reviewer to `departments` (null: back to the whole region), recorded. */
  async setAssignment(by: Identity, sub: string, assignment: Assignment | null): Promise<void> {
    const before = await this.assignment(sub);
    await this.store.setAssignment(sub, assignment, audit(by, 'assignment', sub, before, assignment));
    this.generation++;
    if (this.caching) this.assigned.set(sub, assignment);
  }

  /** Records a membership change in a document's audit log (the membership itself lives in its review document). */
  recordMember(docId: string, by: Identity, sub: string, before: unknown, after: unknown): Promise<void> {
    return this.store.record(docId, audit(by, 'member', sub, before, after));
  }

  /** The audit log of a document: membership, grants and transfers, oldest first. */
  audit(docId: string): Promise<AuditEntry[]> {
    return this.store.audit(docId);
  }

  /** Notes a sign-in with an organisation (once per person, name and role per process). */
  async noteSeen(identity: Identity): Promise<void> {
    if (!identity.org) return;
    const key = JSON.stringify([identity.org, identity.sub, identity.name, identity.role, identity.orgKind, identity.region]);
    if (this.seenKeys.has(key)) return;
    await this.store.putSeen(identity.org, { sub: identity.sub, name: identity.name, role: identity.role, orgKind: identity.orgKind ?? 'department', region: identity.region ?? null });
    this.seenKeys.add(key);
  }

  /** People seen signing in with `org`. */
  seen(org: string): Promise<SeenPerson[]> {
    return this.store.seen(org);
  }

  /**
   * The people who can be @mentioned on a document beyond its members: everyone seen signing in
   * with an organisation that reaches it (its department, the finance bureau of its region as
   * narrowed by assignments), never an `admin`. None for a document without an organisation.
   */
  async people(docId: string): Promise<Array<{ sub: string; name: string }>> {
    const owner = await this.owner(docId);
    if (!owner) return [];
    const out = new Map<string, { sub: string; name: string }>();
    for (const p of await this.store.allSeen()) {
      if (p.role === 'admin' || out.has(p.sub)) continue;
      const identity: Identity = { sub: p.sub, name: p.name, role: 'viewer', org: p.org, orgKind: p.orgKind ?? 'department', ...(p.region ? { region: p.region } : {}) };
      const assignment = identity.orgKind === 'finance' ? await this.assignment(p.sub) : null;
      if (reachesDoc(identity, owner, assignment)) out.set(p.sub, { sub: p.sub, name: p.name });
    }
    return [...out.values()];
  }

  private async cached<K, V>(cache: Map<K, V>, key: K, load: () => Promise<V>): Promise<V> {
    if (!this.caching) return load();
    if (cache.has(key)) return cache.get(key) as V;
    const generation = this.generation;
    const value = await load();
    // A write that finished while this read ran may have made it stale: return it, keep nothing.
    if (generation === this.generation) cache.set(key, value);
    return value;
  }
}

function viewOf(all: Record<string, Grant>, sub: string): GrantView {
  return { mine: all[sub], moneyReserved: isMoneyReserved(Object.values(all)) };
}

function audit(by: Identity, kind: AuditEntry['kind'], subject: string, before: unknown, after: unknown): AuditEntry {
  return { at: new Date().toISOString(), by: { sub: by.sub, name: by.name }, kind, subject, before, after };
}
