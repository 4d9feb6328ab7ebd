import { describe, expect, it } from 'vitest';
import { parseIndicatorValue } from '../../../shared/rules/index.ts';

describe('parseIndicatorValue', () => {
  it('reads the Hebei export form comparator, number, unit with spaces', () => {
    expect(parseIndicatorValue('= 1 场次')).toEqual({ kind: 'quantitative', op: '=', opExplicit: true, number: 1, unit: '场次', unitKind: 'count', perUnit: null, text: '=1场次' });
    expect(parseIndicatorValue('> 90 %')).toMatchObject({ kind: 'quantitative', op: '>', number: 90, unit: '%', unitKind: 'percent' });
  });

  it('normalises full-width symbols, >=/<=, 百分比 and wrapped units', () => {
    expect(parseIndicatorValue('＞＝９５％')).toMatchObject({ kind: 'quantitative', op: '≥', number: 95, unit: '%' });
    expect(parseIndicatorValue('<= 20 万元')).toMatchObject({ op: '≤', number: 20, unit: '万元', unitKind: 'money' });
    expect(parseIndicatorValue('= 100 %百分比')).toMatchObject({ number: 100, unit: '%' });
    expect(parseIndicatorValue('= 150 万\n元')).toMatchObject({ kind: 'quantitative', number: 150, unit: '万元' });
    expect(parseIndicatorValue('$\\geq 90\\%$')).toMatchObject({ kind: 'quantitative', op: '≥', number: 90, unit: '%' });
  });

  it('assumes = when the comparator is missing, and keeps a missing unit as kind none', () => {
    expect(parseIndicatorValue('25')).toMatchObject({ kind: 'quantitative', op: '=', opExplicit: false, unit: '', unitKind: 'none' });
  });

  it('reads per-unit costs and longest units first', () => {
    expect(parseIndicatorValue('≤ 300 元/人')).toMatchObject({ unit: '元/人', unitKind: 'money', perUnit: '人' });
    expect(parseIndicatorValue('≥ 500 人次')).toMatchObject({ unit: '人次' });
    expect(parseIndicatorValue('= 12 个月')).toMatchObject({ unit: '个月', unitKind: 'time' });
  });

  it('reads deadlines as dates', () => {
    expect(parseIndicatorValue('2025年12月31日前')).toEqual({ kind: 'date', op: null, year: 2025, month: 12, day: 31, text: '2025年12月31日前' });
    expect(parseIndicatorValue('2024年底前完成')).toMatchObject({ kind: 'date', year: 2024, month: null });
    expect(parseIndicatorValue('≤ 12 月底')).toMatchObject({ kind: 'date', op: '≤', month: 12 });
    expect(parseIndicatorValue('2025年年底')).toMatchObject({ kind: 'date', year: 2025 });
  });

  it('treats 文字描述 as a type word and blank or bare type word as empty', () => {
    expect(parseIndicatorValue('文字描述\n有所提高')).toEqual({ kind: 'qualitative', text: '有所提高', typeWord: true });
    expect(parseIndicatorValue('文字描述')).toEqual({ kind: 'empty' });
    expect(parseIndicatorValue('  \n ')).toEqual({ kind: 'empty' });
  });

  it('keeps prose that merely starts with a number qualitative', () => {
    for (const v of ['3个乡镇全覆盖', '1.提升农村面貌', '7×24小时服务', '2024年工作计划', '达到预期目标']) {
      expect(parseIndicatorValue(v).kind, v).toBe('qualitative');
    }
  });

  it('flags the catalogue examples of malformed values with a reason', () => {
    expect(parseIndicatorValue('= 1 有所提高')).toMatchObject({ kind: 'malformed', reason: 'unknown-unit' });
    expect(parseIndicatorValue('15保障人数')).toMatchObject({ kind: 'malformed', reason: 'unknown-unit' });
    expect(parseIndicatorValue('≥ 9 5 %')).toMatchObject({ kind: 'malformed', reason: 'split-number' });
    expect(parseIndicatorValue('≥952024年年底完成')).toMatchObject({ kind: 'malformed', reason: 'number-glued-to-date' });
    expect(parseIndicatorValue('≥95%以上')).toMatchObject({ kind: 'malformed', reason: 'trailing-text' });
    expect(parseIndicatorValue('≥ 良好')).toMatchObject({ kind: 'malformed', reason: 'comparator-without-number' });
    expect(parseIndicatorValue('13月底')).toMatchObject({ kind: 'malformed', reason: 'invalid-date' });
  });
});
