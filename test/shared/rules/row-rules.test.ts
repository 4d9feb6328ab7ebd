import type { BudgetText, Indicator } from '../../../shared/model/budget-text-schema.ts';
import { projectOf, rowOf, type RuleCase } from './make-doc.ts';
import { runRuleCases } from './run-rule-cases.ts';

/** Sets cells of row `r` of project 1. */
const set = (r: number, cells: Partial<Omit<Indicator, 'id'>>) => (d: BudgetText) => void Object.assign(rowOf(d, 0, r), cells);
const at = (r: number, field: string) => ({ project: 'p1', indicator: `p1i${r + 1}`, field });

const CASES: RuleCase[] = [
  {
    id: 'R-ROW-DUP',
    triggers: [{ name: 'row 2 repeats row 1', mutate: set(1, { name: '专题培训场次1', description: '组织专题培训1', value: '≥2 场次' }), count: 1, expect: { severity: 'warning', place: at(1, 'name'), zh: '第2行与第1行指标重复。' } }],
    nearMisses: [{ name: 'same name, different value', mutate: set(1, { name: '专题培训场次1', description: '组织专题培训1', value: '≥ 3 场次' }) }],
  },
  {
    id: 'R-ROW-ORDER',
    triggers: [
      {
        name: '质量 before 数量',
        mutate: (d) => {
          const rows = projectOf(d, 0).indicators;
          [rows[0], rows[1]] = [rows[1]!, rows[0]!];
        },
        expect: { severity: 'info', place: { project: 'p1' }, zh: '指标顺序不规范：质量指标→数量指标→时效指标→成本指标。' },
      },
    ],
    nearMisses: [{ name: 'two 数量 rows in a row', mutate: (d) => void projectOf(d, 0).indicators.splice(1, 0, { ...rowOf(d, 0, 0), id: 'extra', name: '第二个数量' }) }],
  },
  {
    id: 'R-ROW-YIJI-ENUM',
    triggers: [{ name: '投入指标', mutate: set(0, { level1: '投入指标' }), expect: { severity: 'error', scope: 'row', place: at(0, 'level1'), zh: '一级指标“投入指标”不在规定范围内。' } }],
    nearMisses: [{ name: 'blank merged cell inherits 产出指标', mutate: set(1, { level1: '' }) }],
  },
  {
    id: 'R-ROW-ERJI-ENUM',
    triggers: [{ name: '经济效益指标 under 产出', mutate: set(0, { level2: '经济效益指标' }), expect: { severity: 'error', place: at(0, 'level2'), en: 'Level-2 “经济效益指标” is not valid under level-1 “产出指标”.' } }],
    nearMisses: [
      { name: 'suffix 指标 omitted', mutate: set(0, { level2: '数量' }) },
      { name: 'mof-2021-4 成本 二级 under 一级 成本指标 in a legacy document', mutate: set(3, { level1: '成本指标', level2: '经济成本指标' }) },
    ],
  },
  {
    id: 'R-ROW-ERJI-SCHEMA',
    triggers: [{ name: '产出/成本指标 under mof-2021-4', mutate: () => undefined, settings: { hierarchy: 'mof-2021-4' }, count: 2, expect: { severity: 'info', place: at(3, 'level2') } }],
    nearMisses: [{ name: 'same row under legacy-3', mutate: () => undefined }],
  },
  {
    id: 'R-ROW-SANJI-REQUIRED',
    triggers: [{ name: 'blank 三级', mutate: set(0, { name: ' \n' }), expect: { severity: 'error', place: at(0, 'name') } }],
    nearMisses: [{ name: 'one character', mutate: set(0, { name: '课' }) }],
  },
  {
    id: 'R-ROW-SANJI-IS-CATEGORY',
    triggers: [{ name: '三级 = 社会效益指标', mutate: set(4, { name: '社会效益指标' }), expect: { severity: 'warning', zh: '三级指标“社会效益指标”只是类别名称，请填写具体指标。' } }],
    nearMisses: [{ name: '服务对象满意度 (without 指标) is the usual 三级', mutate: () => undefined }],
  },
  {
    id: 'R-ROW-DESC-REQUIRED',
    triggers: [{ name: 'blank description', mutate: set(0, { description: '' }), expect: { severity: 'warning', place: at(0, 'description') } }],
    nearMisses: [{ name: 'description = name', mutate: set(0, { description: '专题培训场次1' }) }],
  },
  {
    id: 'R-ROW-VALUE-REQUIRED',
    triggers: [
      { name: 'only the type word 文字描述', mutate: set(4, { value: '文字描述' }), expect: { severity: 'error', place: at(4, 'value'), en: 'Target value missing.' } },
      { name: 'blank', mutate: set(0, { value: '' }) },
    ],
    nearMisses: [{ name: 'type word with text', mutate: set(4, { value: '文字描述 达到预期目标' }) }],
  },
  {
    id: 'R-ROW-VALUE-ECHO',
    triggers: [{ name: 'value repeats the name', mutate: set(4, { value: '群众政策1 知晓率' }), expect: { severity: 'warning', zh: '指标值“群众政策1 知晓率”仅重复指标名称，未设定目标值。' } }],
    nearMisses: [{ name: 'value extends the name', mutate: set(4, { value: '群众政策1知晓率明显提高' }) }],
  },
  {
    id: 'R-ROW-BASIS-REQUIRED',
    triggers: [{ name: 'blank basis', mutate: set(0, { basis: '\t' }), expect: { severity: 'warning', place: at(0, 'basis') } }],
    nearMisses: [{ name: 'any basis', mutate: set(0, { basis: '上年标准' }) }],
  },
  {
    id: 'R-ROW-BASIS-ECHO',
    triggers: [
      { name: 'basis = 三级', mutate: set(0, { basis: '专题培训场次1' }), expect: { severity: 'warning', place: at(0, 'basis') } },
      { name: '不涉及', mutate: set(0, { basis: '不涉及' }) },
    ],
    nearMisses: [{ name: 'basis cites a plan', mutate: set(0, { basis: '专题培训场次1工作计划' }) }],
  },
  {
    id: 'R-ROW-BASIS-QUESTION',
    triggers: [{ name: '是否…', mutate: set(0, { basis: '是否符合报告' }), expect: { severity: 'info', zh: '指标值确定依据写成了疑问句“是否符合报告”。' } }],
    nearMisses: [{ name: '是否 later in the text', mutate: set(0, { basis: '根据报告确定是否达标' }) }],
  },
  {
    id: 'R-ROW-BASIS-WEAK',
    triggers: [{ name: 'no source word', mutate: set(0, { basis: '领导要求' }), expect: { severity: 'info', place: at(0, 'basis') } }],
    nearMisses: [
      { name: '文号', mutate: set(0, { basis: '冀财农[2023]197号' }) },
      { name: 'echo is R-ROW-BASIS-ECHO only', mutate: set(0, { basis: '专题培训场次1' }) },
    ],
  },
  {
    id: 'R-TXT-PLACEHOLDER',
    triggers: [
      { name: '** in the name', mutate: set(5, { name: '群众满意度(≥**%)' }), expect: { severity: 'error', scope: 'cell', place: at(5, 'name') } },
      { name: 'unit alternatives', mutate: set(0, { description: '专业设备购置数量（台/件/辆/套）' }), expect: { place: at(0, 'description') } },
      { name: 'XX in the value', mutate: set(0, { value: '≥ XX 台' }) },
    ],
    nearMisses: [
      { name: 'a rate unit in brackets', mutate: set(0, { name: '平均日维护数（次/日）' }) },
      { name: 'brackets without slash', mutate: set(0, { description: '专业设备购置数量（含税）' }) },
    ],
  },
  {
    id: 'R-TXT-TYPO',
    triggers: [
      { name: '补涉及 in a basis', mutate: set(0, { basis: '补涉及' }), expect: { severity: 'warning', place: at(0, 'basis'), zh: '疑似错别字“补涉及”，建议改为“不涉及”。' } },
      { name: '意见意见 in the overview', mutate: (d) => void (d.overview.safeguards += '提出意见意见。'), expect: { place: { field: 'overview.safeguards' } } },
      { name: 'extended dictionary', mutate: set(0, { description: '组织培训班班' }), settings: { typos: { 班班: '班' } } },
    ],
    nearMisses: [{ name: 'single 意见', mutate: (d) => void (d.overview.safeguards += '提出意见。') }],
  },
  {
    id: 'R-TXT-MARKUP',
    triggers: [
      { name: 'HTML paragraph', mutate: set(0, { description: '<p>组织专题培训</p>' }), expect: { severity: 'warning', scope: 'cell', place: at(0, 'description'), zh: '内容含格式标记“<p>”，请清除。' } },
      { name: 'LaTeX in a value', mutate: set(5, { value: '$\\geq 95\\%$' }) },
      { name: 'bookmark in the overview', mutate: (d) => void (d.overview.overallGoal = `[bookmark: _Toc_4_4]${d.overview.overallGoal}`), expect: { place: { field: 'overview.overallGoal' } } },
    ],
    nearMisses: [{ name: 'a bare < comparator', mutate: set(2, { value: '< 5 天' }) }],
  },
  {
    id: 'R-ROW-NOT-APPLICABLE',
    triggers: [{ name: 'value 不涉及', mutate: set(4, { value: '不涉及' }), expect: { severity: 'info', place: at(4, 'value') } }],
    nearMisses: [{ name: '不涉及 inside a sentence', mutate: set(4, { value: '不涉及外部资金的部分按计划完成' }) }],
  },
  {
    id: 'R-ROW-MULTI',
    triggers: [
      { name: 'two targets on two lines', mutate: set(0, { value: '≥ 2 场次\n≥ 100 人次' }), expect: { severity: 'warning', place: at(0, 'value') } },
      { name: '指标1：… 指标2：…', mutate: set(4, { value: '指标1：知晓率达到90%；指标2：覆盖率达到80%' }) },
    ],
    nearMisses: [
      { name: 'value wrapped over two lines', mutate: set(3, { value: '≤ 20 万\n元' }) },
      { name: 'qualitative text on two lines', mutate: set(4, { value: '群众知晓政策\n并按期办理' }) },
      { name: 'a decimal number', mutate: set(0, { value: '≥ 1.5 场次' }) },
    ],
  },
  {
    id: 'R-ROW-ERJI-SEMANTIC',
    triggers: [
      { name: '…率 under 数量指标', mutate: set(0, { name: '培训覆盖率', value: '≥ 90 %' }), expect: { severity: 'info', place: at(0, 'name') } },
      { name: '拨付 under 质量指标', mutate: set(1, { name: '资金拨付及时率' }) },
    ],
    nearMisses: [{ name: '…率 under 质量指标', mutate: () => undefined }],
  },
];

runRuleCases(CASES);
