import { readFile, stat } from 'node:fs/promises';
import { MAX_SOURCE_LENGTH } from '../../shared/import/index.ts';
import { importFileBytes } from '../office/import-file-bytes.ts';

// `node server/cli/import.ts FILE` prints the canonical JSON of an imported 绩效文本 (.docx, .xlsx or a text
// export, recognised by content) on stdout (nothing on stderr) and exits 0; on any failure it prints the error
// in Chinese and English on stderr and exits 1.
const usage = '用法 / usage: node server/cli/import.ts <绩效文本.docx|.xlsx|.txt>';
// UTF-8 needs up to 3 bytes per character; a larger file cannot fit the importer's limit, so it is not read.
const MAX_FILE_BYTES = MAX_SOURCE_LENGTH * 3;

async function readSource(file: string): Promise<Uint8Array | null> {
  try {
    const info = await stat(file);
    if (!info.isFile()) {
      console.error(`“${file}”不是文件。\n“${file}” is not a file.`);
      return null;
    }
    if (info.size > MAX_FILE_BYTES) {
      console.error('文件过大（超过 10 MB），请只导入部门预算绩效文本本身。\nThe file is too large (over 10 MB); import only the budget performance text itself.');
      return null;
    }
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    console.error(code === 'ENOENT'
      ? `找不到文件“${file}”。\nFile “${file}” not found.`
      : `无法读取文件“${file}”（${code}）。\nCannot read file “${file}” (${code}).`);
    return null;
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args[0];
  if (file === undefined || args.length > 1) {
    console.error(`请指定且只指定一个要导入的文件。\nGive exactly one file to import.\n${usage}`);
    return 1;
  }
  const source = await readSource(file);
  if (source === null) return 1;
  const result = await importFileBytes(source);
  if (!result.ok) {
    console.error(`${result.error.zh}\n${result.error.en}`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(result.value.doc, null, 2)}\n`);
  return 0;
}

// exitCode, not process.exit(): a large JSON written to a pipe must be flushed before the process ends.
process.exitCode = await main();
