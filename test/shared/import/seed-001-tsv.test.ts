import { describe, expect, it } from 'vitest';
import { SEEDS, guessKeys, importSeed, projectAt, rowAt } from './seed-fixtures.ts';

// Seed 001: one TAB-separated row per line; LaTeX and <p> residue; spending-plan rows off by a column.
const { doc, report } = importSeed(SEEDS.tsv);
const FUND = '冀财预[2023]74号增发2023年国债灾后恢复重建和提升防灾减灾能力补助资金';
const MILITIA = '国防领域省市县财政事权和支出责任改革方案';

describe('seed 001 (tsv)', () => {
  it('detects the layout and finds every table and row', () => {
    expect(report.layout).toBe('tsv');
    expect(report.projects).toBe(15);
    expect(report.indicators).toBe(105);
    expect(doc.projects.map((p) => p.indicators.length)).toEqual([9, 7, 7, 7, 7, 6, 7, 6, 7, 7, 7, 7, 7, 7, 7]);
  });

  it('reads the two-line cover title and the department', () => {
    expect(doc.title).toBe('遵化市人民政府办公室2024年部门预算绩效文本');
    expect(doc.year).toBe(2024);
    expect(doc.department).toEqual({ code: '434001', name: '遵化市人民政府办公室', region: '遵化市' });
  });

  it('reads header fields: code, name, budget with a blank 其他资金 as null, purpose, goal', () => {
    const p1 = projectAt(doc, 1);
    expect(p1.code).toBe('13028123P00091110001U');
    expect(p1.name).toBe(FUND);
    expect(p1.budget).toEqual({ total: 1322, fiscal: 1322, other: null });
    expect(p1.purpose).toMatch(/^\(1\)遵化市气象局基础设施提升改造，/);
    const p3 = projectAt(doc, 3);
    expect(p3.name).toBe('12345政务服务热线办公经费及服务费');
    expect(p3.goal).toBe('1.根据工作需要安排符合要求的员工在指定工作地点工作\n2.为员工办理合法的劳动用工手续');
    expect(projectAt(doc, 14).budget).toEqual({ total: 83.1, fiscal: 83.1, other: null });
  });

  it('strips <p> residue from goals, keeping the paragraphs apart', () => {
    expect(projectAt(doc, 5).goal).toBe(
      '1.民兵训练基地升级改造已经交付使用，为了更好的保证训练基地高质量运行，训练出高素质的民兵队伍。\n'
      + '2.为民兵征集军事训练营造一个安全舒适的训练环境，确保专武干部、民兵连排长及民兵军事训练，提高全民国防知识意思，确保军事化训练。',
    );
    expect(JSON.stringify(doc)).not.toMatch(/<\/?p>|\\\\geq|\$/);
  });

  it('reads rows cell for cell, removing wrap spaces inside Chinese words', () => {
    expect(rowAt(doc, 1, 1)).toEqual(['产出指标', '数量指标', '专业设备购置数量(台/件/辆/套)', '专业设备购置数量(台/件/辆/套)', '≥60套', FUND]);
    expect(rowAt(doc, 1, 9)).toEqual(['满意度指标', '服务对象满意度指标', '群众满意度(≥**%)', '群众满意度(≥**%)', '≥95%', FUND]);
    expect(rowAt(doc, 5, 1)).toEqual(['产出指标', '数量指标', '民兵队伍培训次数(次)', '民兵队伍培训次数（次）', '≥40次', MILITIA]);
    expect(rowAt(doc, 5, 3)).toEqual(['产出指标', '时效指标', '完成工作时间', '完成工作时间', '2024年年底完成', MILITIA]);
    expect(rowAt(doc, 5, 6)).toEqual(['效益指标', '可持续影响指标', '长期使用性', '能够长期较好地开展民兵训练活动，提高民兵技能水平。', '≥95%', MILITIA]);
    expect(rowAt(doc, 6, 3)).toEqual(['产出指标', '时效指标', '预警提前时间', '反映预警发出时间与实际发生时间提前量', '≤10分钟', '冀政办[2005]5号河北省人民政府办公厅关于进一步加强气象工作的通知']);
    expect(rowAt(doc, 11, 2)).toEqual(['产出指标', '质量指标', '法律咨询服务质量', '为政府提供各种法律咨询服务质量，被采纳的比率。', '≥95%百分比', '唐政发[2014]21号关于进一步加强政府法律顾问制度建设的意见']);
  });

  it('joins digits a wrap split and keeps a garbled value as written', () => {
    expect(rowAt(doc, 7, 1)[4]).toBe('≥2000人');
    expect(rowAt(doc, 9, 3)[4]).toBe('≥952024年年底完成');
  });

  it('places spending-plan values by column, guessing for values under no checkpoint', () => {
    expect(projectAt(doc, 1).spendingPlan).toEqual({ unit: 'percent', mar: 30, jun: 60, oct: 90, dec: null });
    expect(projectAt(doc, 8).spendingPlan).toEqual({ unit: 'percent', mar: 30, jun: 60, oct: 90, dec: 100 });
    expect(projectAt(doc, 13).spendingPlan).toEqual({ unit: 'percent', mar: 30, jun: 60, oct: 90, dec: 100 });
    expect(projectAt(doc, 15).spendingPlan).toEqual({ unit: 'percent', mar: 30, jun: 60, oct: 100, dec: null });
  });

  it('re-joins a paragraph cut by a page break and strips LaTeX in the narrative', () => {
    expect(doc.overview.overallGoal.split('\n')).toHaveLength(1);
    expect(doc.overview.overallGoal).toContain('都超前准备，精心操作，全力落实。');
    expect(doc.overview.subGoals).toContain('绩效指标：专业设备购置数量≥ 60套；工程质量合格率≥95%；设备使用率≥95%。');
    const safeguards = doc.overview.safeguards.split('\n');
    expect(safeguards).toHaveLength(15);
    expect(safeguards[14]).toContain('热电联产集中供热、社会治理综合指挥中心建设、城乡道路畅通');
  });

  it('reports every spending-plan guess and the joined digits', () => {
    const missingDec = [229, 252, 273, 294, 315, 336, 356, 418, 439, 460, 502, 523].map((l) => `${l} spendingPlan.dec`);
    expect(guessKeys(report)).toEqual([
      ...missingDec.slice(0, 7), '360 value', '378 spendingPlan.dec', '398 spendingPlan.dec', ...missingDec.slice(7),
      '524 spendingPlan.mar', '524 spendingPlan.jun', '524 spendingPlan.oct',
    ]);
    const p15 = projectAt(doc, 15);
    expect(report.guesses.filter((g) => g.line === 524).map((g) => [g.project, g.raw])).toEqual([[p15.id, '30%'], [p15.id, '60%'], [p15.id, '100%']]);
    expect(report.guesses.find((g) => g.line === 360)).toMatchObject({ indicator: projectAt(doc, 7).indicators[0]?.id, raw: '≥200 0人' });
  });
});
