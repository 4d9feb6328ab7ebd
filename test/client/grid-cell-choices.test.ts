import { describe, expect, it } from 'vitest';
import { choicesFor, effectiveLevel1, filterChoices } from '../../client/grid/cell-choices.ts';
import { describeIndicatorValue } from '../../client/grid/describe-indicator-value.ts';

describe('controlled indicator cells', () => {
  it('offers the 一级 of the document\'s hierarchy, in table order', () => {
    expect(choicesFor('level1', 'legacy-3', '')).toEqual(['产出指标', '效益指标', '满意度指标']);
    expect(choicesFor('level1', 'mof-2021-4', '')).toEqual(['成本指标', '产出指标', '效益指标', '满意度指标']);
  });

  it('offers the 二级 allowed under the row\'s 一级, per hierarchy', () => {
    expect(choicesFor('level2', 'legacy-3', '产出指标')).toEqual(['数量指标', '质量指标', '时效指标', '成本指标']);
    expect(choicesFor('level2', 'mof-2021-4', '产出指标')).toEqual(['数量指标', '质量指标', '时效指标']);
    expect(choicesFor('level2', 'mof-2021-4', '成本指标')).toEqual(['经济成本指标', '社会成本指标', '生态环境成本指标']);
    expect(choicesFor('level2', 'legacy-3', '满意度')).toEqual(['服务对象满意度指标']);
    expect(choicesFor('level2', 'legacy-3', '')).toContain('社会效益指标');
  });

  it('inherits a blank 一级 from the nearest row above (merged cells)', () => {
    expect(effectiveLevel1(['产出指标', '', ' ', '效益指标', ''], 2)).toBe('产出指标');
    expect(effectiveLevel1(['产出指标', '', ' ', '效益指标', ''], 4)).toBe('效益指标');
    expect(effectiveLevel1(['', ''], 1)).toBe('');
  });

  it('filters by what was typed, prefix matches first', () => {
    expect(filterChoices(['数量指标', '质量指标', '时效指标'], '质')).toEqual(['质量指标']);
    expect(filterChoices(['经济效益指标', '社会效益指标'], '效益')).toEqual(['经济效益指标', '社会效益指标']);
    expect(filterChoices(['数量指标', '质量指标'], '数量指标')).toEqual(['数量指标', '质量指标']);
  });
});

describe('指标值 hint', () => {
  it('reads comparator, number and unit, and whether the comparator was assumed', () => {
    expect(describeIndicatorValue('≥ 95 %')).toEqual({ kind: 'quantitative', op: '≥', opAssumed: false, number: '95', unit: '%', direction: 'higher' });
    expect(describeIndicatorValue('20万元')).toMatchObject({ kind: 'quantitative', op: '=', opAssumed: true, number: '20', unit: '万元', direction: 'exact' });
    expect(describeIndicatorValue('<=2天')).toMatchObject({ kind: 'quantitative', op: '≤', direction: 'lower' });
  });

  it('tells dates, qualitative text, blanks and what cannot be read apart', () => {
    expect(describeIndicatorValue('2025年12月31日前')).toMatchObject({ kind: 'date' });
    expect(describeIndicatorValue('建立长效机制')).toEqual({ kind: 'qualitative' });
    expect(describeIndicatorValue('  ')).toEqual({ kind: 'empty' });
    expect(describeIndicatorValue('≥95%以上')).toEqual({ kind: 'malformed', reason: 'trailing-text' });
  });
});
