import { t } from '../i18n/i18n.ts';
import { parseTsv, padMatrix, toTsv, type CellMatrix } from './clipboard-tsv.ts';
import type { ExtraMenuItem } from './row-menu.ts';

/** What the clipboard items of the grid's menu act on, supplied by the grid. */
export interface GridSheetMenuActions {
  /** The selected cells' texts, or null without a selection. */
  cells(): CellMatrix | null;
  /** Whether the user may change cells (not read-only, not in 建议模式). */
  editable: boolean;
  clear(): void;
  paste(matrix: CellMatrix): void;
  /** Tells the user why an item could not run (the browser refused the clipboard). */
  refused(message: string): void;
}

/**
 * The spreadsheet items of a cell's context menu: 剪切, 复制, 粘贴, 清除内容 (as Excel and WPS put
 * them above the row commands). The menu has no clipboard event, so copying writes TSV through
 * the asynchronous Clipboard API and pasting reads it; a browser that refuses gets a hint to use
 * Ctrl+V, whose paste event carries HTML tables too.
 */
export function gridSheetItems(a: GridSheetMenuActions): ExtraMenuItem[] {
  const copy = async (): Promise<boolean> => {
    const cells = a.cells();
    if (!cells) return false;
    try {
      await navigator.clipboard.writeText(toTsv(cells));
      return true;
    } catch {
      a.refused(t('sheet.pasteBlocked'));
      return false;
    }
  };
  const copyItem: ExtraMenuItem = { id: 'copy', label: t('sheet.copy'), keys: 'Ctrl+C', run: () => void copy() };
  if (!a.editable) return [copyItem];
  return [
    { id: 'cut', label: t('sheet.cut'), keys: 'Ctrl+X', run: () => void copy().then((ok) => ok && a.clear()) },
    copyItem,
    {
      id: 'paste',
      label: t('sheet.paste'),
      keys: 'Ctrl+V',
      run: () =>
        void navigator.clipboard.readText().then(
          (text) => text && a.paste(padMatrix(parseTsv(text))),
          () => a.refused(t('sheet.pasteBlocked')),
        ),
    },
    { id: 'clear', label: t('sheet.clear'), keys: 'Delete', run: () => a.clear() },
  ];
}
