import { ROLES } from '../../shared/review/workflow.ts';
import type { Identity } from '../auth/tokens.ts';
import type { AccessService } from '../review/access-service.ts';
import type { PeopleDirectory, SeenPerson } from './people-directory.ts';
import { pinyinInitials } from './pinyin-initials.ts';

/** Someone who may be @mentioned in a document, with the pinyin initials of their name ("zs" for 张三). */
export interface MentionCandidate {
  sub: string;
  name: string;
  initials: string;
}

/**
 * Who may be @mentioned on a document beyond its members: with organisations, the people seen
 * signing in with an organisation that reaches it (`OrgService.people`); for a document without
 * one (a single-organisation deployment, where everyone reaches everything), everyone seen.
 */
export async function mentionablePeople(access: AccessService, seen: () => Promise<readonly SeenPerson[]>, docId: string): Promise<readonly SeenPerson[]> {
  return (await access.orgs.owner(docId)) ? access.orgs.people(docId) : seen();
}

/**
 * THE source of people to @mention in a document: its members and {@link mentionablePeople}.
 * Needs read access to the document; the caller is left out.
 */
export async function mentionCandidates(access: AccessService, people: PeopleDirectory, docId: string, user: Identity): Promise<MentionCandidate[]> {
  const { review } = await access.require(docId, user, ROLES);
  const byId = new Map<string, string>();
  for (const person of await mentionablePeople(access, () => people.all(), docId)) byId.set(person.sub, person.name);
  // A member's name as the owner wrote it wins over the name last seen in a token.
  for (const [sub, member] of Object.entries(review.members)) byId.set(sub, member.name);
  byId.delete(user.sub);
  // Loaded on the first @mention list, not at start: its dictionary adds ~15 MiB to every server's RSS.
  const { pinyin } = await import('pinyin-pro');
  return [...byId].map(([sub, name]) => ({ sub, name, initials: pinyinInitials(pinyin, name) })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
