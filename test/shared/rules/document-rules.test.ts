import { projectOf, rowOf, type RuleCase } from './make-doc.ts';
import { runRuleCases } from './run-rule-cases.ts';

const CASES: RuleCase[] = [
  {
    id: 'R-DOC-SECTIONS',
    triggers: [
      { name: 'blank 工作保障措施', mutate: (d) => void (d.overview.safeguards = ' \n '), expect: { severity: 'error', scope: 'document', place: { field: 'overview.safeguards' }, zh: '部门预算绩效文本结构不完整：缺少“第一部分 部门整体绩效目标 三、工作保障措施”。' } },
      { name: 'no project', mutate: (d) => void (d.projects = []), expect: { place: { field: 'projects' } } },
    ],
    nearMisses: [{ name: 'one-character section', mutate: (d) => void (d.overview.safeguards = '无') }],
  },
  {
    id: 'R-DOC-SECTION-DUP',
    triggers: [
      { name: 'identical bodies modulo whitespace', mutate: (d) => void (d.overview.safeguards = ` ${d.overview.overallGoal.replace('，', ' ，')}`), expect: { severity: 'warning', place: { field: 'overview.safeguards' }, en: 'Section “三、工作保障措施” repeats section “一、总体绩效目标”; remove the duplicate.' } },
      { name: 'heading repeated inside a body', mutate: (d) => void (d.overview.subGoals = `二、分项绩效目标\n${d.overview.subGoals}`), expect: { place: { field: 'overview.subGoals' }, zh: '章节标题“二、分项绩效目标”重复出现在“二、分项绩效目标”正文中，请删除。' } },
    ],
    nearMisses: [
      { name: 'bodies differ by one character', mutate: (d) => void (d.overview.safeguards = `${d.overview.overallGoal}！`) },
      { name: 'numbered line that is not a heading', mutate: (d) => void (d.overview.subGoals = '一、组织专题培训') },
    ],
  },
  {
    id: 'R-DOC-PLACEHOLDER',
    triggers: [{ name: '（厅/局） in prose', mutate: (d) => void (d.overview.overallGoal += '（厅/局）负责实施。'), expect: { severity: 'warning', place: { field: 'overview.overallGoal' }, zh: '存在未替换的模板占位符“（厅/局）”。' } }],
    nearMisses: [{ name: '厅局 without the template brackets', mutate: (d) => void (d.overview.overallGoal += '厅局协同。') }],
  },
  {
    id: 'R-DOC-YEAR',
    triggers: [
      { name: 'stated 2024, codes say 2025', mutate: (d) => void (d.year = 2024), expect: { severity: 'warning', zh: '文本年度（2024）与项目编码年度（2025）不一致。' } },
      { name: 'no year anywhere → info', mutate: (d) => ((d.year = null), (d.title = '乐亭县人民政府办公室部门预算绩效文本')), expect: { severity: 'info' } },
    ],
    nearMisses: [{ name: 'year only in the title', mutate: (d) => void (d.year = null) }],
  },
  {
    id: 'R-DOC-UNIT',
    triggers: [
      { name: 'header unit differs from cover', mutate: (d) => void (d.department.name = '乐亭县财政局'), expect: { severity: 'info', zh: '单位名称不一致：封面“乐亭县人民政府办公室”，表头“乐亭县财政局”。' } },
      { name: 'department code not 6 digits', mutate: (d) => void (d.department.code = '4340'), expect: { place: { field: 'department.code' } } },
    ],
    nearMisses: [{ name: 'header name with 本级 and spaces', mutate: (d) => void (d.department.name = '乐亭县人民政府 办公室本级') }],
  },
  {
    id: 'R-DOC-PART1-CONSISTENCY',
    triggers: [{ name: 'prose says 3场次, table ≥ 2 场次', mutate: (d) => void (d.overview.subGoals += '\n全年专题培训场次1达到3场次。'), expect: { severity: 'info', place: { project: 'p1', indicator: 'p1i1', field: 'value' }, zh: '分项绩效目标中的“专题培训场次1达到3场次”与绩效目标表中的“专题培训场次1≥2场次”不一致。' } }],
    nearMisses: [
      { name: 'prose agrees (不少于 = ≥)', mutate: (d) => void (d.overview.subGoals += '\n专题培训场次1不少于2场次。') },
      { name: 'name followed by a number without unit', mutate: (d) => void (d.overview.subGoals += '\n专题培训场次1第3季度开展。') },
    ],
  },
  {
    id: 'R-DOC-EVAL-WORDING',
    triggers: [
      { name: 'overview', mutate: (d) => void (d.overview.overallGoal += '上年任务已完成。'), expect: { severity: 'info', place: { field: 'overview.overallGoal' }, zh: '绩效目标文本中出现评价/自评用语“已完成”。' } },
      { name: 'project goal', mutate: (d) => void (projectOf(d, 0).goal += '实际完成3场。'), expect: { place: { project: 'p1', field: 'goal' } } },
    ],
    nearMisses: [{ name: '完成 alone', mutate: (d) => void (d.overview.overallGoal += '按期完成任务。') }],
  },
  {
    id: 'R-PRJ-CODE-UNIQUE',
    triggers: [{ name: 'p2 reuses p1 code', mutate: (d) => void (projectOf(d, 1).code = projectOf(d, 0).code), count: 1, expect: { severity: 'error', scope: 'document', place: { project: 'p2', field: 'code' } } }],
    nearMisses: [{ name: 'codes differ in the last character', mutate: (d) => void (projectOf(d, 1).code = '13022525P00NB79100003') }],
  },
  {
    id: 'R-PRJ-NAME-DUP',
    triggers: [{ name: 'same name twice', mutate: (d) => void (projectOf(d, 1).name = ' 示范项目1'), count: 2, expect: { severity: 'info', place: { project: 'p1', field: 'name' }, zh: '项目名称“示范项目1”出现2次，请确认是否为不同项目。' } }],
    nearMisses: [{ name: 'names differ', mutate: (d) => void (projectOf(d, 1).name = '示范项目1（二期）') }],
  },
  {
    id: 'R-PRJ-CODE-REGION',
    triggers: [
      { name: 'p2 from another county', mutate: (d) => void (projectOf(d, 1).code = '13028125P00NB79100002'), count: 1, expect: { severity: 'warning', place: { project: 'p2', field: 'code' }, zh: '项目编码区划码130281与本级区划码130225不符。' } },
      { name: 'configured region differs from all codes', mutate: () => undefined, settings: { regionCode: '130281' }, count: 2 },
    ],
    nearMisses: [{ name: 'region given as county name', mutate: (d) => void (d.department.region = '乐亭县') }],
  },
  {
    id: 'R-XPROJ-COPY',
    triggers: [
      {
        name: 'p2 copies three specific rows of p1',
        mutate: (d) => {
          for (const i of [0, 1, 4]) Object.assign(rowOf(d, 1, i), { name: rowOf(d, 0, i).name, description: rowOf(d, 0, i).description });
        },
        count: 1,
        expect: { severity: 'info', place: { project: 'p2' }, zh: '项目“示范项目1”与项目“示范项目2”有3项指标完全相同，请确认是否照搬。' },
      },
    ],
    nearMisses: [
      {
        name: 'only two shared rows',
        mutate: (d) => {
          for (const i of [0, 1]) Object.assign(rowOf(d, 1, i), { name: rowOf(d, 0, i).name, description: rowOf(d, 0, i).description });
        },
      },
    ],
  },
];

runRuleCases(CASES);
