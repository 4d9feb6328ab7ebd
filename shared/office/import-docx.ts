import { fail, type Result } from '../errors.ts';
import { importOfficeRows, type ImportOptions, type ImportReport } from '../import/index.ts';
import type { BudgetText } from '../model/budget-text-schema.ts';
import { NOT_OFFICE } from './office-errors.ts';
import { readDocxRows } from './read-docx-rows.ts';
import { readZip } from './read-zip.ts';

const MAIN_PART = 'word/document.xml';

/**
 * Imports a .docx (Word, WPS, LibreOffice) into the canonical JSON form with the import report, through
 * the importer's pipeline (`importOfficeRows`). The zip is checked before anything is inflated
 * (read-zip.ts). Never throws; a zip without `word/document.xml` is NOT_OFFICE, a file without any
 * 绩效目标表 is UNSUPPORTED_LAYOUT.
 */
export function importDocx(bytes: Uint8Array, options: ImportOptions = {}): Result<{ doc: BudgetText; report: ImportReport }> {
  const zip = readZip(bytes, (name) => name === MAIN_PART);
  if (!zip.ok) return zip;
  const xml = zip.value.files[MAIN_PART];
  if (xml === undefined) return fail(NOT_OFFICE);
  const rows = readDocxRows(xml);
  if (!rows.ok) return rows;
  return importOfficeRows({ layout: 'docx', rows: rows.value }, options);
}
