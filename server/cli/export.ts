import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { BudgetTextSchema } from '../../shared/model/budget-text-schema.ts';
import { writeBudgetDocx } from '../../shared/office/index.ts';
import { writeBudgetXlsx } from '../office/write-budget-xlsx.ts';

// `node server/cli/export.ts FILE.json --format docx|xlsx > OUT` writes the canonical JSON document as a Word
// or Excel file in the official layout to stdout and exits 0; on any failure it prints the error in Chinese
// and English on stderr and exits 1 (and writes nothing to stdout).
const usage = '用法 / usage: node server/cli/export.ts <文档.json> --format docx|xlsx > <输出文件>';

function fail(zh: string, en: string): number {
  console.error(`${zh}\n${en}\n${usage}`);
  return 1;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { format: { type: 'string' } } });
  } catch (error) {
    return fail('参数有误。', `Bad arguments: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [file, ...rest] = args.positionals;
  const format = args.values.format;
  if (file === undefined || rest.length > 0) return fail('请指定且只指定一个 JSON 文件。', 'Give exactly one JSON file.');
  if (format !== 'docx' && format !== 'xlsx') return fail('请用 --format docx 或 --format xlsx 指定导出格式。', 'Choose the format with --format docx or --format xlsx.');
  if (process.stdout.isTTY) return fail('输出是二进制文件，请重定向到文件（> 输出.docx）。', 'The output is a binary file; redirect it to a file (> out.docx).');
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? fail(`找不到文件“${file}”。`, `File “${file}” not found.`)
      : fail(`“${file}”不是有效的 JSON。`, `“${file}” is not valid JSON.`);
  }
  const parsed = BudgetTextSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return fail(`“${file}”不是有效的绩效文本文档（${issues}）。`, `“${file}” is not a valid budget text document (${issues}).`);
  }
  const bytes = format === 'docx' ? await writeBudgetDocx(parsed.data) : await writeBudgetXlsx(parsed.data);
  process.stdout.write(bytes);
  return 0;
}

// exitCode, not process.exit(): the file written to a pipe must be flushed before the process ends.
process.exitCode = await main();
