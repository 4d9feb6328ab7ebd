import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFileBytes } from '../../../server/office/import-file-bytes.ts';
import { writeBudgetXlsx } from '../../../server/office/write-budget-xlsx.ts';
import type { BudgetText, Project } from '../../../shared/model/budget-text-schema.ts';
import { indicatorRuns, writeBudgetDocx } from '../../../shared/office/index.ts';
import { libreOffice, parseCsv, type LibreOffice } from '../../helpers/libreoffice.ts';
import { SEEDS, importSeed } from '../../shared/import/seed-fixtures.ts';
import { withoutIds } from '../../shared/office/office-fixtures.ts';

// An independent reader: LibreOffice opens the exported files and we check what it shows — text per cell,
// merged cells shown once, numbers as formatted, pages — and files LibreOffice itself writes import back.
const exec = promisify(execFile);
const word = importSeed(SEEDS.tsv).doc; // 15 projects, 105 rows, percent plans
const excel = importSeed(SEEDS.cellLines).doc; // 17 projects, 117 rows, amount plans
let dir: string;
let lo: LibreOffice;
let txt: string[];
let pdf: string;

/** What LibreOffice's text export shows for a project's grid: one line per cell, a merged cell's text only in its first row. */
function gridLines(project: Project): string[] {
  const runs = indicatorRuns(project.indicators);
  return project.indicators.flatMap((row, i) => [
    (runs[i]?.level1 ?? 0) > 0 ? row.level1 : '', (runs[i]?.level2 ?? 0) > 0 ? row.level2 : '',
    row.name, row.description, row.value, row.basis,
  ].flatMap((cell) => cell.split('\n')));
}

const pageText = async (page: number) => (await exec('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'])).stdout;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jixiao-lo-'));
  lo = await libreOffice(dir);
  await writeFile(join(dir, 'word.docx'), await writeBudgetDocx(word));
  await writeFile(join(dir, 'excel.xlsx'), await writeBudgetXlsx(excel));
  [pdf] = (await lo.convert([join(dir, 'word.docx')], 'pdf', join(dir, 'pdf'))) as [string];
  const [text] = await lo.convert([join(dir, 'word.docx')], 'txt:Text', join(dir, 'txt'));
  txt = (await readFile(text as string, 'utf8')).replace(/^\ufeff/, '').split(/\r?\n/);
  await lo.convert([join(dir, 'excel.xlsx')], 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', join(dir, 'csv'));
}, 300_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('LibreOffice reading an exported .docx', () => {
  it('shows title, 第一部分 and every project heading in order', () => {
    expect(txt[0]).toBe(word.title);
    expect(txt).toContain('第一部分 部门整体绩效目标');
    const headings = word.projects.map((p, i) => `${i + 1}.${p.name}绩效目标表`);
    expect(txt.filter((l) => headings.includes(l))).toEqual(headings);
  });

  it('shows every indicator cell, with merged 一级/二级指标 once per run', () => {
    let at = 0;
    for (const project of word.projects) {
      at = txt.indexOf('指标值确定依据', at) + 1;
      expect(at).toBeGreaterThan(0);
      const expected = gridLines(project);
      expect(txt.slice(at, at + expected.length)).toEqual(expected);
    }
  });

  it('lays out A4 pages, each 绩效目标表 on its own page, the grid header repeated on continued pages', async () => {
    const info = (await exec('pdfinfo', [pdf])).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    const texts = await Promise.all(Array.from({ length: pages }, (_, i) => pageText(i + 1)));
    const flat = texts.map((t) => t.replace(/\s/g, ''));
    const headingPages = word.projects.map((p, i) => flat.findIndex((t) => t.includes(`${i + 1}.${p.name}绩效目标表`.replace(/\s/g, ''))));
    expect(headingPages).not.toContain(-1);
    expect(new Set(headingPages).size).toBe(word.projects.length);
    const gridPages = texts.filter((t) => t.includes('三级指标')).length;
    expect(gridPages).toBeGreaterThan(word.projects.length);
    const png = join(dir, 'page');
    await exec('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', pdf, png]);
    expect((await readdir(dir)).filter((f) => f.startsWith('page-')).length).toBe(2);
  });
});

describe('LibreOffice reading an exported .xlsx', () => {
  const csv = async (sheet: string) => parseCsv(await readFile(join(dir, 'csv', `excel-${sheet}.csv`), 'utf8'));

  it('shows 第一部分, a 汇总 row per project and a sheet per project', async () => {
    expect((await csv('第一部分'))[0]?.[0]).toBe(excel.title);
    const summary = await csv('汇总');
    expect(summary.slice(1).map((r) => r[2])).toEqual(excel.projects.map((p) => p.name));
    const files = await readdir(join(dir, 'csv'));
    expect(files.length).toBe(excel.projects.length + 2);
  });

  it('shows amounts with two decimals, the unit, and the merged grid once per run', async () => {
    const files = await readdir(join(dir, 'csv'));
    for (const [i, project] of excel.projects.entries()) {
      const file = files.find((f) => f.startsWith(`excel-${i + 1}.`)) as string;
      const rows = parseCsv(await readFile(join(dir, 'csv', file), 'utf8'));
      expect(rows[3]?.[2]).toBe(project.budget.total === null ? '' : project.budget.total.toFixed(2));
      expect(rows[5]?.[0]).toBe('资金支出计划（万元）');
      const runs = indicatorRuns(project.indicators);
      const grid = rows.slice(9, 9 + project.indicators.length).map((r) => r.slice(0, 8));
      expect(grid).toEqual(project.indicators.map((row, k) => [
        (runs[k]?.level1 ?? 0) > 0 ? row.level1 : '', (runs[k]?.level2 ?? 0) > 0 ? row.level2 : '',
        row.name, row.description, '', row.value, row.basis, '',
      ]));
    }
  });
});

describe('files LibreOffice writes', () => {
  const same = async (file: string, doc: BudgetText) => {
    const result = await importFileBytes(new Uint8Array(await readFile(file)));
    if (!result.ok) throw result.error;
    expect(withoutIds(result.value.doc)).toEqual(withoutIds(doc));
  };

  it('imports a .docx and an .xlsx re-saved by LibreOffice to the same document', async () => {
    const [docx] = await lo.convert([join(dir, 'word.docx')], 'docx:MS Word 2007 XML', join(dir, 'lo-docx'));
    await same(docx as string, word);
    const [xlsx] = await lo.convert([join(dir, 'excel.xlsx')], 'xlsx:Calc MS Excel 2007 XML', join(dir, 'lo-xlsx'));
    await same(xlsx as string, excel);
  }, 120_000);

  it('refuses a real legacy .doc and .xls with the advice to save as .docx/.xlsx', async () => {
    const [doc] = await lo.convert([join(dir, 'word.docx')], 'doc:MS Word 97', join(dir, 'legacy'));
    const [xls] = await lo.convert([join(dir, 'excel.xlsx')], 'xls:MS Excel 97', join(dir, 'legacy'));
    for (const file of [doc, xls] as string[]) {
      const result = await importFileBytes(new Uint8Array(await readFile(file)));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.zh).toMatch(/另存为.*\.docx 或 \.xlsx/);
    }
  }, 120_000);
});
