import { isIndicatorHeader } from './indicator-terms.ts';
import type { TextLayout } from './import-report.ts';
import type { TableSpan } from './find-tables.ts';
import { parseCellLineRows } from './parse-cell-lines.ts';
import { parseMarkdownRows } from './parse-markdown.ts';
import { parseTsvRows } from './parse-tsv.ts';
import { readGridTable } from './read-grid-table.ts';
import { readPdfHeader } from './read-pdf-header.ts';
import { readPdfIndicators } from './read-pdf-indicators.ts';
import { emptyRawProject, type RawProject, type SourceLine } from './raw-project.ts';

/**
 * Reads one 绩效目标表 of a PDF-lines source (seed 000), where text extraction lost the cell borders:
 * the lines up to the indicator header are header fields (read-pdf-header.ts), the lines after it are
 * indicator rows recovered from their wrapping (read-pdf-indicators.ts).
 */
function parsePdfTable(title: string, titleLine: number, lines: readonly SourceLine[]): RawProject {
  const project = emptyRawProject(titleLine, title);
  const headerAt = lines.findIndex((l) => isIndicatorHeader(l.text));
  readPdfHeader(project, headerAt < 0 ? lines : lines.slice(0, headerAt));
  if (headerAt >= 0) readPdfIndicators(project, lines.slice(headerAt + 1));
  return project;
}

/**
 * Reads the table in `span` (title line excluded) with the parser of `layout`: grid layouts are first
 * turned into rows of cells (TSV lines, markdown pipe rows, cell-lines blocks) and then read by label;
 * PDF lines are read by their own rules.
 */
export function parseTable(layout: TextLayout, lines: readonly SourceLine[], span: TableSpan): RawProject {
  const body = lines.slice(span.start + 1, span.end);
  switch (layout) {
    case 'pdf-lines':
      return parsePdfTable(span.title, span.titleLine, body);
    case 'tsv':
      return readGridTable(span.title, span.titleLine, parseTsvRows(body));
    case 'markdown':
      return readGridTable(span.title, span.titleLine, parseMarkdownRows(body));
    case 'cell-lines': {
      const { rows, notes } = parseCellLineRows(body);
      return readGridTable(span.title, span.titleLine, rows, notes);
    }
  }
}
