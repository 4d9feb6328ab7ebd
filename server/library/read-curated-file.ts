import { unzipSync } from 'fflate';
import { JixiaoError, fail, type Result } from '../../shared/errors.ts';
import { decodeCsvBytes, parseCsv, readCuratedRows, type CuratedIndicator } from '../../shared/library/index.ts';
// The files themselves, not shared/office/index.ts, which would load the .docx writer (~8 MiB) at start-up.
import { ENCRYPTED, LEGACY_FORMAT, damaged, tooLarge } from '../../shared/office/office-errors.ts';
import { readZip } from '../../shared/office/read-zip.ts';
import { isEncryptedPackage, sniffFile } from '../../shared/office/sniff-file.ts';

/** Largest curated file accepted, bytes; a province's 共性库 of a few thousand rows is well under 1 MB. */
export const CURATED_FILE_BYTES = 4 * 1024 * 1024;
// A curated list is one small sheet: far below the limits a whole 绩效文本 workbook may reach,
// and read in the server's own thread, so its inflated size is capped tighter.
const CURATED_XLSX_BYTES = 32 * 1024 * 1024;

const NOT_A_TABLE = new JixiaoError({
  code: 'IMPORT_FAILED',
  zh: '无法识别文件：请上传 CSV（UTF-8 或 GB18030 编码）或 Excel（.xlsx）文件。',
  en: 'Unrecognised file: upload a CSV (UTF-8 or GB18030) or an Excel (.xlsx) file.',
});

function inflatedSize(bytes: Uint8Array): number {
  let total = 0;
  unzipSync(bytes, {
    filter: (file) => {
      total += file.originalSize;
      return false;
    },
  });
  return total;
}

/**
 * The curated 共性指标 of an uploaded file, recognised by content: an .xlsx (checked against the
 * office zip limits, and a tighter total, before anything is inflated; the first sheet with a
 * header row is read) or CSV text. Never throws: a legacy or encrypted Office file, a zip bomb, a
 * zip that is no workbook, binary junk or a sheet without the header is a bilingual error.
 */
export async function readCuratedFile(bytes: Uint8Array): Promise<Result<CuratedIndicator[]>> {
  if (bytes.length === 0) return fail(new JixiaoError({ code: 'IMPORT_FAILED', zh: '文件是空的。', en: 'The file is empty.' }));
  if (bytes.length > CURATED_FILE_BYTES) return fail(tooLarge(`${bytes.length} bytes`));
  const kind = sniffFile(bytes);
  if (kind === 'ole') return fail(isEncryptedPackage(bytes) ? ENCRYPTED : LEGACY_FORMAT);
  if (kind === 'other') {
    const text = decodeCsvBytes(bytes);
    return text === null ? fail(NOT_A_TABLE) : readCuratedRows(parseCsv(text));
  }
  const zip = readZip(bytes, () => false);
  if (!zip.ok) return zip;
  if (!zip.value.names.includes('xl/workbook.xml')) return fail(NOT_A_TABLE);
  if (inflatedSize(bytes) > CURATED_XLSX_BYTES) return fail(tooLarge(`over ${CURATED_XLSX_BYTES} bytes in all`));
  try {
    // exceljs is large: loaded only when a workbook arrives.
    const { readSheetCells } = await import('./read-sheet-cells.ts');
    const sheets = await readSheetCells(bytes);
    let first: Result<CuratedIndicator[]> = fail(NOT_A_TABLE);
    for (const [i, rows] of sheets.entries()) {
      const result = readCuratedRows(rows);
      if (result.ok) return result;
      if (i === 0) first = result;
    }
    return first;
  } catch (error) {
    return fail(error instanceof JixiaoError ? error : damaged(error instanceof Error ? error.message : String(error)));
  }
}
