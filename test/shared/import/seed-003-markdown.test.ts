import { describe, expect, it } from 'vitest';
import { SEEDS, guessKeys, importSeed, projectAt, rowAt } from './seed-fixtures.ts';

// Seed 003: markdown pipe tables, split at page breaks; cells wrapped with spaces inside words.
const { doc, report } = importSeed(SEEDS.markdown);
const CAR_BASIS = '按省、市公车平台建设文件及县委、县政府工作安排';

describe('seed 003 (markdown)', () => {
  it('detects the layout and finds every table and row', () => {
    expect(report.layout).toBe('markdown');
    expect(report.projects).toBe(5);
    expect(report.indicators).toBe(45);
    expect(doc.projects.map((p) => p.indicators.length)).toEqual([9, 9, 9, 9, 9]);
  });

  it('reads the one-line cover title without its spaces', () => {
    expect(doc.title).toBe('乐亭县机关事务中心2025年部门预算绩效文本');
    expect(doc.year).toBe(2025);
    expect(doc.department).toEqual({ code: '507001', name: '乐亭县机关事务中心', region: '乐亭县' });
  });

  it('reads header fields and percent plans', () => {
    expect(projectAt(doc, 1)).toMatchObject({
      code: '13022525P004T4010027E', name: '公务用车监督管理平台经费',
      budget: { total: 20, fiscal: 20, other: null },
      purpose: '承担全县公务用车信息化平台建设任务，对平台网站维护管理和车辆定位提供服务。',
      goal: '1.按规定期限完成预期效果',
      spendingPlan: { unit: 'percent', mar: 25, jun: 50, oct: 70, dec: 100 },
    });
    expect(projectAt(doc, 3).spendingPlan).toEqual({ unit: 'percent', mar: 35, jun: 60, oct: 85, dec: 100 });
    expect(projectAt(doc, 4).spendingPlan).toEqual({ unit: 'percent', mar: 25, jun: 50, oct: 75, dec: null });
    expect(projectAt(doc, 5)).toMatchObject({ code: '13022525P004T40100257', budget: { total: 150, fiscal: 150, other: null } });
  });

  it('joins the row continued across a page break and skips the repeated header', () => {
    expect(rowAt(doc, 1, 8)).toEqual(['效益指标', '可持续影响指标', '可持续影响力', '可持续影响力', '≥90%', CAR_BASIS]);
    expect(rowAt(doc, 1, 9)).toEqual(['满意度指标', '服务对象满意度指标', '服务对象满意度', '服务对象满意度', '≥98%', CAR_BASIS]);
  });

  it('reads rows cell for cell, removing wrap spaces inside Chinese words', () => {
    expect(rowAt(doc, 1, 1)).toEqual(['产出指标', '数量指标', '公车数量', '维护、监督公车数量', '298辆', CAR_BASIS]);
    expect(rowAt(doc, 2, 1)).toEqual(['产出指标', '数量指标', '维护、维修面积', '维护、维修面积', '≥12000平方米', '县委、县政府工作安排']);
    expect(rowAt(doc, 2, 8)).toEqual(['效益指标', '可持续影响指标', '提高工作效率', '提高工作效率', '改善办公环境、提高工作效率', '县委、县政府工作安排']);
    expect(rowAt(doc, 3, 3)).toEqual(['产出指标', '时效指标', '项目完成时限', '项目完成时限', '2025年12月31日前', '县委县政府工作安排年初计划']);
    expect(rowAt(doc, 4, 1)).toEqual(['产出指标', '数量指标', '退休“中人”人数', '退休“中人”人数', '23人', '按县委、县政府工作安排']);
    expect(rowAt(doc, 4, 5)).toEqual(['效益指标', '经济效益指标', '不涉及', '补涉及', '补涉及', '不涉及']);
    expect(rowAt(doc, 5, 9)).toEqual(['满意度指标', '服务对象满意度指标', '服务对象满意度', '服务群体满意人数', '≥95%', '县委、县政府工作安排']);
  });

  it('reads the narrative sections', () => {
    expect(doc.overview.overallGoal.split('\n')).toHaveLength(6);
    expect(doc.overview.overallGoal).toMatch(/^深入学习贯彻习近平总书记系列重要讲话精神/);
    expect(doc.overview.subGoals).toContain('\n(1)数量指标：年度指标值45批次。\n');
    expect(doc.overview.subGoals.split('\n')[0]).toBe('一、接待管理活动');
    expect(doc.overview.safeguards).toBe('成立部门绩效工作领导小组，监督各项绩效目标的执行，在执行绩效目标过程中，严格执行接待、招商、公务用车管理等各项规定，规范管理程序，在不降低工作标准的基础上尽量压缩成本，节约开支。');
  });

  it('reports the joined continuation row and the plan without 12月底', () => {
    expect(guessKeys(report)).toEqual(['186', '250 spendingPlan.dec']);
    const p1 = projectAt(doc, 1);
    expect(report.guesses[0]).toMatchObject({ project: p1.id, indicator: p1.indicators[7]?.id });
  });
});
