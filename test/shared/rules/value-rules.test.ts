import type { BudgetText, Indicator } from '../../../shared/model/budget-text-schema.ts';
import { projectOf, rowOf, type RuleCase } from './make-doc.ts';
import { runRuleCases } from './run-rule-cases.ts';

const set = (r: number, cells: Partial<Omit<Indicator, 'id'>>) => (d: BudgetText) => void Object.assign(rowOf(d, 0, r), cells);
const at = (r: number) => ({ project: 'p1', indicator: `p1i${r + 1}`, field: 'value' });

/* Clean rows of project 1: 0 数量, 1 质量 (…合格率), 2 时效 (完成时限), 3 成本 (花费成本 ≤ 20 万元), 4 社会效益 (…知晓率), 5 满意度. */
const CASES: RuleCase[] = [
  {
    id: 'R-VAL-FORMAT',
    triggers: [
      { name: 'number glued to a non-unit word', mutate: set(0, { value: '15保障人数' }), expect: { severity: 'error', scope: 'cell', place: at(0), zh: '指标值“15保障人数”格式错误，无法识别。' } },
      { name: '= 1 有所提高', mutate: set(4, { value: '= 1 有所提高' }) },
      { name: '>= is only an info with a fix', mutate: set(5, { value: '>= 95 %' }), expect: { severity: 'info', en: 'Target “>= 95 %” uses non-standard symbols; write “≥ 95 %”.' } },
    ],
    nearMisses: [
      { name: 'canonical spelling', mutate: set(5, { value: '≥95%' }) },
      { name: 'qualitative prose', mutate: set(4, { value: '达到预期目标' }) },
    ],
  },
  {
    id: 'R-VAL-UNIT-MISSING',
    triggers: [{ name: 'bare number', mutate: set(0, { value: '≥ 2' }), expect: { severity: 'warning', place: at(0), zh: '指标值“≥ 2”缺少计量单位。' } }],
    nearMisses: [{ name: 'with unit', mutate: set(0, { value: '≥ 2 期' }) }],
  },
  {
    id: 'R-VAL-UNIT-REDUNDANT',
    triggers: [
      { name: '%百分比', mutate: set(1, { value: '= 100 %百分比' }), expect: { severity: 'info', place: at(1) } },
      { name: '百分比 alone', mutate: set(4, { value: '≥ 90 百分比' }) },
    ],
    nearMisses: [{ name: '%', mutate: set(1, { value: '= 100 %' }) }],
  },
  {
    id: 'R-VAL-UNIT-MISMATCH',
    triggers: [
      { name: '…率 with a count', mutate: set(1, { value: '= 13 个' }), expect: { severity: 'warning', zh: '指标“分析报告1验收合格率”与指标值单位“= 13 个”不匹配。' } },
      { name: '人数 with %', mutate: set(0, { name: '培训人数', value: '≥ 90 %' }) },
      { name: 'unit in the name differs', mutate: set(0, { name: '培训场次（场次）', value: '≥ 2 次' }) },
      { name: '…率 with a date', mutate: set(1, { value: '2025年12月底' }) },
    ],
    nearMisses: [
      { name: '人数占比 with %', mutate: set(0, { name: '培训人数占比', value: '≥ 90 %' }) },
      { name: 'unit in the name matches', mutate: set(0, { name: '培训场次（场次）' }) },
    ],
  },
  {
    id: 'R-VAL-OP-MISSING',
    triggers: [{ name: 'no comparator', mutate: set(0, { value: '2 场次' }), expect: { severity: 'info', place: at(0), en: 'Target “2 场次” lacks a comparator; “=” assumed.' } }],
    nearMisses: [{ name: 'date without comparator', mutate: () => undefined }],
  },
  {
    id: 'R-VAL-PCT-RANGE',
    triggers: [{ name: '= 120 %', mutate: set(1, { value: '= 120 %' }), expect: { severity: 'error', place: at(1) } }],
    nearMisses: [
      { name: '= 100 %', mutate: set(1, { value: '= 100 %' }) },
      { name: '> 120 % (growth beyond)', mutate: set(4, { value: '> 120 %' }) },
    ],
  },
  {
    id: 'R-VAL-DIRECTION-QTY',
    triggers: [{ name: '≤ on a 数量指标', mutate: set(0, { value: '≤ 2 场次' }), expect: { severity: 'warning', zh: '数量指标“专题培训场次1”使用了“≤”，一般应为“≥”或“=”。' } }],
    nearMisses: [{ name: '=', mutate: set(0, { value: '= 2 场次' }) }],
  },
  {
    id: 'R-VAL-DIRECTION-COST',
    triggers: [{ name: '≥ on a money cost', mutate: set(3, { value: '≥ 20 万元' }), expect: { severity: 'warning', zh: '成本指标应为上限控制（≤或=），不应使用“≥”。' } }],
    nearMisses: [
      { name: '= cost', mutate: set(3, { value: '= 20 万元' }) },
      { name: 'a rate in the cost row is R-COST-MONEY only', mutate: set(3, { value: '≥ 95 %' }) },
    ],
  },
  {
    id: 'R-VAL-DIRECTION-BENEFIT',
    triggers: [{ name: 'upper bound on a benefit', mutate: set(4, { value: '≤ 90 %' }), expect: { severity: 'info', place: at(4) } }],
    nearMisses: [{ name: 'a reduction target', mutate: set(4, { name: '群众投诉率', value: '≤ 5 %' }) }],
  },
  {
    id: 'R-VAL-DIRECTION-LEADTIME',
    triggers: [{ name: '提前 with ≤', mutate: set(2, { name: '提前完成天数', value: '≤ 5 天' }), expect: { severity: 'info', zh: '“提前完成天数”为提前量，通常应为“≥”。' } }],
    nearMisses: [{ name: '提前 with ≥', mutate: set(2, { name: '提前完成天数', value: '≥ 5 天' }) }],
  },
  {
    id: 'R-VAL-QUAL-VAGUE',
    triggers: [{ name: '有所提高 on a benefit', mutate: set(4, { value: '文字描述\n有所提高' }), expect: { severity: 'info', zh: '定性指标值“有所提高”过于笼统，建议量化或采用分级表述。' } }],
    nearMisses: [
      { name: 'graded wording', mutate: set(4, { value: '达到预期目标' }) },
      { name: 'vague words outside 效益', mutate: set(1, { value: '有所提高' }) },
    ],
  },
  {
    id: 'R-COST-MONEY',
    triggers: [
      { name: 'execution rate as cost', mutate: set(3, { name: '预算资金完成率', value: '≥ 95 %' }), expect: { severity: 'warning', scope: 'row', place: at(3) } },
      { name: 'prose', mutate: set(3, { value: '控制在预算内' }) },
    ],
    nearMisses: [
      { name: 'amount in 元', mutate: set(3, { value: '≤ 200000 元' }) },
      { name: 'per-unit cost', mutate: set(3, { value: '≤ 300 元/人' }) },
    ],
  },
  {
    id: 'R-COST-LE-BUDGET',
    triggers: [
      { name: '22 万元 > 20 万元', mutate: set(3, { value: '= 22 万元' }), expect: { severity: 'error', place: at(3), zh: '成本指标= 22 万元超过项目预算数20.00万元。', en: 'Cost target = 22 万元 exceeds the project budget of 20.00 万元.' } },
      { name: '元 converted', mutate: set(3, { value: '≤ 210000 元' }) },
      { name: 'no comparator', mutate: set(3, { value: '20.01万元' }) },
    ],
    nearMisses: [
      { name: '元 equal to 预算数', mutate: set(3, { value: '≤ 200000 元' }) },
      { name: 'per-unit cost', mutate: set(3, { value: '≤ 300 元/人' }) },
      { name: 'lower bound', mutate: set(3, { value: '≥ 22 万元' }) },
    ],
  },
  {
    id: 'R-COST-BUDGET-NEAR',
    triggers: [{ name: '19.9 vs 20', mutate: set(3, { value: '≤ 19.9 万元' }), expect: { severity: 'info', zh: '成本指标≤ 19.9 万元与预算数20.00万元不一致，请核对。' } }],
    nearMisses: [
      { name: '5 % below', mutate: set(3, { value: '≤ 19 万元' }) },
      { name: 'equal', mutate: set(3, { value: '= 20 万元' }) },
    ],
  },
  {
    id: 'R-OUT-INPUT',
    triggers: [
      { name: 'money as 数量指标', mutate: set(0, { name: '资金执行数', value: '= 20 万元' }), expect: { severity: 'warning', zh: '“= 20 万元”是资金投入，不能作为数量指标。' } },
      { name: 'bare number on a 资金 name', mutate: set(0, { name: '项目资金数', value: '25' }) },
    ],
    nearMisses: [
      { name: 'money as 经济效益', mutate: set(4, { level2: '经济效益指标', name: '带动增收', value: '≥ 50 万元' }) },
      { name: 'bare number on another name', mutate: set(0, { value: '25' }) },
    ],
  },
  {
    id: 'R-SAT-FORMAT',
    triggers: [
      { name: 'below the 80 % floor', mutate: set(5, { value: '≥ 75 %' }), expect: { severity: 'error', place: at(5), zh: '满意度指标值应为百分比（如≥90%），当前为“≥ 75 %”。' } },
      { name: 'qualitative', mutate: set(5, { value: '满意' }) },
      { name: 'upper bound', mutate: set(5, { value: '≤ 95 %' }) },
    ],
    nearMisses: [
      { name: '= 90 %', mutate: set(5, { value: '= 90 %' }) },
      { name: 'blank (R-ROW-VALUE-REQUIRED instead)', mutate: set(5, { value: '' }) },
    ],
  },
  {
    id: 'R-SAT-OP',
    triggers: [{ name: '> 90 %', mutate: set(5, { value: '> 90 %' }), expect: { severity: 'info', place: at(5) } }],
    nearMisses: [{ name: '≥ 90 %', mutate: set(5, { value: '≥ 90 %' }) }],
  },
  {
    id: 'R-SAT-THRESHOLD',
    triggers: [
      { name: '82 % < 85 %', mutate: set(5, { value: '≥ 82 %' }), expect: { severity: 'warning', zh: '满意度目标≥82%偏低（一般不低于85%）。' } },
      { name: 'configured minimum 90', mutate: set(5, { value: '≥ 88 %' }), settings: { satisfactionMin: 90 }, expect: { en: 'Satisfaction target ≥88% is low (usually ≥90%).' } },
    ],
    nearMisses: [
      { name: 'exactly 85 %', mutate: set(5, { value: '≥ 85 %' }) },
      { name: 'below the floor is R-SAT-FORMAT only', mutate: set(5, { value: '≥ 70 %' }) },
    ],
  },
  {
    id: 'R-TIME-FORMAT',
    triggers: [{ name: 'generic rate on a deadline name', mutate: set(2, { value: '≥ 95 %' }), expect: { severity: 'warning', place: at(2), zh: '时效指标值“≥ 95 %”应为完成时限（日期）或及时率。' } }],
    nearMisses: [
      { name: 'timeliness rate', mutate: set(2, { name: '资金拨付及时率', value: '≥ 95 %' }) },
      { name: 'duration', mutate: set(2, { value: '≤ 30 天' }) },
      { name: '≤ 12 月底', mutate: set(2, { value: '≤ 12 月底' }) },
    ],
  },
  {
    id: 'R-TIME-YEAR',
    triggers: [{ name: 'deadline in 2024 for a 2025 budget', mutate: set(2, { value: '2024年12月31日前' }), expect: { severity: 'warning', en: 'Year 2024 in timeliness target differs from budget year 2025.' } }],
    nearMisses: [
      { name: 'budget year', mutate: set(2, { value: '2025年年底' }) },
      { name: 'later year in a carried-over project', mutate: (d) => ((projectOf(d, 0).code = '13022524P00NB79100001'), (rowOf(d, 0, 2).value = '2026年6月底前')) },
    ],
  },
];

runRuleCases(CASES);
