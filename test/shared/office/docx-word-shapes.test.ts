import { describe, expect, it } from 'vitest';
import { importDocx } from '../../../shared/office/index.ts';
import { wordShapesDocx } from '../../fixtures/office/word-shapes-docx.ts';

const result = importDocx(wordShapesDocx());
if (!result.ok) throw result.error;
const { doc, report } = result.value;
const [p1, p2] = doc.projects;
const levels = (i: number) => doc.projects[i]?.indicators.map((r) => `${r.level1}/${r.level2}/${r.name}`);

describe('a .docx in the shapes Word writes', () => {
  it('finds both tables, joining the one a page break split', () => {
    expect(report.layout).toBe('docx');
    expect(report.projects).toBe(2);
    expect(report.indicators).toBe(8);
  });

  it('reads the cover (two paragraphs), the department and 第一部分 from paragraphs', () => {
    expect(doc.title).toBe('测试县交通运输局2025年部门预算绩效文本');
    expect(doc.year).toBe(2025);
    expect(doc.department).toEqual({ code: '130225', name: '测试县交通运输局', region: '测试县' });
    expect(doc.overview).toEqual({ overallGoal: '保障全县道路安全畅通。', subGoals: '1、道路养护：完成养护里程。', safeguards: '加强资金管理。' });
  });

  it('reads the header block by its labels, whatever the order and spans, through content controls', () => {
    expect(p1?.name).toBe('道路养护经费');
    expect(p1?.code).toBe('13022525P000123');
    expect(p1?.budget).toEqual({ total: 120, fiscal: 100, other: 20 });
    expect(p1?.purpose).toBe('1.日常养护\n2.应急抢修');
    expect(p1?.spendingPlan).toEqual({ unit: 'percent', mar: 20, jun: 50, oct: 80, dec: 100 });
    // One paragraph in the cell: kept as written (text exports split such items; a .docx cell is exact).
    expect(p1?.goal).toBe('1.完成养护里程120公里。 2.道路优良率达到90%。');
    expect(p2?.budget).toEqual({ total: 30, fiscal: 30, other: null });
    expect(p2?.spendingPlan).toEqual({ unit: 'percent', mar: null, jun: 40, oct: null, dec: 100 });
  });

  it('fills merged 一级/二级指标 into every row they cover, also across the page-break split', () => {
    expect(levels(0)).toEqual([
      '产出指标/数量指标/养护里程', '产出指标/数量指标/抢修次数', '产出指标/质量指标/优良率', '产出指标/质量指标/验收合格率',
      '效益指标/社会效益指标/群众出行便利度', '满意度指标/服务对象满意度指标/群众满意度',
    ]);
    expect(levels(1)).toEqual(['产出指标/数量指标/检测桥梁数', '产出指标/时效指标/完成时间']);
    expect(p1?.indicators[0]).toMatchObject({ description: '养护里程的描述', value: '≥120公里', basis: '依据文件' });
  });
});
