import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BudgetTextSchema } from '../../../shared/model/budget-text-schema.ts';
import { SEEDS, SEED_DIR, importSeed } from './seed-fixtures.ts';

const CLI = fileURLToPath(new URL('../../../server/cli/import.ts', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'jixiao-import-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('node server/cli/import.ts FILE', () => {
  it('prints the canonical JSON of a seed on stdout, nothing on stderr, and exits 0', () => {
    const run = runCli(SEED_DIR + SEEDS.tsv);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\{\n {2}"schemaVersion": 1,\n {2}"title": "遵化市人民政府办公室2024年部门预算绩效文本",/);
    const doc = BudgetTextSchema.parse(JSON.parse(run.stdout));
    const expected = importSeed(SEEDS.tsv).doc;
    const withoutIds = (d: typeof doc) => JSON.stringify(d).replace(/"id":"[^"]*"/g, '"id":""');
    expect(withoutIds(doc)).toBe(withoutIds(expected));
  });

  it('prints a bilingual error and exits 1 for a file that is no 绩效文本', () => {
    const file = join(scratch, 'notes.txt');
    writeFileSync(file, '会议纪要：下周一开会。\nMeeting notes: Monday.\n');
    const run = runCli(file);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('未识别出部门预算绩效文本的表格');
    expect(run.stderr).toContain('No budget performance tables were recognised');
  });

  it('exits 1 with a bilingual message for a missing file, a folder, binary data or no argument', () => {
    const binary = join(scratch, 'report.docx');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00]));
    const cases: [string[], string][] = [
      [[join(scratch, 'missing.txt')], 'not found'],
      [[scratch], 'is not a file'],
      [[binary], 'incomplete or damaged'],
      [[], 'Give exactly one file'],
    ];
    for (const [args, en] of cases) {
      const run = runCli(...args);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(en);
      expect(run.stderr).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
