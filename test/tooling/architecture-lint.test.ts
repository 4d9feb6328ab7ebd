import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CONFIG = resolve(import.meta.dirname, '../../eslint.config.js');

/*
 * A throwaway project with the repository's lint configuration: what `npm run lint` reports for
 * these files is what it would report for the same imports in server/, client/ and shared/.
 */
const FILES: Record<string, string> = {
  'server/app.ts': "/** x */\nexport const app = 1;\n",
  'client/uses-server.ts': "import { app } from '../server/app.ts';\n/** x */\nexport const y = app;\n",
  'shared/uses-client.ts': "import { y } from '../client/uses-server.ts';\n/** x */\nexport const z = y;\n",
  'shared/cycle-a.ts': "import { b } from './cycle-b.ts';\n/** x */\nexport const a = (): number => b();\n",
  'shared/cycle-b.ts': "import { a } from './cycle-a.ts';\n/** x */\nexport const b = (): number => a();\n",
  'shared/fine.ts': "import { a } from './cycle-a.ts';\n/** x */\nexport const f = a;\n",
  'server/http/doc-routes.ts': "/** x */\nexport const docRoutes = 1;\n",
  'server/http/review-routes.ts': "import { docRoutes } from './doc-routes.ts';\n/** x */\nexport const reviewRoutes = docRoutes;\n",
  'server/http/http-kit.ts': "import { app } from '../app.ts';\n/** x */\nexport const kit = app;\n",
};

describe('the architecture rules of `npm run lint`', () => {
  let root = '';
  let messages: Map<string, string[]>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'jixiao-lint-'));
    for (const [path, text] of Object.entries(FILES)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    // The zones are relative to the working directory, as when `npm run lint` runs at the repository root.
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const results = await new ESLint({ cwd: root, overrideConfigFile: CONFIG }).lintFiles(Object.keys(FILES));
      messages = new Map(results.map((r) => [r.filePath.slice(root.length + 1), r.messages.map((m) => m.ruleId ?? m.message)]));
    } finally {
      process.chdir(cwd);
    }
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('fails an import from client/ into server/ and from shared/ into client/', () => {
    expect(messages.get('client/uses-server.ts')).toContain('import-x/no-restricted-paths');
    expect(messages.get('shared/uses-client.ts')).toContain('import-x/no-restricted-paths');
  });

  it('fails a route module importing another one, but not the kit importing the server', () => {
    expect(messages.get('server/http/review-routes.ts')).toContain('import-x/no-restricted-paths');
    expect(messages.get('server/http/doc-routes.ts')).toEqual([]);
    expect(messages.get('server/http/http-kit.ts')).toEqual([]);
  });

  it('fails both files of an import cycle, and nothing else', () => {
    expect(messages.get('shared/cycle-a.ts')).toContain('import-x/no-cycle');
    expect(messages.get('shared/cycle-b.ts')).toContain('import-x/no-cycle');
    expect(messages.get('shared/fine.ts')).toEqual([]);
    expect(messages.get('server/app.ts')).toEqual([]);
  });
});
