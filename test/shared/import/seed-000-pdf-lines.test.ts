import { describe, expect, it } from 'vitest';
import { BudgetTextSchema } from '../../../shared/model/budget-text-schema.ts';
import { SEEDS, guessKeys, importSeed, projectAt, rowAt } from './seed-fixtures.ts';

// Seed 000: PDF line soup — cells wrap over lines, 项目编码 breaks in two, no cover title.
const { doc, report } = importSeed(SEEDS.pdfLines);
const BASIS = '根据县委县政府研究决定';

describe('seed 000 (pdf-lines)', () => {
  it('detects the layout and finds every table and row in source order', () => {
    expect(report.layout).toBe('pdf-lines');
    expect(report.projects).toBe(8);
    expect(report.indicators).toBe(61);
    expect(doc.projects.map((p) => p.indicators.length)).toEqual([7, 9, 8, 7, 9, 7, 7, 7]);
    expect(() => BudgetTextSchema.parse(doc)).not.toThrow();
  });

  it('composes title and year without a cover, and takes the department from the table header', () => {
    expect(doc.title).toBe('乐亭县人民政府办公室2024年部门预算绩效文本');
    expect(doc.year).toBe(2024);
    expect(doc.department).toEqual({ code: '434001', name: '乐亭县人民政府办公室', region: '乐亭县' });
    expect(doc.unit).toBe('万元');
  });

  it('joins project codes broken over two lines and reads the header fields', () => {
    expect(doc.projects.map((p) => p.code)).toEqual([
      '13022525P00NB7910029Q', '13022525P00NB7910026X', '13022525P00NB7910027H', '13022525P00NB7910031P',
      '13022525P00NB7910025A', '13022525P00NB79100285', '13022525P00NB79100304', '13022525P00NB7910024N',
    ]);
    const p1 = projectAt(doc, 1);
    expect(p1.name).toBe('大气污染防治技术服务经费');
    expect(p1.budget).toEqual({ total: 150, fiscal: 150, other: null });
    expect(p1.purpose).toBe('分析研判重要环保指标，发现污染源并提供科学管控建议，空气质量达到市考核目标。');
    expect(p1.goal).toBe('1.分析研判重要环保指标，发现污染源并提供科学管控建议，空气质量达到市考核目标。');
    expect(p1.spendingPlan).toEqual({ unit: 'percent', mar: 25, jun: 50, oct: 75, dec: 100 });
    const p5 = projectAt(doc, 5);
    expect(p5.name).toBe('县志编制费及乐亭年鉴编撰出版经费');
    expect(p5.purpose).toBe('制定印发地方综合年鉴编纂方案，组织人力物力编纂地方综合年鉴，编辑出版《乐亭年鉴（2025）》。');
    expect(p5.goal).toBe('1.开发地方综合年鉴资源，推动地方综合年鉴理论研究，开展地情资料编研工作，搜集整理地方志资料。');
    expect(projectAt(doc, 7).budget).toEqual({ total: 370, fiscal: 370, other: null });
  });

  it('recovers wrapped cells of all six columns and fills 一级指标 down', () => {
    expect(rowAt(doc, 1, 1)).toEqual(['产出指标', '数量指标', '大气污染防治知识培训', '大气污染防治知识培训', '= 1场次', BASIS]);
    expect(rowAt(doc, 1, 4)).toEqual(['产出指标', '成本指标', '花费成本', '花费成本', '= 150万元', BASIS]);
    expect(rowAt(doc, 1, 5)).toEqual(['效益指标', '可持续影响指标', '县域绿色发展水平', '县域绿色发展水平', '文字描述有所提高', BASIS]);
    expect(rowAt(doc, 1, 7)).toEqual(['满意度指标', '服务对象满意度指标', '服务对象满意度', '服务对象满意度', '> 90 %', BASIS]);
    expect(rowAt(doc, 2, 6)).toEqual(['效益指标', '可持续影响指标', '县政府决策法律保障', '县政府决策法律保障', '文字描述', BASIS]);
    expect(rowAt(doc, 2, 7)).toEqual(['效益指标', '经济效益指标', '县政府合法经济效益维护率', '县政府合法经济效益维护率', '= 100 %', BASIS]);
    expect(rowAt(doc, 3, 3)).toEqual(['产出指标', '时效指标', '企业上市时间', '企业上市时间', '< 12月底', BASIS]);
    expect(rowAt(doc, 5, 5)).toEqual(['效益指标', '可持续影响指标', '乐亭人文历史、特色的知名度', '乐亭人文历史、特色的知名度', '= 1有所提高', BASIS]);
    expect(rowAt(doc, 7, 2)).toEqual(['产出指标', '质量指标', '高锰酸盐指标', '高锰酸盐指标', '≤ 15 mg/l', BASIS]);
  });

  it('keeps rows without 指标值确定依据 and rows out of the usual order', () => {
    expect(rowAt(doc, 4, 4)).toEqual(['产出指标', '成本指标', '资金完成数量', '资金完成数量', '15', '']);
    expect(rowAt(doc, 4, 5)).toEqual(['效益指标', '可持续影响指标', '县域绿色发展水平', '县域绿色发展水平', '= 100有所提升', '']);
    expect(projectAt(doc, 8).indicators.map((i) => i.level2)).toEqual([
      '数量指标', '时效指标', '成本指标', '质量指标', '可持续影响指标', '经济效益指标', '服务对象满意度指标',
    ]);
    expect(rowAt(doc, 8, 4)).toEqual(['产出指标', '质量指标', '正常运转率', '正常运转率', '正常运转', '']);
  });

  it('reproduces the facts: project 2 plans a 22 万元 cost against a 20 万元 budget', () => {
    const p2 = projectAt(doc, 2);
    expect(p2.name).toBe('法律顾问专项经费');
    expect(p2.budget.total).toBe(20);
    expect(rowAt(doc, 2, 4)).toEqual(['产出指标', '成本指标', '花费成本', '花费成本', '= 22万元', BASIS]);
  });

  it('re-joins the narrative of 第一部分 into paragraphs', () => {
    expect(doc.overview.overallGoal.split('\n')).toHaveLength(3);
    expect(doc.overview.overallGoal).toContain('2024年协助县政府领导努力实现以下经济社会发展主要目标');
    const subGoals = doc.overview.subGoals.split('\n');
    expect(subGoals).toHaveLength(17);
    expect(subGoals[6]).toMatch(/^五、督导财税收入/);
    expect(subGoals[6]).toContain('完善金融扶贫服务；防范处置非法集资');
    expect(doc.overview.safeguards).toMatch(/^乐亭县人民政府办公室\n项目绩效工作保障措施\n一、完善制度建设。/);
    expect(doc.overview.safeguards).toContain('对会计资料进行内部审计');
  });

  it('reports the composed title, the year source and the value taken by position', () => {
    expect(guessKeys(report)).toEqual(['1 title', '8 year', '1004 value']);
    const p8 = projectAt(doc, 8);
    expect(report.guesses[2]).toMatchObject({ project: p8.id, indicator: p8.indicators[3]?.id, raw: '正常运转率 正常运转率 正常运转' });
  });
});
