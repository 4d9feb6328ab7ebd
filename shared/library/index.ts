// Public names of the indicator library (GET /api/library, curated 共性指标); code inside this folder imports files directly.
export { CuratedIndicatorSchema, LibraryAnswerSchema, LibraryItemSchema, MAX_CURATED, type CuratedIndicator, type LibraryAnswer, type LibraryItem } from './library-item.ts';
export { compactText, foldText, libraryKey } from './library-key.ts';
export { orderLibrary, rankLibrary, type LibraryQuery, type SearchableItem } from './rank-library.ts';
export { decodeCsvBytes } from './decode-csv-bytes.ts';
export { parseCsv } from './parse-csv.ts';
export { readCuratedRows } from './read-curated-rows.ts';
