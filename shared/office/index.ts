// Public names of the office formats (.docx in and out, shared layout); code inside this folder imports files directly.
export { importDocx } from './import-docx.ts';
export { writeBudgetDocx, budgetDocxDocument, OFFICE_LAYOUT_VERSION } from './write-budget-docx.ts';
export { indicatorRuns } from './indicator-runs.ts';
export { GRID_LABELS, PART_ONE, PART_TWO, PLAN_CHECKPOINTS, SECTION_HEADINGS, formatAmount, formatPlanValue, planLabel, projectHeading, unitLine } from './office-labels.ts';
export { ENCRYPTED, LEGACY_FORMAT, NOT_OFFICE, damaged, tooLarge } from './office-errors.ts';
export { readZip, ZIP_LIMITS } from './read-zip.ts';
export { isEncryptedPackage, sniffFile, type FileKind } from './sniff-file.ts';
