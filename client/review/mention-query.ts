/** Someone who can be mentioned: a member of the document or a person in it now. */
export interface Mentionable {
  sub: string;
  name: string;
}

/** An `@…` being typed: where its `@` is and what follows it up to the caret. */
export interface MentionQuery {
  start: number;
  query: string;
}

// Names are short; past this the `@` is an e-mail address or a stray sign, not a mention.
const MAX_QUERY = 16;

/** The mention being typed at `caret` in `text`; null when the caret is not in one. */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('@');
  if (start < 0) return null;
  const query = before.slice(start + 1);
  if (query.length > MAX_QUERY || /\s/.test(query)) return null;
  // `name@host`: an address, not a mention.
  const previous = before[start - 1];
  if (previous !== undefined && /[A-Za-z0-9._-]/.test(previous)) return null;
  return { start, query };
}

/** The people matching `query` by name or sub (prefix matches first), each once, at most `limit`. */
export function matchMentionables(people: readonly Mentionable[], query: string, limit = 8): Mentionable[] {
  const q = query.toLowerCase();
  const unique = [...new Map(people.map((p) => [p.sub, p])).values()];
  const score = (p: Mentionable) => {
    const name = p.name.toLowerCase();
    const sub = p.sub.toLowerCase();
    if (name.startsWith(q) || sub.startsWith(q)) return 0;
    if (name.includes(q) || sub.includes(q)) return 1;
    return 2;
  };
  return unique
    .map((p) => ({ p, s: score(p) }))
    .filter((x) => x.s < 2)
    .sort((a, b) => a.s - b.s)
    .slice(0, limit)
    .map((x) => x.p);
}

/** `text` with the mention being typed replaced by `@name `, and where the caret goes. */
export function insertMention(text: string, mention: MentionQuery, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, mention.start) + inserted + text.slice(caret), caret: mention.start + inserted.length };
}

/**
 * Everyone who can be mentioned, each once, without `me`: the document's members, the people in
 * it now, and `known` — the people of the organisations that reach it, as the server said.
 */
export function mentionables(members: Record<string, { name: string }>, present: readonly Mentionable[], me: string, known: readonly Mentionable[] = []): Mentionable[] {
  const all = [...Object.entries(members).map(([sub, m]) => ({ sub, name: m.name })), ...present.map((p) => ({ sub: p.sub, name: p.name })), ...known.map((p) => ({ sub: p.sub, name: p.name }))];
  return [...new Map(all.filter((p) => p.sub !== me).map((p) => [p.sub, p])).values()];
}
