/**
 * Chinese labels of the spreadsheet habits (find and replace, row numbers, status line, fill,
 * clipboard menu items, presence announcements): part of the zh-CN label tree, in a file of its
 * own like `zh-CN-review.ts`. The English file must match this shape.
 */
export const zhCNSheet = {
  find: {
    label: '查找和替换',
    find: '查找',
    replaceWith: '替换为',
    next: '下一个',
    previous: '上一个',
    replace: '替换',
    replaceAll: '全部替换',
    wholeCell: '单元格完全匹配',
    loose: '忽略大小写和全角/半角',
    close: '关闭查找',
    count: '第 {{current}} 项，共 {{total}} 项',
    none: '无匹配项',
    replaced: '已替换 {{count}} 处',
    skipped: '{{count}} 处无权修改，已跳过',
    nothingToReplace: '没有可替换的匹配项',
  },
  findings: {
    rule: '规则 {{id}}',
    places: '共 {{count}} 处',
    expand: '展开 {{count}} 处',
    collapse: '收起',
    acknowledge: '确认',
    acknowledgeTitle: '标记为已确认：已核对，保留现值',
    acknowledged: '已确认 · {{name}} · {{time}}',
    unacknowledge: '撤销确认',
    showAcknowledged: '已确认 {{count}}',
  },
  sheet: {
    rowNumber: '第 {{row}} 行',
    count: '计数',
    sum: '求和',
    average: '平均值',
    selection: '选区统计',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    clear: '清除内容',
    fillDown: '向下填充',
    fillRight: '向右填充',
    fillHandle: '拖动以填充',
    resizeColumn: '调整“{{column}}”列宽：拖动，或按 ← / → 键（Home 恢复默认）',
    pasteBlocked: '浏览器不允许从菜单读取剪贴板，请按 Ctrl+V 粘贴',
    presence: '{{name}} 在第 {{row}} 行「{{field}}」',
    withdraw: '撤回',
    withdrawTitle: '撤回提交，回到草稿（审核人处理前可撤回）',
  },
};

/** The shape of {@link zhCNSheet}, which the English labels match. */
export type SheetMessages = typeof zhCNSheet;
