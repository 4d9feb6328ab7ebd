import type { SheetMessages } from './zh-CN-sheet.ts';

/** English labels of the spreadsheet habits (see `zh-CN-sheet.ts`). */
export const enSheet: SheetMessages = {
  find: {
    label: 'Find and replace',
    find: 'Find',
    replaceWith: 'Replace with',
    next: 'Next',
    previous: 'Previous',
    replace: 'Replace',
    replaceAll: 'Replace all',
    wholeCell: 'Match whole cell',
    loose: 'Ignore case and full/half width',
    close: 'Close find',
    count: '{{current}} of {{total}}',
    none: 'No matches',
    replaced: 'Replaced {{count}}',
    skipped: '{{count}} you may not edit were skipped',
    nothingToReplace: 'Nothing to replace',
  },
  sheet: {
    rowNumber: 'Row {{row}}',
    count: 'Count',
    sum: 'Sum',
    average: 'Average',
    selection: 'Selection statistics',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    clear: 'Clear contents',
    fillDown: 'Fill down',
    fillRight: 'Fill right',
    fillHandle: 'Drag to fill',
    resizeColumn: 'Width of “{{column}}”: drag, or press ← / → (Home resets)',
    pasteBlocked: 'The browser does not let a menu read the clipboard: press Ctrl+V to paste',
    presence: '{{name}} is in row {{row}}, “{{field}}”',
  },
};
