import type { BudgetText, Indicator, Project } from '../../../shared/model/budget-text-schema.ts';
import { validateBudgetText, type Finding, type ValidationSettings } from '../../../shared/rules/index.ts';

/** A clean indicator row; `id` must be unique in the document. */
function makeIndicator(id: string, overrides: Partial<Indicator> = {}): Indicator {
  return { id, level1: '产出指标', level2: '数量指标', name: '培训场次', description: '组织专题培训场次', value: '≥ 2 场次', basis: '2025年度工作计划', ...overrides };
}

/* Six rows covering every required category of legacy-3, each with a source-citing basis. */
function cleanRows(prefix: string, n: number): Indicator[] {
  return [
    makeIndicator(`${prefix}i1`, { name: `专题培训场次${n}`, description: `组织专题培训${n}` }),
    makeIndicator(`${prefix}i2`, { level2: '质量指标', name: `分析报告${n}验收合格率`, description: `分析报告验收合格${n}`, value: '= 100 %' }),
    makeIndicator(`${prefix}i3`, { level2: '时效指标', name: '完成时限', description: '年度任务完成时间', value: '2025年12月31日前' }),
    makeIndicator(`${prefix}i4`, { level2: '成本指标', name: '花费成本', description: '项目总成本', value: '≤ 20 万元', basis: '年初预算安排' }),
    makeIndicator(`${prefix}i5`, { level1: '效益指标', level2: '社会效益指标', name: `群众政策${n}知晓率`, description: `群众政策知晓${n}`, value: '≥ 90 %' }),
    makeIndicator(`${prefix}i6`, { level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度', description: '服务对象满意度', value: '≥ 95 %', basis: '上年满意度调查' }),
  ];
}

/** A clean project `n` (1-based) with ids `p<n>`, `p<n>i1` … and a unique valid code. */
export function makeProject(n: number, overrides: Partial<Project> = {}): Project {
  return {
    id: `p${n}`,
    code: `13022525P00NB791000${String(n).padStart(2, '0')}`,
    name: `示范项目${n}`,
    budget: { total: 20, fiscal: 20, other: 0 },
    purpose: `用于示范项目${n}的培训和分析工作。`,
    spendingPlan: { unit: 'percent', mar: 25, jun: 50, oct: 75, dec: 100 },
    goal: `1.完成示范项目${n}的培训和分析任务，提升服务水平。`,
    indicators: cleanRows(`p${n}`, n),
    ...overrides,
  };
}

/**
 * A small, valid document that triggers no finding at all under the default settings; tests
 * break exactly one thing in a copy of it.
 */
export function makeDoc(overrides: Partial<BudgetText> = {}): BudgetText {
  return {
    schemaVersion: 1,
    title: '乐亭县人民政府办公室2025年部门预算绩效文本',
    year: 2025,
    department: { code: '434001', name: '乐亭县人民政府办公室本级', region: '130225' },
    unit: '万元',
    overview: {
      overallGoal: '围绕县委县政府中心工作，保障机关高效运转。',
      subGoals: '一、组织专题培训，提升业务能力。\n二、开展数据分析，服务科学决策。',
      safeguards: '健全制度，加强监督，确保资金安全。',
    },
    projects: [makeProject(1), makeProject(2)],
    ...overrides,
  };
}

/** The indicator `r` (0-based) of project `p` (0-based); throws if absent so tests fail clearly. */
export function rowOf(doc: BudgetText, p: number, r: number): Indicator {
  const row = doc.projects[p]?.indicators[r];
  if (!row) throw new Error(`no row ${p}/${r}`);
  return row;
}

/** Project `p` (0-based); throws if absent. */
export function projectOf(doc: BudgetText, p: number): Project {
  const project = doc.projects[p];
  if (!project) throw new Error(`no project ${p}`);
  return project;
}

/** The findings of one rule. */
export function findingsOf(doc: BudgetText, ruleId: string, settings?: Partial<ValidationSettings>): Finding[] {
  return validateBudgetText(doc, settings).filter((f) => f.ruleId === ruleId);
}

/** A fresh clean document changed by `mutate`. */
export function mutated(mutate: (doc: BudgetText) => void): BudgetText {
  const doc = makeDoc();
  mutate(doc);
  return doc;
}

/** One catalogue rule's trigger and near misses, for table-driven tests. */
export interface RuleCase {
  id: string;
  /** Each breaks the clean document so that the rule fires; `expect` checks the first finding. */
  triggers: ReadonlyArray<{ name: string; mutate: (doc: BudgetText) => void; expect?: Partial<Finding>; count?: number; settings?: Partial<ValidationSettings> }>;
  /** Each changes the clean document in a way close to a trigger that must not fire the rule. */
  nearMisses: ReadonlyArray<{ name: string; mutate: (doc: BudgetText) => void; settings?: Partial<ValidationSettings> }>;
}
