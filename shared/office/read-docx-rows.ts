import type { Element, Node } from '@xmldom/xmldom';
import { fail, ok, type JixiaoError, type Result } from '../errors.ts';
import type { OfficeCell, OfficeRow } from '../import/index.ts';
import { NO_BODY } from './office-errors.ts';
import { W, parseXml } from './parse-xml.ts';

const ELEMENT = 1;
const children = (node: Node): Element[] => {
  const out: Element[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) if (child.nodeType === ELEMENT) out.push(child as Element);
  return out;
};
const isW = (el: Element, name: string): boolean => el.namespaceURI === W && el.localName === name;
const childW = (el: Element, name: string): Element | undefined => children(el).find((c) => isW(c, name));
const valOf = (el: Element | undefined): string | null => (el === undefined ? null : el.getAttributeNS(W, 'val'));

/** Elements that only wrap content (content controls, custom XML, smart tags, revisions kept): read through them. */
const WRAPPERS = new Set(['sdt', 'sdtContent', 'customXml', 'smartTag', 'ins', 'hyperlink', 'fldSimple', 'moveTo']);

/** The text of a paragraph or cell: `w:t` text, `w:tab` as TAB, `w:br`/`w:cr` as line break; deleted and field-code text skipped. */
function textOf(node: Element, out: string[]): void {
  for (const el of children(node)) {
    if (el.namespaceURI !== W) {
      // mc:AlternateContent repeats a drawing's text in its Fallback: read the Choice only.
      if (el.localName !== 'Fallback') textOf(el, out);
      continue;
    }
    switch (el.localName) {
      case 't': out.push(el.textContent ?? ''); break;
      case 'tab': out.push('\t'); break;
      case 'br': case 'cr': out.push('\n'); break;
      case 'p': if (out.length > 0) out.push('\n'); textOf(el, out); break;
      case 'del': case 'moveFrom': case 'instrText': case 'delText': case 'rPr': case 'pPr': break;
      default: textOf(el, out);
    }
  }
}

const textOfElement = (el: Element): string => {
  const out: string[] = [];
  textOf(el, out);
  return out.join('');
};

/** The `w:tr` of a table, read through content controls wrapping rows. */
function rowsOf(table: Element): Element[] {
  return children(table).flatMap((el) => {
    if (isW(el, 'tr')) return [el];
    return el.namespaceURI === W && WRAPPERS.has(el.localName ?? '') ? rowsOf(el) : [];
  });
}

/** The `w:tc` of a row, read through content controls and custom XML. */
function cellsOf(row: Element): Element[] {
  return children(row).flatMap((el) => {
    if (isW(el, 'tc')) return [el];
    return el.namespaceURI === W && WRAPPERS.has(el.localName ?? '') ? cellsOf(el) : [];
  });
}

/** One `w:tr`: cells placed from `w:gridBefore` on, each with its `w:gridSpan` and `w:vMerge` (no `val` = continue); legacy `w:hMerge` continue widens the cell before. */
function readRow(tr: Element, line: number): OfficeRow {
  const trPr = childW(tr, 'trPr');
  let col = Number(valOf(trPr === undefined ? undefined : childW(trPr, 'gridBefore')) ?? 0) || 0;
  const cells: OfficeCell[] = [];
  for (const tc of cellsOf(tr)) {
    const tcPr = childW(tc, 'tcPr');
    const span = Math.max(1, Number(valOf(tcPr === undefined ? undefined : childW(tcPr, 'gridSpan')) ?? 1) || 1);
    const vMerge = tcPr === undefined ? undefined : childW(tcPr, 'vMerge');
    const hMerge = tcPr === undefined ? undefined : childW(tcPr, 'hMerge');
    const last = cells[cells.length - 1];
    if (hMerge !== undefined && valOf(hMerge) !== 'restart' && last !== undefined) {
      last.span += span;
    } else {
      const continues = vMerge !== undefined && valOf(vMerge) !== 'restart';
      cells.push({ text: continues ? '' : textOfElement(tc), col, span, continues });
    }
    col += span;
  }
  return { line, paragraph: false, cells };
}

/**
 * Reads `word/document.xml` into office rows in document order: each body paragraph is a paragraph row, each
 * table row a row with its real cell structure (spans and vertical merges, see office-rows.ts). Nested
 * tables count as text of their cell; content controls and custom XML are read through.
 */
export function readDocxRows(xml: Uint8Array): Result<OfficeRow[], JixiaoError> {
  const parsed = parseXml(xml, 'word/document.xml');
  if (!parsed.ok) return parsed;
  const body = parsed.value.getElementsByTagNameNS(W, 'body')[0];
  if (body === undefined) return fail(NO_BODY);
  const rows: OfficeRow[] = [];
  const walk = (node: Element): void => {
    for (const el of children(node)) {
      if (isW(el, 'p')) rows.push({ line: rows.length + 1, paragraph: true, cells: [{ text: textOfElement(el), col: 0, span: 1, continues: false }] });
      else if (isW(el, 'tbl')) {
        for (const tr of rowsOf(el)) rows.push(readRow(tr, rows.length + 1));
      } else if (el.namespaceURI === W && WRAPPERS.has(el.localName ?? '')) walk(el);
    }
  };
  walk(body);
  return ok(rows);
}
