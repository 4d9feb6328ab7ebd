/** Someone who can be mentioned: a member of the document, a person the server has seen, or a person in it now. */
export interface Mentionable {
  sub: string;
  name: string;
  /** Pinyin initials of the name, lower case ("zs" for 张三), when the server sent them. */
  initials?: string;
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

/**
 * The people matching `query` by name, pinyin initials ("zs" → 张三) or sub (prefix matches
 * first), each once, at most `limit`.
 */
export function matchMentionables(people: readonly Mentionable[], query: string, limit = 8): Mentionable[] {
  const q = query.toLowerCase();
  const unique = [...new Map(people.map((p) => [p.sub, p])).values()];
  const score = (p: Mentionable) => {
    const keys = [p.name.toLowerCase(), p.sub.toLowerCase(), p.initials ?? ''].filter(Boolean);
    if (keys.some((k) => k.startsWith(q))) return 0;
    if (keys.some((k) => k.includes(q))) return 1;
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
 * Everyone who can be mentioned, each once, without `me`: the server's candidates (`known`, with
 * their initials), the document's members and the people in it now (so nobody is missing before
 * the server answered). The first entry of a person wins.
 */
export function mentionables(members: Record<string, { name: string }>, present: readonly Mentionable[], me: string, known: readonly Mentionable[] = []): Mentionable[] {
  const all = [...known, ...Object.entries(members).map(([sub, m]) => ({ sub, name: m.name })), ...present.map((p) => ({ sub: p.sub, name: p.name }))];
  const unique = new Map<string, Mentionable>();
  for (const p of all) if (p.sub !== me && !unique.has(p.sub)) unique.set(p.sub, p);
  return [...unique.values()];
}
