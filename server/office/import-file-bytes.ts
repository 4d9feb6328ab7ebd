import { JixiaoError, fail, type Result } from '../../shared/errors.ts';
import { importBudgetText, importOfficeRows, type ImportReport } from '../../shared/import/index.ts';
import type { BudgetText } from '../../shared/model/budget-text-schema.ts';
import { importDocx, ENCRYPTED, LEGACY_FORMAT, NOT_OFFICE, damaged, readZip, isEncryptedPackage, sniffFile } from '../../shared/office/index.ts';

/** What an import returns: the canonical document and the report of guesses. */
export type Imported = Result<{ doc: BudgetText; report: ImportReport }>;

/**
 * Imports a file recognised by its content, never its name: a .docx or .xlsx (zip with `word/document.xml` or
 * `xl/workbook.xml`, checked against the zip limits before anything is inflated), a text export (UTF-8) of
 * Word or PDF; an OLE compound file is a legacy .doc/.xls or an encrypted file, refused with advice. Never
 * throws: every failure is a bilingual error, and nothing is created.
 */
export async function importFileBytes(bytes: Uint8Array, options: { newId?: () => string } = {}): Promise<Imported> {
  const kind = sniffFile(bytes);
  if (kind === 'ole') return fail(isEncryptedPackage(bytes) ? ENCRYPTED : LEGACY_FORMAT);
  if (kind === 'other') return importBudgetText(new TextDecoder('utf-8').decode(bytes), options);
  const zip = readZip(bytes, () => false);
  if (!zip.ok) return zip;
  if (zip.value.names.includes('word/document.xml')) return importDocx(bytes, options);
  if (!zip.value.names.includes('xl/workbook.xml')) return fail(NOT_OFFICE);
  try {
    // exceljs is large: loaded only when a workbook arrives, so text and .docx imports start faster.
    const { readXlsxRows } = await import('./read-xlsx-rows.ts');
    return importOfficeRows({ layout: 'xlsx', rows: await readXlsxRows(bytes) }, options);
  } catch (error) {
    return fail(error instanceof JixiaoError ? error : damaged(error instanceof Error ? error.message : String(error)));
  }
}
