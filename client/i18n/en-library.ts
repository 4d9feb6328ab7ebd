import type { LibraryMessages } from './zh-CN-library.ts';

/** English labels of the indicator library panel (see `zh-CN-library.ts`). */
export const enLibrary: LibraryMessages = {
  library: {
    toggle: 'Library',
    title: 'Indicator library',
    close: 'Close the indicator library',
    search: 'Search indicators (keyword or pinyin initials)',
    searchPlaceholder: 'Keyword or pinyin initials, e.g. sl',
    sameLevel2: 'Only “{{level2}}”',
    allLevel2: 'All level-2 indicators',
    listLabel: 'Indicators in the library',
    loading: 'Loading…',
    empty: 'No matching indicators',
    noRow: 'Select a row of an indicator table first (Ctrl+K opens this panel)',
    forRow: 'Now: project “{{project}}”, row {{row}}',
    insert: 'Insert below',
    insertTitle: 'Insert a new row below the current one (Enter)',
    fill: 'Fill current row',
    fillTitle: 'Fill the current row with this indicator (Shift+Enter)',
    readonly: 'You cannot change this table (read-only or outside your edit rights)',
    uses: 'used {{count}}×',
    curated: 'Common indicator',
    value: 'Value',
    basis: 'Basis',
    explanation: 'Explanation',
    inserted: 'Inserted row {{row}}: {{name}}',
    filled: 'Filled row {{row}}: {{name}}',
    keys: '↑↓ choose · Enter insert · Shift+Enter fill · Esc back to the table',
  },
};
