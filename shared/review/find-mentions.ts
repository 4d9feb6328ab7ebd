import type { Member } from './review-types.ts';

/**
 * The members a comment mentions: `@name` or `@sub` of a member, matched longest name first so
 * "@张三丰" does not also mention 张三. Returns subs, each once.
 */
export function findMentions(text: string, members: Record<string, Pick<Member, 'name'>>): string[] {
  const candidates = Object.entries(members).flatMap(([sub, m]) => [
    { sub, token: m.name },
    { sub, token: sub },
  ]);
  candidates.sort((a, b) => b.token.length - a.token.length);
  const found = new Set<string>();
  for (const match of text.matchAll(/@/g)) {
    const rest = text.slice((match.index ?? 0) + 1);
    const hit = candidates.find((c) => c.token && rest.startsWith(c.token));
    if (hit) found.add(hit.sub);
  }
  return [...found];
}
