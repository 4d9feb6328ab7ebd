import { AlignmentType, BorderStyle, Paragraph, TableCell, TextRun, VerticalAlign, VerticalMergeType, WidthType } from 'docx';

// Fonts and sizes as government documents (GB/T 9704) use them; sizes are in half-points.
/** Body text: 仿宋_GB2312 三号. */
export const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312', cs: 'Times New Roman', hint: 'eastAsia' } as const;
/** Headings and tables: 宋体. */
export const TABLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman', hint: 'eastAsia' } as const;
/** Language marks so Word and WPS treat the text as simplified Chinese. */
export const ZH_CN = { value: 'zh-CN', eastAsia: 'zh-CN' } as const;
/** 三号 (16 pt). */
export const BODY_SIZE = 32;
/** 五号 (10.5 pt). */
export const TABLE_SIZE = 21;

/** A4 portrait in twips, with the margins of GB/T 9704 (37/35 mm top/bottom, 28/26 mm left/right). */
export const PAGE = { width: 11906, height: 16838, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } as const;
/** Width between the margins, in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/**
 * Widths (twips) of the eight grid columns every 绩效目标表 shares: 一级, 二级, 三级, 描述 (2 columns),
 * 指标值, 依据 (2 columns); the header block spans them as the template does.
 */
export const GRID_COLUMNS: readonly number[] = [900, 1000, 1300, 1150, 850, 1200, 1300, TEXT_WIDTH - 7700];

/** Paragraph style ids of table text (宋体 五号), left-aligned and centred. */
const TABLE_STYLE = 'JxTable';
/** See {@link TABLE_STYLE}. */
const TABLE_CENTER_STYLE = 'JxTableCenter';

/** The paragraph styles the document defines for its tables. */
export const TABLE_STYLES = [
  { id: TABLE_STYLE, name: 'jixiao table', run: { font: TABLE_FONT, size: TABLE_SIZE }, paragraph: { spacing: { before: 0, after: 0 } } },
  { id: TABLE_CENTER_STYLE, name: 'jixiao table centred', basedOn: TABLE_STYLE, run: { font: TABLE_FONT, size: TABLE_SIZE }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 } } },
];

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
/** Borders of every 绩效目标表, set once on the table rather than on each cell (much faster to write). */
export const TABLE_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER } as const;

/** Options of one table cell: where it sits in the grid, how it merges, how its text aligns. */
export interface CellOptions {
  col: number;
  span?: number;
  merge?: 'restart' | 'continue';
  center?: boolean;
  bold?: boolean;
}

/** A bordered 宋体 table cell holding `text`, one paragraph per line, with its grid width set (WPS and LibreOffice read the grid). */
export function tableCell(text: string, options: CellOptions): TableCell {
  const span = options.span ?? 1;
  const width = GRID_COLUMNS.slice(options.col, options.col + span).reduce((a, b) => a + b, 0);
  const lines = options.merge === 'continue' ? [''] : text.split('\n');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(span > 1 ? { columnSpan: span } : {}),
    ...(options.merge === undefined ? {} : { verticalMerge: options.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }),
    verticalAlign: VerticalAlign.CENTER,
    // Font, size and alignment come from the paragraph styles (TABLE_STYLES): a 1,500-row document writes
    // three times faster than with the same properties repeated on every run.
    children: lines.map((line) => new Paragraph({
      style: options.center === true ? TABLE_CENTER_STYLE : TABLE_STYLE,
      children: [new TextRun(options.bold === true ? { text: line, bold: true } : line)],
    })),
  });
}
