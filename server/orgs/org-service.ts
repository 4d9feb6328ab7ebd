import { JixiaoError } from '../../shared/errors.ts';
import { isMoneyReserved, type Grant, type GrantView } from '../../shared/access/grants.ts';
import type { Identity } from '../auth/tokens.ts';
import { ASSIGNMENT_SCOPE, type Assignment, type AuditEntry, type DocOwner, type OrgStore, type SeenPerson } from '../storage/org-store.ts';
import { reachesDoc } from './reach.ts';

/**
 * Organisations and edit rights, cached in memory over {@link OrgStore}: which organisation a
 * document belongs to, who reaches it, the grants in force, finance reviewers' assignments, the
 * people seen per organisation, and the audit log of every change to them. Only this service
 * writes them, so its caches stay true.
 */
export class OrgService {
  private readonly store: OrgStore;
  private readonly owners = new Map<string, DocOwner | null>();
  private readonly grantsByDoc = new Map<string, Record<string, Grant>>();
  private readonly assigned = new Map<string, Assignment | null>();
  private readonly seenKeys = new Set<string>();

  constructor(store: OrgStore) {
    this.store = store;
  }

  /** The organisation of a document (null: none, seen by everyone). */
  async owner(docId: string): Promise<DocOwner | null> {
    if (!this.owners.has(docId)) this.owners.set(docId, await this.store.owner(docId));
    return this.owners.get(docId) ?? null;
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
    this.owners.set(docId, owner);
  }

  /** Moves a document to another organisation (server administration), recorded in its audit log. */
  async transfer(docId: string, by: Identity, owner: DocOwner): Promise<void> {
    const before = await this.owner(docId);
    await this.store.setOwner(docId, owner, audit(by, 'transfer', docId, before, owner));
    this.owners.set(docId, owner);
  }

  /** Every grant of a document, by person. */
  async grants(docId: string): Promise<Record<string, Grant>> {
    if (!this.grantsByDoc.has(docId)) this.grantsByDoc.set(docId, await this.store.grants(docId));
    return this.grantsByDoc.get(docId) ?? {};
  }

  /** The grants in force for one writer. */
  async grantView(docId: string, sub: string): Promise<GrantView> {
    const all = await this.grants(docId);
    return { mine: all[sub], moneyReserved: isMoneyReserved(Object.values(all)) };
  }

  /** Sets (or, with null, removes) one person's grant, recorded in the document's audit log. */
  async setGrant(docId: string, by: Identity, sub: string, grant: Grant | null): Promise<void> {
    const all = { ...(await this.grants(docId)) };
    const before = all[sub] ?? null;
    if (!grant && !before) throw new JixiaoError({ code: 'NOT_FOUND', zh: '此人没有编辑范围', en: 'This person has no grant' });
    if (grant) all[sub] = grant;
    else delete all[sub];
    await this.store.setGrants(docId, all, audit(by, 'grant', sub, before, grant));
    this.grantsByDoc.set(docId, all);
  }

  /** A finance reviewer's assignment (null: every department of the region). */
  async assignment(sub: string): Promise<Assignment | null> {
    if (!this.assigned.has(sub)) this.assigned.set(sub, await this.store.assignment(sub));
    return this.assigned.get(sub) ?? null;
  }

  /** Every assignment, with the log of their changes. */
  async assignments(): Promise<{ assignments: Record<string, Assignment>; audit: AuditEntry[] }> {
    return { assignments: await this.store.assignments(), audit: await this.store.audit(ASSIGNMENT_SCOPE) };
  }

  /** Narrows a finance reviewer to `departments` (null: back to the whole region), recorded. */
  async setAssignment(by: Identity, sub: string, assignment: Assignment | null): Promise<void> {
    const before = await this.assignment(sub);
    await this.store.setAssignment(sub, assignment, audit(by, 'assignment', sub, before, assignment));
    this.assigned.set(sub, assignment);
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
    const key = `${identity.org}!${identity.sub}!${identity.name}!${identity.role}`;
    if (this.seenKeys.has(key)) return;
    await this.store.putSeen(identity.org, { sub: identity.sub, name: identity.name, role: identity.role });
    this.seenKeys.add(key);
  }

  /** People seen signing in with `org`. */
  seen(org: string): Promise<SeenPerson[]> {
    return this.store.seen(org);
  }
}

function audit(by: Identity, kind: AuditEntry['kind'], subject: string, before: unknown, after: unknown): AuditEntry {
  return { at: new Date().toISOString(), by: { sub: by.sub, name: by.name }, kind, subject, before, after };
}
