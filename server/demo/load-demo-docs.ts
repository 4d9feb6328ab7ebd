import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importBudgetText } from '../../shared/import/index.ts';
import type { Identity } from '../auth/tokens.ts';
import { DEMO_ORGS, DEMO_USERS } from '../auth/demo-users.ts';
import type { DocService } from '../docs/doc-service.ts';
import type { OrgService } from '../orgs/org-service.ts';
import type { DocStore } from '../storage/doc-store.ts';
import { serverPath } from '../server-files.ts';

/** Folder of the real seed texts shipped with the app. */
export const SEED_DIR = serverPath('./demo/seeds', '../../server/demo/seeds');

const user = (sub: string): Identity => DEMO_USERS.find((u) => u.sub === sub) as Identity;
/** Who created each seed (by file prefix): demo people, or a stand-in for a department without any. */
const CREATORS: Record<string, Identity> = {
  '000': user('alice'),
  '001': { sub: 'zh-office', name: '遵化市政府办', role: 'owner', org: 'zh-zfb', orgKind: 'department', region: '130281' },
  '002': { sub: 'lt-devzone', name: '经济开发区管委会', role: 'owner', org: 'lt-kfq', orgKind: 'department', region: DEMO_ORGS.office.region },
  '003': user('frank'),
  '004': { sub: 'lt-town', name: '大相各庄镇政府', role: 'owner', org: 'lt-dxgz', orgKind: 'department', region: DEMO_ORGS.office.region },
};

/**
 * On a store with no documents, imports every seed text so a newcomer sees real content, each in
 * its department's organisation; on 县政府办's document 李四 may edit only the first two projects
 * and 王五 holds the money cells. A seed that fails to import is a bug in the importer: it throws
 * rather than starting half-empty.
 */
export async function loadDemoDocs(store: DocStore, docs: DocService, orgs: OrgService): Promise<number> {
  if ((await store.listMeta()).length > 0) return 0;
  const files = (await readdir(SEED_DIR)).filter((f) => f.endsWith('.txt')).sort();
  for (const file of files) {
    const result = importBudgetText(await readFile(join(SEED_DIR, file), 'utf8'));
    if (!result.ok) throw new Error(`demo seed ${file} failed to import: ${result.error.en}`);
    const creator = CREATORS[file.slice(0, 3)];
    const id = await docs.createFromJson(result.value.doc, creator);
    if (creator?.sub !== 'alice') continue;
    const projects = result.value.doc.projects.slice(0, 2).map((p) => p.id);
    await orgs.setGrant(id, creator, 'bob', { projects, money: false, sections: ['subGoals'] });
    await orgs.setGrant(id, creator, 'carol', { projects: [], money: true, sections: [] });
  }
  return files.length;
}
