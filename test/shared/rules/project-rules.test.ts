import { projectOf, type RuleCase } from './make-doc.ts';
import { runRuleCases } from './run-rule-cases.ts';

const p1 = projectOf;
const drop = (index: number) => (d: Parameters<typeof projectOf>[0]) => void p1(d, 0).indicators.splice(index, 1);

const CASES: RuleCase[] = [
  {
    id: 'R-PRJ-CODE-FORMAT',
    triggers: [
      { name: 'too short', mutate: (d) => void (p1(d, 0).code = '13022525P00NB7'), expect: { severity: 'error', place: { project: 'p1', field: 'code' }, en: 'Project code “13022525P00NB7” malformed (expected 21 chars: 6-digit region + 2-digit year + P + 12).' } },
      { name: 'blank', mutate: (d) => void (p1(d, 0).code = ''), expect: { zh: '项目编码“（空）”格式不正确（应为21位：6位区划码+2位年度+P+12位）。' } },
      { name: 'wrapped over two lines', mutate: (d) => void (p1(d, 0).code = '13022525P00NB791000\n01'), expect: { severity: 'error', zh: '项目编码“13022525P00NB791000 01”含空白或换行，应为“13022525P00NB79100001”。' } },
    ],
    nearMisses: [{ name: 'valid code with letters', mutate: (d) => void (p1(d, 0).code = '13022525P00H60410032U') }],
  },
  {
    id: 'R-PRJ-CODE-YEAR',
    triggers: [
      { name: 'code year after budget year', mutate: (d) => void (p1(d, 0).code = '13022526P00NB79100001'), expect: { severity: 'warning', zh: '项目编码年度2026晚于文本年度2025。' } },
      { name: 'carried-over project → info', mutate: (d) => void (p1(d, 0).code = '13022523P00NB79100001'), expect: { severity: 'info', en: 'Project created in 2023: confirm targets are for this year.' } },
    ],
    nearMisses: [{ name: 'no stated year', mutate: (d) => ((d.year = null), (d.title = '部门预算绩效文本'), (p1(d, 0).code = '13022526P00NB79100001')) }],
  },
  {
    id: 'R-PRJ-NAME',
    triggers: [
      { name: 'blank', mutate: (d) => void (p1(d, 0).name = '  '), expect: { severity: 'warning', place: { project: 'p1', field: 'name' } } },
      { name: 'TAB and trailing space', mutate: (d) => void (p1(d, 0).name = '示范\t项目1 ') },
    ],
    nearMisses: [{ name: 'an inner ordinary space', mutate: (d) => void (p1(d, 0).name = '示范 项目1') }],
  },
  {
    id: 'R-FUND-FORMAT',
    triggers: [
      { name: 'blank 预算数', mutate: (d) => void (p1(d, 0).budget.total = null), expect: { severity: 'error', place: { project: 'p1', field: 'budget.total' }, zh: '预算数“（空）”不是有效金额（万元，最多两位小数）。', en: 'Budget “(blank)” is not a valid amount (万元, ≤2 decimals).' } },
      { name: 'three decimals', mutate: (d) => ((p1(d, 0).budget.fiscal = 19.995), (p1(d, 0).budget.other = 0.005)), count: 2 },
      { name: 'negative other', mutate: (d) => void (p1(d, 0).budget.other = -1), expect: { place: { project: 'p1', field: 'budget.other' } } },
    ],
    nearMisses: [
      { name: 'blank 其他资金 is allowed', mutate: (d) => void (p1(d, 0).budget.other = null) },
      { name: 'two decimals with float noise', mutate: (d) => ((p1(d, 0).budget.total = 0.1 + 0.2), (p1(d, 0).budget.fiscal = 0.3)) },
    ],
  },
  {
    id: 'R-FUND-SUM',
    triggers: [{ name: 'fiscal + other ≠ budget (no seed has this)', mutate: (d) => ((p1(d, 0).budget.fiscal = 15), (p1(d, 0).budget.other = 3)), count: 1, expect: { severity: 'error', zh: '财政资金15.00+其他资金3.00≠预算数20.00。', en: 'Fiscal 15.00 + other 3.00 ≠ budget 20.00.' } }],
    nearMisses: [
      { name: 'other makes up the difference', mutate: (d) => ((p1(d, 0).budget.fiscal = 15), (p1(d, 0).budget.other = 5)) },
      { name: 'blank other counts as 0', mutate: (d) => void (p1(d, 0).budget.other = null) },
      { name: 'within 0.005 万元', mutate: (d) => ((p1(d, 0).budget.fiscal = 19.99), (p1(d, 0).budget.other = 0.005)) },
    ],
  },
  {
    id: 'R-FUND-OTHER-BLANK',
    triggers: [{ name: 'blank 其他资金', mutate: (d) => void (p1(d, 0).budget.other = null), expect: { severity: 'info', place: { project: 'p1', field: 'budget.other' } } }],
    nearMisses: [{ name: 'explicit 0', mutate: (d) => void (p1(d, 0).budget.other = 0) }],
  },
  {
    id: 'R-FUND-POSITIVE',
    triggers: [{ name: 'budget 0', mutate: (d) => ((p1(d, 0).budget.total = 0), (p1(d, 0).budget.fiscal = 0)), expect: { severity: 'error', place: { project: 'p1', field: 'budget.total' } } }],
    nearMisses: [
      { name: 'tiny positive budget', mutate: (d) => ((p1(d, 0).budget.total = 0.01), (p1(d, 0).budget.fiscal = 0.01)) },
      { name: 'blank budget (R-FUND-FORMAT instead)', mutate: (d) => void (p1(d, 0).budget.total = null) },
    ],
  },
  {
    id: 'R-PRJ-USAGE',
    triggers: [
      { name: 'blank', mutate: (d) => void (p1(d, 0).purpose = ''), expect: { severity: 'error', place: { project: 'p1', field: 'purpose' } } },
      { name: 'repeats the name → info', mutate: (d) => void (p1(d, 0).purpose = '示范项目1。'), expect: { severity: 'info', zh: '资金用途仅重复项目名称。' } },
    ],
    nearMisses: [{ name: 'name plus content', mutate: (d) => void (p1(d, 0).purpose = '示范项目1培训费') }],
  },
  {
    id: 'R-PRJ-GOAL-REQUIRED',
    triggers: [{ name: 'only numbering', mutate: (d) => void (p1(d, 0).goal = '1.\n2、'), expect: { severity: 'error', place: { project: 'p1', field: 'goal' } } }],
    nearMisses: [{ name: 'one short goal', mutate: (d) => void (p1(d, 0).goal = '1.完成培训') }],
  },
  {
    id: 'R-PRJ-GOAL-PLACEHOLDER',
    triggers: [{ name: '目标内容1', mutate: (d) => void (p1(d, 0).goal = '1.目标内容1'), expect: { severity: 'error', zh: '绩效目标仍为模板占位文字“目标内容1”。' } }],
    nearMisses: [{ name: 'the words 目标内容 without number', mutate: (d) => void (p1(d, 0).goal = '1.细化目标内容，完成培训') }],
  },
  {
    id: 'R-PRJ-GOAL-TRIVIAL',
    triggers: [{ name: 'goal = name', mutate: (d) => void (p1(d, 0).goal = '1.示范项目1。'), expect: { severity: 'info' } }],
    nearMisses: [{ name: 'goal extends the name', mutate: (d) => void (p1(d, 0).goal = '1.示范项目1按期完成') }],
  },
  {
    id: 'R-PLAN-CHECKPOINTS',
    triggers: [{ name: 'plan missing altogether', mutate: (d) => void (p1(d, 0).spendingPlan = { unit: 'percent', mar: null, jun: null, oct: null, dec: null }), count: 1, expect: { severity: 'error', place: { project: 'p1', field: 'spendingPlan' }, zh: '资金支出计划缺少“3月底、6月底、10月底、12月底”节点。' } }],
    nearMisses: [{ name: 'one checkpoint filled (R-PLAN-BLANK instead)', mutate: (d) => void (p1(d, 0).spendingPlan = { unit: 'percent', mar: null, jun: null, oct: null, dec: 100 }) }],
  },
  {
    id: 'R-PLAN-BLANK',
    triggers: [{ name: '3月底 blank', mutate: (d) => void (p1(d, 0).spendingPlan.mar = null), count: 1, expect: { severity: 'error', place: { project: 'p1', field: 'spendingPlan.mar' }, zh: '资金支出计划“3月底”未填写。' } }],
    nearMisses: [
      { name: '0 is a value', mutate: (d) => void (p1(d, 0).spendingPlan.mar = 0) },
      { name: 'all blank (R-PLAN-CHECKPOINTS instead)', mutate: (d) => void (p1(d, 0).spendingPlan = { unit: 'percent', mar: null, jun: null, oct: null, dec: null }) },
    ],
  },
  {
    id: 'R-PLAN-UNIT',
    triggers: [
      { name: 'amounts in 万元', mutate: (d) => void (p1(d, 0).spendingPlan = { unit: 'amount', mar: 5, jun: 10, oct: 15, dec: 20 }), expect: { severity: 'warning', place: { project: 'p1', field: 'spendingPlan' } } },
      { name: '预算数 = 100 is ambiguous → info', mutate: (d) => ((p1(d, 0).budget = { total: 100, fiscal: 100, other: 0 }), (p1(d, 0).spendingPlan = { unit: 'amount', mar: 25, jun: 50, oct: 75, dec: 100 })), expect: { severity: 'info' } },
    ],
    nearMisses: [{ name: 'percentages', mutate: () => undefined }],
  },
  {
    id: 'R-PLAN-MONOTONIC',
    triggers: [{ name: '6月底 below 3月底', mutate: (d) => void (p1(d, 0).spendingPlan.jun = 20), count: 1, expect: { severity: 'error', place: { project: 'p1', field: 'spendingPlan.jun' }, zh: '资金支出计划应为累计数，3月底（25%）大于6月底（20%）。' } }],
    nearMisses: [
      { name: 'flat values', mutate: (d) => void (p1(d, 0).spendingPlan.jun = 25) },
      { name: 'blank in between', mutate: (d) => void (p1(d, 0).spendingPlan.jun = null) },
    ],
  },
  {
    id: 'R-PLAN-FINAL',
    triggers: [
      { name: '12月底 at 90%', mutate: (d) => void (p1(d, 0).spendingPlan.dec = 90), expect: { severity: 'error', place: { project: 'p1', field: 'spendingPlan.dec' }, en: 'Cumulative spending at 12月底 must be 100% (is 90%).' } },
      { name: 'amount plan ending below 预算数', mutate: (d) => void (p1(d, 0).spendingPlan = { unit: 'amount', mar: 5, jun: 10, oct: 15, dec: 19 }), expect: { zh: '12月底累计支出应为100%（当前19.00万元）。' } },
    ],
    nearMisses: [{ name: 'amount plan ending at 预算数', mutate: (d) => void (p1(d, 0).spendingPlan = { unit: 'amount', mar: 5, jun: 10, oct: 15, dec: 20 }) }],
  },
  {
    id: 'R-PLAN-RANGE',
    triggers: [{ name: '120%', mutate: (d) => void (p1(d, 0).spendingPlan.oct = 120), expect: { severity: 'error', place: { project: 'p1', field: 'spendingPlan.oct' }, zh: '资金支出比例120%超出0-100%。' } }],
    nearMisses: [{ name: '0% and 100%', mutate: (d) => void (p1(d, 0).spendingPlan.mar = 0) }],
  },
  {
    id: 'R-PLAN-AMBIGUOUS',
    triggers: [{ name: 'percent plan whose values are 预算数 amounts', mutate: (d) => void (p1(d, 0).spendingPlan = { unit: 'percent', mar: 5, jun: 10, oct: 15, dec: 20 }), expect: { severity: 'warning', place: { project: 'p1', field: 'spendingPlan' } } }],
    nearMisses: [
      { name: '预算数 100', mutate: (d) => ((p1(d, 0).budget = { total: 100, fiscal: 100, other: 0 }), (p1(d, 0).indicators[3]!.value = '≤ 100 万元')) },
      { name: 'percent plan ending below 100 but not at 预算数', mutate: (d) => void (p1(d, 0).spendingPlan.dec = 90) },
    ],
  },
  {
    id: 'R-IND-NONE',
    triggers: [{ name: 'no rows, and no other R-IND finding', mutate: (d) => void (p1(d, 0).indicators = []), count: 1, expect: { severity: 'error', place: { project: 'p1' } } }],
    nearMisses: [{ name: 'one row', mutate: (d) => void p1(d, 0).indicators.splice(1) }],
  },
  {
    id: 'R-IND-YIJI-REQUIRED',
    triggers: [{ name: 'no 满意度指标', mutate: drop(5), count: 1, expect: { severity: 'error', place: { project: 'p1' }, zh: '缺少一级指标“满意度指标”。' } }],
    nearMisses: [{ name: 'continuation rows with blank 一级 inherit it', mutate: (d) => ((p1(d, 0).indicators[1]!.level1 = ''), (p1(d, 0).indicators[2]!.level1 = '')) }],
  },
  { id: 'R-IND-OUT-QTY', triggers: [{ name: 'no 数量指标', mutate: drop(0), expect: { severity: 'error' } }], nearMisses: [{ name: '二级 written without suffix', mutate: (d) => void (p1(d, 0).indicators[0]!.level2 = '数量') }] },
  { id: 'R-IND-OUT-QUAL', triggers: [{ name: 'no 质量指标', mutate: drop(1), expect: { severity: 'error' } }], nearMisses: [{ name: 'two 质量 rows, no 时效', mutate: (d) => void (p1(d, 0).indicators[2]!.level2 = '质量指标') }] },
  { id: 'R-IND-OUT-TIME', triggers: [{ name: 'no 时效指标', mutate: drop(2), expect: { severity: 'warning' } }], nearMisses: [{ name: 'all present', mutate: () => undefined }] },
  {
    id: 'R-IND-COST',
    triggers: [
      { name: 'no cost row (legacy-3 → warning)', mutate: drop(3), expect: { severity: 'warning', zh: '未设置成本指标。' } },
      { name: 'no cost row (mof-2021-4 → error)', mutate: drop(3), settings: { hierarchy: 'mof-2021-4' }, expect: { severity: 'error' } },
    ],
    nearMisses: [{ name: '一级 成本指标 counts', mutate: (d) => Object.assign(p1(d, 0).indicators[3]!, { level1: '成本指标', level2: '经济成本指标' }) }],
  },
  {
    id: 'R-IND-BENEFIT',
    triggers: [{ name: 'no 效益 row', mutate: drop(4), expect: { severity: 'error', zh: '效益指标至少设置一项。' } }],
    nearMisses: [{ name: '可持续影响指标 is a benefit', mutate: (d) => void (p1(d, 0).indicators[4]!.level2 = '可持续影响指标') }],
  },
];

runRuleCases(CASES);
