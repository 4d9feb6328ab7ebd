/**
 * Chinese labels of next year's draft (以此为基础新建下一年度文本, 上年指标值, comparing with last
 * year): part of the zh-CN label tree, in a file of its own like `zh-CN-sheet.ts`. The English
 * file must match this shape.
 */
export const zhCNRollover = {
  rollover: {
    create: '以此为基础新建下一年度文本',
    createTitle: '复制本文本为下一年度的新草稿：年度加一，项目编码不变，每行显示上年指标值',
    creating: '正在新建…',
    failed: '新建失败：{{message}}',
    previousValue: '上年',
    previousValueLabel: '上年指标值：{{value}}',
    previousBlank: '（空）',
    previousDoc: '上年文本：{{title}}',
    compareWithPrevious: '与上年对比',
    side: '对比对象',
    thisDoc: '本文本的版本',
    previousText: '上年文本',
  },
};

/** The shape of the next-year labels every language provides. */
export type RolloverMessages = typeof zhCNRollover;
