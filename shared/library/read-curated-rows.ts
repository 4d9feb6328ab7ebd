import { JixiaoError, fail, ok, type Result } from '../errors.ts';
import { MAX_CURATED, type CuratedIndicator } from './library-item.ts';
import { foldText, libraryKey } from './library-key.ts';

type Column = keyof CuratedIndicator;

/** Header names of each column, folded and without spaces; the first is the official one. */
const HEADERS: Record<Column, readonly string[]> = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标', '指标名称'],
  description: ['绩效指标描述', '指标描述'],
  value: ['指标值', '目标值'],
  basis: ['指标值确定依据', '指标值设定依据'],
  explanation: ['指标解释', '计算公式', '指标解释/计算公式', '指标解释（计算公式）'],
};
const REQUIRED: readonly Column[] = ['level1', 'level2', 'name', 'description', 'value'];
const COLUMNS = Object.keys(HEADERS) as Column[];
// The header is the first row of a real file; a title line or two above it are tolerated.
const HEADER_SEARCH_ROWS = 10;
const FIELD_LIMIT = 2_000;

const label = (cell: string) => foldText(cell).replace(/\s/g, '').replace(/[*＊]/g, '');

function invalid(zh: string, en: string, details?: unknown): JixiaoError {
  return new JixiaoError({ code: 'IMPORT_FAILED', zh, en, ...(details === undefined ? {} : { details }) });
}

function findHeader(rows: readonly (readonly string[])[]): { at: number; columns: Partial<Record<Column, number>> } | null {
  for (let at = 0; at < Math.min(rows.length, HEADER_SEARCH_ROWS); at++) {
    const labels = (rows[at] ?? []).map(label);
    const columns: Partial<Record<Column, number>> = {};
    for (const column of COLUMNS) {
      const index = labels.findIndex((l) => HEADERS[column].includes(l));
      if (index >= 0) columns[column] = index;
    }
    if (columns.name !== undefined) return { at, columns };
  }
  return null;
}

/**
 * The curated 共性指标 of a sheet's rows (CSV or .xlsx cells): the header row names the columns
 * (一级指标, 二级指标, 三级指标, 绩效指标描述, 指标值, 指标值确定依据, 指标解释 or 计算公式; found by
 * name, in any order), each later row one indicator. A blank 一级/二级指标 takes the one above
 * (merged cells keep their text only in the first row); rows without 三级指标 and 描述 are skipped;
 * a repeated (二级, 三级, 描述) keeps its first row. A missing header or required column, no
 * indicator at all, too many rows or too long a cell is a bilingual error.
 */
export function readCuratedRows(rows: readonly (readonly string[])[]): Result<CuratedIndicator[]> {
  const header = findHeader(rows);
  if (!header) return fail(invalid('找不到表头：第一行应为 一级指标、二级指标、三级指标、绩效指标描述、指标值、指标值确定依据、指标解释。', 'No header row: the first row must be 一级指标, 二级指标, 三级指标, 绩效指标描述, 指标值, 指标值确定依据, 指标解释.'));
  const missing = REQUIRED.filter((c) => header.columns[c] === undefined).map((c) => HEADERS[c][0] as string);
  if (missing.length > 0) return fail(invalid(`表头缺少必需的列：${missing.join('、')}。`, `The header lacks required columns: ${missing.join(', ')}.`, { missing }));
  const out = new Map<string, CuratedIndicator>();
  let above = { level1: '', level2: '' };
  for (let r = header.at + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const read = (c: Column) => {
      const index = header.columns[c];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const entry: CuratedIndicator = { level1: read('level1') || above.level1, level2: read('level2') || above.level2, name: read('name'), description: read('description'), value: read('value'), basis: read('basis'), explanation: read('explanation') };
    above = { level1: entry.level1, level2: entry.level2 };
    if (!entry.name && !entry.description) continue;
    const long = COLUMNS.find((c) => entry[c].length > FIELD_LIMIT);
    if (long) return fail(invalid(`第 ${r + 1} 行的“${HEADERS[long][0]}”超过 ${FIELD_LIMIT} 个字。`, `Row ${r + 1}: ${HEADERS[long][0]} is longer than ${FIELD_LIMIT} characters.`, { row: r + 1 }));
    const key = libraryKey(entry);
    if (!out.has(key)) out.set(key, entry);
    if (out.size > MAX_CURATED) return fail(invalid(`指标超过 ${MAX_CURATED} 条，请拆分后导入。`, `More than ${MAX_CURATED} indicators; split the file.`));
  }
  if (out.size === 0) return fail(invalid('文件中没有指标行。', 'The file holds no indicator rows.'));
  return ok([...out.values()]);
}
