import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { BudgetText } from '../../shared/model/budget-text-schema.ts';
import { BudgetTextSchema } from '../../shared/model/budget-text-schema.ts';
import { summarizeFindings, validateBudgetText, type IndicatorHierarchy } from '../../shared/rules/index.ts';

// `npm run --silent validate -- FILE [--hierarchy mof-2021-4]`: FILE is canonical JSON or a raw 绩效文本;
// prints {"summary":{errors,warnings,infos},"findings":[…]} on stdout. Exit 1 when the file cannot be read,
// parsed or imported (message on stderr in Chinese and English); findings never change the exit code.
const usage = 'usage: npm run --silent validate -- FILE [--hierarchy legacy-3|mof-2021-4]';

function fail(zh: string, en: string): never {
  console.error(`${zh}\n${en}`);
  process.exit(1);
}

async function loadDocument(file: string): Promise<BudgetText> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    fail(`无法读取文件 ${file}：${(e as Error).message}`, `Cannot read ${file}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    // Not JSON: a .docx, .xlsx or raw text for the importer, loaded only now so JSON validation never depends on it.
    const { importFileBytes } = await import('../office/import-file-bytes.ts');
    const result = await importFileBytes(new Uint8Array(bytes));
    if (!result.ok) fail(`导入失败：${result.error.zh}`, `Import failed: ${result.error.en}`);
    return result.value.doc;
  }
  const parsed = BudgetTextSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    fail(`文件不是有效的绩效文本 JSON：${issues}`, `Not a valid budget-text JSON document: ${issues}`);
  }
  return parsed.data;
}

function readArguments(): { file: string; hierarchy: IndicatorHierarchy } {
  try {
    const { values, positionals } = parseArgs({ options: { hierarchy: { type: 'string', default: 'legacy-3' } }, allowPositionals: true, strict: true });
    const [file, ...extra] = positionals;
    const hierarchy = values.hierarchy;
    if (file !== undefined && extra.length === 0 && (hierarchy === 'legacy-3' || hierarchy === 'mof-2021-4')) return { file, hierarchy };
  } catch (e) {
    fail(`参数有误：${(e as Error).message}\n${usage}`, `Invalid arguments: ${(e as Error).message}\n${usage}`);
  }
  fail(`参数有误\n${usage}`, `Invalid arguments\n${usage}`);
}

const { file, hierarchy } = readArguments();
const doc = await loadDocument(file);
const findings = validateBudgetText(doc, { hierarchy });
process.stdout.write(`${JSON.stringify({ summary: summarizeFindings(findings), findings }, null, 2)}\n`);
