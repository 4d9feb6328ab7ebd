import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importFileBytes } from '../../../server/office/import-file-bytes.ts';
import { BudgetTextSchema } from '../../../shared/model/budget-text-schema.ts';
import { writeBudgetDocx } from '../../../shared/office/index.ts';
import { badOfficeFiles } from '../../fixtures/office/bad-office-files.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';
import { withoutIds } from '../../shared/office/office-fixtures.ts';

const cli = (name: string) => fileURLToPath(new URL(`../../../server/cli/${name}.ts`, import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'jixiao-office-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs a CLI with stdout going to a file (as `> OUT` does), returning its status, stderr and the file's bytes. */
function run(name: string, args: string[]): { status: number | null; stderr: string; out: Buffer } {
  const outFile = join(scratch, `out-${Math.random().toString(36).slice(2)}`);
  const result = spawnSync('/bin/sh', ['-c', `"$0" "$@" > "${outFile}"`, process.execPath, cli(name), ...args], { encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stderr: result.stderr, out: readFileSync(outFile) };
}

describe('import and export from the command line', () => {
  const small = makeSmallBudgetText();
  const json = join(scratch, 'small.json');
  writeFileSync(json, JSON.stringify(small));

  it('exports JSON to .docx and .xlsx, and imports both back to the same JSON', () => {
    for (const format of ['docx', 'xlsx']) {
      const exported = run('export', [json, '--format', format]);
      expect(exported.stderr).toBe('');
      expect(exported.status).toBe(0);
      const file = join(scratch, `small.${format}`);
      writeFileSync(file, exported.out);
      const imported = run('import', [file]);
      expect(imported.stderr).toBe('');
      expect(imported.status).toBe(0);
      expect(withoutIds(BudgetTextSchema.parse(JSON.parse(imported.out.toString('utf8'))))).toEqual(withoutIds(small));
    }
  });

  it('refuses bad export arguments with a bilingual error, exit 1 and nothing on stdout', () => {
    for (const args of [[json], [json, '--format', 'pdf'], [join(scratch, 'missing.json'), '--format', 'docx']]) {
      const result = run('export', args);
      expect(result.status).toBe(1);
      expect(result.out.length).toBe(0);
      expect(result.stderr).toMatch(/[\u4e00-\u9fff]/);
      expect(result.stderr).toMatch(/usage/);
    }
  });

  it('refuses each bad office file with a bilingual error and exit 1', async () => {
    const valid = await writeBudgetDocx(small);
    expect((await importFileBytes(valid)).ok).toBe(true);
    for (const [i, file] of badOfficeFiles(valid).entries()) {
      const path = join(scratch, `bad-${i}.docx`);
      writeFileSync(path, file.bytes);
      const result = run('import', [path]);
      expect(result.status, file.kind).toBe(1);
      expect(result.out.length, file.kind).toBe(0);
      expect(result.stderr, file.kind).toMatch(file.zh);
      expect(result.stderr.split('\n')[1], file.kind).toMatch(/[A-Za-z]{3}/);
    }
  });
});
