import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importFileBytes } from '../../../server/office/import-file-bytes.ts';

// A workbook as a finance bureau might hand it out: all tables on one sheet, a six-column grid without
// spans, 一级/二级指标 as merged ranges, amounts as numbers, the plan as percentages, a hidden helper sheet.
async function oneSheetWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('绩效目标表');
  const hidden = wb.addWorksheet('下拉选项', { state: 'hidden' });
  hidden.addRow(['项目编码', '不应读取']);
  let r = 1;
  const row = (...cells: (string | number | null)[]) => ws.getRow(r++).values = cells;
  row('测试县卫生健康局2024年部门预算绩效文本');
  const project = (n: number, name: string, level2Runs: [string, string, string][]) => {
    row(`${n}.${name}绩效目标表`);
    row('130225 测试县卫生健康局', null, null, null, null, '单位：万元');
    row('项目编码', `1302252400${n}`, '项目名称', name);
    row('预算数', 50, '财政资金', 50, '其他资金', null);
    row('资金用途', `用于${name}。`);
    row('资金支出计划', '3月底', '6月底', '10月底', '12月底');
    const planRow = r;
    row(null, 0.25, 0.5, 0.75, 1);
    for (let c = 2; c <= 5; c++) ws.getCell(planRow, c).numFmt = '0%';
    row('绩效目标', `完成${name}。`);
    row('一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据');
    const first = r;
    for (const [level2, indicator, value] of level2Runs) row(r === first ? '产出指标' : null, level2, indicator, `${indicator}描述`, value, '年度计划');
    ws.mergeCells(first, 1, r - 1, 1);
    ws.mergeCells(first, 2, first + 1, 2);
  };
  project(1, '疫苗接种经费', [['数量指标', '接种人数', '≥5000人'], ['数量指标', '接种点数', '=12个'], ['质量指标', '接种率', '≥95%']]);
  row(null);
  project(2, '健康宣传经费', [['数量指标', '宣传次数', '≥10次'], ['数量指标', '发放材料', '≥2000份'], ['时效指标', '完成时间', '2024年底前']]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('an .xlsx with all tables on one sheet', () => {
  it('reads both tables by their labels, numbers as written, merged ranges filled', async () => {
    const result = await importFileBytes(await oneSheetWorkbook());
    if (!result.ok) throw result.error;
    const { doc, report } = result.value;
    expect(report).toMatchObject({ layout: 'xlsx', projects: 2, indicators: 6 });
    expect(doc.title).toBe('测试县卫生健康局2024年部门预算绩效文本');
    expect(doc.department.code).toBe('130225');
    const [p1, p2] = doc.projects;
    expect(p1).toMatchObject({ code: '13022524001', name: '疫苗接种经费', purpose: '用于疫苗接种经费。', goal: '完成疫苗接种经费。' });
    expect(p1?.budget).toEqual({ total: 50, fiscal: 50, other: null });
    expect(p1?.spendingPlan).toEqual({ unit: 'percent', mar: 25, jun: 50, oct: 75, dec: 100 });
    expect(p1?.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}/${i.value}`)).toEqual([
      '产出指标/数量指标/接种人数/≥5000人', '产出指标/数量指标/接种点数/=12个', '产出指标/质量指标/接种率/≥95%',
    ]);
    expect(p2?.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}`)).toEqual([
      '产出指标/数量指标/宣传次数', '产出指标/数量指标/发放材料', '产出指标/时效指标/完成时间',
    ]);
  });
});
