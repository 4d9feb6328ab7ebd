import { describe, expect, it } from 'vitest';
import { joinWrapped, normalizeCell, normalizeLine, splitNumberedItems } from '../../../shared/import/normalize-cell.ts';

describe('normalizeLine', () => {
  it('removes wrap spaces next to Chinese characters', () => {
    expect(normalizeLine('维护、维修 面积')).toBe('维护、维修面积');
    expect(normalizeLine('≥12000平 方米')).toBe('≥12000平方米');
    expect(normalizeLine('2025年12 月31日前')).toBe('2025年12月31日前');
    expect(normalizeLine('乐亭县机关事务中心 2025 年部门预算绩效文本')).toBe('乐亭县机关事务中心2025年部门预算绩效文本');
    expect(normalizeLine('其中：财政\u3000\u3000资金')).toBe('其中：财政资金');
  });

  it('keeps (single) spaces between other characters, as written', () => {
    expect(normalizeLine('> 90 %')).toBe('> 90 %');
    expect(normalizeLine('≤   15  mg/l ')).toBe('≤ 15 mg/l');
    expect(normalizeLine('= 1 场次')).toBe('= 1场次');
  });
});

describe('normalizeCell, joinWrapped, splitNumberedItems', () => {
  it('normalises each line and drops blank ones', () => {
    expect(normalizeCell('指标1：新建 给水网\n\n  指标2：旧管\t拆除  \r\n')).toBe('指标1：新建给水网\n指标2：旧管拆除');
  });

  it('joins wrapped pieces without a gap next to Chinese, with one space otherwise', () => {
    expect(joinWrapped(['大气污染防', '治知识培训'])).toBe('大气污染防治知识培训');
    expect(joinWrapped(['= 150 万', '元'])).toBe('= 150 万元');
    expect(joinWrapped(['≥ 15', 'mg/l', ''])).toBe('≥ 15 mg/l');
  });

  it('puts each numbered item of a one-line list on its own line', () => {
    expect(splitNumberedItems('1. 根据需要安排工作 2. 为员工办理手续')).toBe('1. 根据需要安排工作\n2. 为员工办理手续');
    expect(splitNumberedItems('1. 购买炮弹 490 发。 2. 开发空中云水资源')).toBe('1. 购买炮弹 490 发。\n2. 开发空中云水资源');
    expect(splitNumberedItems('1. (1) 甲，(2) 乙 3. 丙')).toBe('1. (1) 甲，(2) 乙 3. 丙');
    expect(splitNumberedItems('目标 2. 乙')).toBe('目标 2. 乙');
  });
});
