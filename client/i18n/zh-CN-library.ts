/**
 * Chinese labels of the indicator library panel (指标库): part of the zh-CN label tree, in a file
 * of its own like `zh-CN-sheet.ts`. The English file must match this shape.
 */
export const zhCNLibrary = {
  library: {
    toggle: '指标库',
    title: '指标库',
    close: '关闭指标库',
    search: '搜索指标（关键字或拼音首字母）',
    searchPlaceholder: '关键字或拼音首字母，如 sl',
    sameLevel2: '仅“{{level2}}”',
    allLevel2: '全部二级指标',
    listLabel: '指标库中的指标',
    loading: '正在加载…',
    empty: '没有匹配的指标',
    noRow: '先在绩效目标表中选中一行（Ctrl+K 打开本面板）',
    forRow: '当前：项目“{{project}}”第 {{row}} 行',
    insert: '插入到下方',
    insertTitle: '在当前行下方插入新行（Enter）',
    fill: '填入当前行',
    fillTitle: '用该指标填写当前行（Shift+Enter）',
    readonly: '您不能修改此表（只读或不在编辑范围内）',
    uses: '用过 {{count}} 次',
    curated: '共性指标',
    value: '指标值',
    basis: '依据',
    explanation: '指标解释',
    inserted: '已插入第 {{row}} 行：{{name}}',
    filled: '已填入第 {{row}} 行：{{name}}',
    keys: '↑↓ 选择 · Enter 插入 · Shift+Enter 填入 · Esc 返回表格',
  },
};

/** The shape of the library labels. */
export type LibraryMessages = typeof zhCNLibrary;
