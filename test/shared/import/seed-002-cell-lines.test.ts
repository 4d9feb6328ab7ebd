import { describe, expect, it } from 'vitest';
import { SEEDS, guessKeys, importSeed, projectAt, rowAt } from './seed-fixtures.ts';

// Seed 002: one TAB-prefixed cell per line, blank lines between rows; plans in 万元; a duplicated section.
const { doc, report } = importSeed(SEEDS.cellLines);

describe('seed 002 (cell-lines)', () => {
  it('detects the layout and finds every table and row, including a table without rows', () => {
    expect(report.layout).toBe('cell-lines');
    expect(report.projects).toBe(17);
    expect(report.indicators).toBe(117);
    expect(doc.projects.map((p) => p.indicators.length)).toEqual([8, 8, 7, 7, 7, 7, 7, 7, 7, 8, 6, 8, 8, 7, 0, 9, 6]);
  });

  it('reads cover, year and department (cover name wins over the table header)', () => {
    expect(doc.title).toBe('河北乐亭县经济开发区管理委员会2023年部门预算绩效文本');
    expect(doc.year).toBe(2023);
    expect(doc.department).toEqual({ code: '479002', name: '河北乐亭县经济开发区管理委员会', region: '乐亭县' });
  });

  it('reads header fields and amount plans under a （%） header', () => {
    const p1 = projectAt(doc, 1);
    expect(p1).toMatchObject({
      code: '13022523P00L02410032K', name: '安全生产费用', purpose: '确保开发区生产安全', goal: '1.确保开发区生产安全',
      budget: { total: 20, fiscal: 20, other: null },
      spendingPlan: { unit: 'amount', mar: 5, jun: 10, oct: 16.7, dec: 20 },
    });
    expect(projectAt(doc, 3).spendingPlan).toEqual({ unit: 'amount', mar: null, jun: null, oct: 150, dec: null });
    expect(projectAt(doc, 9).spendingPlan).toEqual({ unit: 'amount', mar: 50, jun: 100, oct: 167, dec: 200.52 });
    expect(projectAt(doc, 9).budget.total).toBe(200.53);
    expect(projectAt(doc, 10).spendingPlan).toEqual({ unit: 'amount', mar: 25, jun: 50, oct: 83, dec: 100 });
    expect(projectAt(doc, 12).budget).toEqual({ total: 10100, fiscal: 10100, other: null });
    expect(projectAt(doc, 14).name).toBe('经济开发区装备制造智慧产业园项目建设资金');
    expect(projectAt(doc, 13).goal).toBe('1.用于开发区基础建设、公共平台建设以及重大规划招商引资、招才引智和宣传推介');
  });

  it('keeps table 15 with its header and no indicator rows', () => {
    expect(projectAt(doc, 15)).toMatchObject({
      code: '13022522P004235100038', name: '乐亭森宇再生资源有限公司土地款', purpose: '', goal: '', indicators: [],
      budget: { total: 428.15, fiscal: 428.15, other: null },
      spendingPlan: { unit: 'amount', mar: null, jun: null, oct: null, dec: null },
    });
  });

  it('reads rows cell for cell and fills the merged 一级指标 down', () => {
    expect(rowAt(doc, 1, 1)).toEqual(['产出指标', '数量指标', '安全检查次数', '安全检查次数', '≥10次', '年初预算']);
    expect(rowAt(doc, 1, 2)).toEqual(['产出指标', '质量指标', '活动完成质量', '活动完成质量', '≥95%', '年初预算']);
    expect(rowAt(doc, 1, 7)).toEqual(['效益指标', '可持续影响指标', '园区安全持续保障', '园区安全持续保障', '安全持续得到保障', '年初预算']);
    expect(rowAt(doc, 11, 2)).toEqual(['产出指标', '质量指标', '编制方案的质量', '编制更加科学', '编制更加科学', '国家规范']);
    expect(rowAt(doc, 14, 2)).toEqual(['产出指标', '质量指标', '产品质量验证合格率', '产品质量验证合格率', '≥95万元', '是否符合报告']);
    expect(rowAt(doc, 17, 6)).toEqual(['满意度指标', '服务对象满意度指标', '服务对象满意度', '服务对象满意度', '≥95%', '服务对象满意度']);
  });

  it('keeps line breaks inside a cell and joins a row split by a blank line', () => {
    expect(rowAt(doc, 12, 1)[4]?.split('\n')).toEqual([
      '指标1：新建工业给水网5906米，阀门井17座', '指标2：新建生活给水网7317米，旧管拆除工程11831米',
      '指标3：重建雨水管网11831米，更新雨水检查井875口、雨水口710个', '指标4：雨水管网清淤23661米',
      '指标5：路面恢复工程72152平方米、绿化恢复工程10000平方米',
    ]);
    expect(rowAt(doc, 12, 6)).toEqual([
      '效益指标', '社会效益指标', '招商引资、增加就业', '招商引资、增加就业',
      '建成后基础设施环境和投资环境的改善，为招商引资创造良好条件。同时也有助于解决就业安置问题。', '可行性研究报告',
    ]);
    expect(rowAt(doc, 12, 8)).toEqual(['满意度指标', '服务对象满意度指标', '服务对象满意度', '服务对象满意度', '≥95%', '可行性研究报告']);
  });

  it('reads the narrative once although 二、分项绩效目标 appears twice, without bookmarks', () => {
    expect(doc.overview.overallGoal).toMatch(/^2023年，乐亭经济开发区将积极培育企业扩大再生产/);
    expect(doc.overview.overallGoal.split('\n')).toHaveLength(7);
    expect(doc.overview.subGoals.match(/（一）充分发挥产业优势，全力开展招商活动/g)).toHaveLength(1);
    expect(doc.overview.subGoals.split('\n')).toHaveLength(29);
    expect(doc.overview.safeguards).toMatch(/^对开发区重要部署、重点项目、重大活动，主动作为/);
    expect(JSON.stringify(doc)).not.toContain('bookmark');
  });

  it('reports the duplicate section, the name mismatch, the ambiguous plan and the joined or skipped rows', () => {
    expect(guessKeys(report)).toEqual(['102 overview.subGoals', '144 department.name', '1042 spendingPlan', '1303', '1311', '1566']);
    const p12 = projectAt(doc, 12);
    expect(report.guesses[3]).toMatchObject({ project: p12.id, indicator: p12.indicators[5]?.id });
    expect(report.guesses[4]).toMatchObject({ project: p12.id, indicator: p12.indicators[6]?.id });
    expect(report.guesses[5]).toMatchObject({ project: projectAt(doc, 15).id });
  });
});
