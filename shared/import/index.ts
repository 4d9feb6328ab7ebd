// Public names of the document importer; code inside this folder imports files directly.
export { importBudgetText } from './import-budget-text.ts';
export type { ImportLayout, ImportOptions, ImportReport, ImportReportEntry } from './import-report.ts';
export { MAX_SOURCE_LENGTH } from './guard-input.ts';
export { importOfficeRows } from './import-office-rows.ts';
export { paragraphRow } from './office-rows.ts';
export type { OfficeCell, OfficeRow, OfficeSource } from './office-rows.ts';
