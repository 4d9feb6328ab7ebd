import type { Identity } from './tokens.ts';

/** 乐亭县 (Laoting county, Hebei): the region of the demo departments and of its finance bureau. */
const LAOTING = '130225';
/** The demo organisations: two departments with people, the finance bureau reviewing them. */
export const DEMO_ORGS = {
  office: { org: 'lt-zfb', orgKind: 'department', region: LAOTING },
  affairs: { org: 'lt-jgsw', orgKind: 'department', region: LAOTING },
  finance: { org: 'lt-czj', orgKind: 'finance', region: LAOTING },
} as const satisfies Record<string, Pick<Identity, 'org' | 'orgKind' | 'region'>>;

/**
 * People a newcomer can sign in as on a local install (only while the server runs on its
 * locally generated secret, never with JWT_SECRET set): 县政府办 (张三 owner, 李四 and 王五 editors
 * with project and money grants, 钱七 viewer), 机关事务中心 (孙八 owner), 财政局 (赵六 reviewer,
 * 周九 its owner who assigns reviewers) and a server administrator.
 */
export const DEMO_USERS: readonly Identity[] = [
  { sub: 'alice', name: '张三', role: 'owner', ...DEMO_ORGS.office },
  { sub: 'bob', name: '李四', role: 'editor', ...DEMO_ORGS.office },
  { sub: 'carol', name: '王五', role: 'editor', ...DEMO_ORGS.office },
  { sub: 'dave', name: '赵六', role: 'reviewer', ...DEMO_ORGS.finance },
  { sub: 'erin', name: '钱七', role: 'viewer', ...DEMO_ORGS.office },
  { sub: 'frank', name: '孙八', role: 'owner', ...DEMO_ORGS.affairs },
  { sub: 'gina', name: '周九', role: 'owner', ...DEMO_ORGS.finance },
  { sub: 'root', name: '系统管理员', role: 'admin' },
];

const ORG_NAMES: Record<string, string> = { 'lt-zfb': '县政府办', 'lt-jgsw': '机关事务中心', 'lt-czj': '财政局' };

/** The demo sign-ins as lines for the console at start: who, role, organisation, and what each shows. */
export function demoSignInLines(url: string): string[] {
  const rows = DEMO_USERS.map((u) => {
    const org = u.org ? `${ORG_NAMES[u.org] ?? u.org} ${u.org} (${u.orgKind}, ${u.region})` : '— (server administration)';
    return `  ${u.name.padEnd(5, '\u3000')} ${u.sub.padEnd(6)} ${u.role.padEnd(9)} ${org}`;
  });
  return [
    `演示账号 / demo sign-ins — open ${url} and pick one:`,
    ...rows,
    '  李四 edits only two projects of 县政府办\'s text, 王五 its money cells; 赵六 (财政局) returns or approves.',
  ];
}

/** A stable colour for a user, so everyone sees the same colour for the same person. */
export function colorForUser(sub: string): string {
  let h = 0;
  for (const ch of sub) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `hsl(${h % 360} 70% 42%)`;
}
