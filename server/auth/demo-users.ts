import type { Identity } from './tokens.ts';

/**
 * People a newcomer can sign in as on a local install (only while the server runs on its
 * locally generated secret, never with JWT_SECRET set).
 */
export const DEMO_USERS: readonly Identity[] = [
  { sub: 'alice', name: '张三', role: 'owner' },
  { sub: 'bob', name: '李四', role: 'editor' },
  { sub: 'carol', name: '王五', role: 'editor' },
  { sub: 'dave', name: '赵六', role: 'reviewer' },
  { sub: 'erin', name: '钱七', role: 'viewer' },
];

/** A stable colour for a user, so everyone sees the same colour for the same person. */
export function colorForUser(sub: string): string {
  let h = 0;
  for (const ch of sub) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `hsl(${h % 360} 70% 42%)`;
}
