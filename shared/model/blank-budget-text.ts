import { newId } from '../ids.ts';
import { SCHEMA_VERSION, type BudgetText, type Indicator } from './budget-text-schema.ts';

/** What a person fills in before a blank document exists. */
export interface BlankBudgetTextInput {
  title: string;
  year: number | null;
  department: BudgetText['department'];
}

// The rows every 绩效目标表 of the official template starts with: one per 二级指标 a reviewer expects.
const TEMPLATE_ROWS: ReadonlyArray<Pick<Indicator, 'level1' | 'level2'>> = [
  { level1: '产出指标', level2: '数量指标' },
  { level1: '产出指标', level2: '质量指标' },
  { level1: '产出指标', level2: '时效指标' },
  { level1: '产出指标', level2: '成本指标' },
  { level1: '效益指标', level2: '社会效益指标' },
  { level1: '满意度指标', level2: '服务对象满意度指标' },
];

/**
 * A new 部门预算绩效文本 from the template: empty 第一部分 sections and one project whose
 * 绩效目标表 lists the template's 一级/二级指标 with everything else blank (amounts null, never 0).
 */
export function makeBlankBudgetText(input: BlankBudgetTextInput): BudgetText {
  return {
    schemaVersion: SCHEMA_VERSION,
    title: input.title,
    year: input.year,
    department: input.department,
    unit: '万元',
    overview: { overallGoal: '', subGoals: '', safeguards: '' },
    projects: [
      {
        id: newId(),
        code: '',
        name: '',
        budget: { total: null, fiscal: null, other: null },
        purpose: '',
        spendingPlan: { unit: 'percent', mar: null, jun: null, oct: null, dec: null },
        goal: '',
        indicators: TEMPLATE_ROWS.map((row) => ({ id: newId(), ...row, name: '', description: '', value: '', basis: '' })),
      },
    ],
  };
}
