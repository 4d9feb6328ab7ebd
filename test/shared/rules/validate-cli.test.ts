import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_DIR } from '../../../server/demo/load-demo-docs.ts';
import { makeDoc, mutated, rowOf } from './make-doc.ts';

const SEED_000 = join(SEED_DIR, '000_dab3d716b961eaf4.txt');
const cli = fileURLToPath(new URL('../../../server/cli/validate.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'jixiao-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('server/cli/validate.ts', () => {
  it('prints summary and findings of a canonical JSON file and exits 0', () => {
    const doc = mutated((d) => void (rowOf(d, 0, 3).value = '= 22 万元'));
    const out = run(file('doc.json', JSON.stringify(doc)));
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('');
    const body = JSON.parse(out.stdout) as { summary: unknown; findings: Array<{ ruleId: string; place: unknown }> };
    expect(body.summary).toEqual({ errors: 1, warnings: 0, infos: 0 });
    expect(body.findings).toMatchObject([{ ruleId: 'R-COST-LE-BUDGET', place: { project: 'p1', indicator: 'p1i4', field: 'value' } }]);
  });

  it('takes the hierarchy as an option', () => {
    const out = run(file('clean.json', JSON.stringify(makeDoc())), '--hierarchy', 'mof-2021-4');
    expect(out.status).toBe(0);
    expect((JSON.parse(out.stdout) as { summary: { errors: number } }).summary.errors).toBe(2);
  });

  it('rejects JSON that is not a valid document with a bilingual message and exit 1', () => {
    const out = run(file('bad.json', JSON.stringify({ ...makeDoc(), unit: '元' })));
    expect(out.status).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('文件不是有效的绩效文本 JSON');
    expect(out.stderr).toContain('Not a valid budget-text JSON document');
    expect(out.stderr).toContain('unit');
  });

  it('fails with a bilingual message on a missing file or missing argument', () => {
    const missing = run(join(dir, 'nope.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/无法读取文件[\s\S]*Cannot read/);
    expect(run().status).toBe(1);
  });

  it('imports a raw text through shared/import', () => {
    const out = run(SEED_000);
    expect(out.status).toBe(0);
    const body = JSON.parse(out.stdout) as { findings: Array<{ ruleId: string }> };
    expect(body.findings.some((f) => f.ruleId === 'R-COST-LE-BUDGET')).toBe(true);
  });

  it('reports an import failure bilingually with exit 1', () => {
    const out = run(file('notes.txt', 'hello world'));
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/导入失败[\s\S]*Import failed/);
  });
});
