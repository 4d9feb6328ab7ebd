import { describe, expect, it } from 'vitest';
import { SEEDS, guessKeys, importSeed, projectAt, rowAt } from './seed-fixtures.ts';

// Seed 004: cell-lines without cover or stated year; template placeholders left in the goals.
const { doc, report } = importSeed(SEEDS.cellLinesTown);

describe('seed 004 (cell-lines, no cover)', () => {
  it('detects the layout and finds every table and row', () => {
    expect(report.layout).toBe('cell-lines');
    expect(report.projects).toBe(11);
    expect(report.indicators).toBe(40);
    expect(doc.projects.map((p) => p.indicators.length)).toEqual([4, 3, 3, 4, 4, 4, 3, 4, 3, 4, 4]);
  });

  it('infers the year from the project codes and composes the title', () => {
    expect(doc.year).toBe(2023);
    expect(doc.title).toBe('乐亭县大相各庄镇人民政府2023年部门预算绩效文本');
    expect(doc.department).toEqual({ code: '802010', name: '乐亭县大相各庄镇人民政府', region: '乐亭县' });
  });

  it('reads header fields, amount plans and multi-line goals', () => {
    expect(projectAt(doc, 1)).toMatchObject({
      code: '13022523P0066B010022C', name: '信访维稳经费', purpose: '解决信访事件，维持社会稳定', goal: '1.目标内容1',
      budget: { total: 40, fiscal: 40, other: null },
      spendingPlan: { unit: 'amount', mar: 10, jun: 20, oct: 30, dec: 40 },
    });
    expect(projectAt(doc, 2)).toMatchObject({
      code: '13022522P00476X100150', name: '2022农村综合改革资金', goal: '1.提升农村面貌\n2.推动农村发展\n3.提升农村基础设施',
      spendingPlan: { unit: 'amount', mar: null, jun: 25, oct: null, dec: null },
    });
    expect(projectAt(doc, 9)).toMatchObject({
      name: '农村定期定量补助', budget: { total: 0.5, fiscal: 0.5, other: null },
      spendingPlan: { unit: 'amount', mar: 0.13, jun: 0.25, oct: 0.38, dec: 0.5 },
    });
    expect(projectAt(doc, 11).spendingPlan).toEqual({ unit: 'amount', mar: 8.7, jun: 17.3, oct: 26.1, dec: 34.93 });
  });

  it('reads rows cell for cell as written, defects included', () => {
    expect(rowAt(doc, 1, 1)).toEqual(['产出指标', '数量指标', '保障行政村数', '保障行政村数', '26', '保障行政村数']);
    expect(rowAt(doc, 1, 4)).toEqual(['满意度指标', '服务对象满意度指标', '人员满意度', '人员满意度', '≥95', '人员满意度']);
    expect(rowAt(doc, 3, 1)).toEqual(['产出指标', '数量指标', '保障人数', '保障人数', '15保障人数', '保障人数']);
    expect(rowAt(doc, 3, 3)).toEqual(['满意度指标', '服务对象满意度指标', '人员满意度', '人员满意度', '文字描述', '文字描述']);
    expect(rowAt(doc, 4, 2)).toEqual(['产出指标', '质量指标', '及时拨付', '及时拨付', '及时拨付', '及时拨付']);
    expect(rowAt(doc, 10, 4)).toEqual(['满意度指标', '服务对象满意度指标', '工作人员满意度', '工作人员满意度', '≥95百分比', '工作人员满意度']);
  });

  it('reads the narrative sections, keeping their repeated sub-headings', () => {
    expect(doc.overview.overallGoal).toMatch(/^总体绩效目标\n坚持以习近平新时代中国特色社会主义思想为指导/);
    expect(doc.overview.subGoals.split('\n')).toHaveLength(6);
    expect(doc.overview.safeguards).toContain('2、全面加强党的建设。');
  });

  it('reports the composed title and the inferred year', () => {
    expect(guessKeys(report)).toEqual(['1 title', '18 year']);
  });
});
