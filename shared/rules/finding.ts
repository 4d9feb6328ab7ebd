import type { BudgetOp } from '../model/budget-op.ts';

/** How bad a finding is: `error` = a reviewer would reject the table; `warning` = very likely wrong; `info` = a hint. */
export type Severity = 'error' | 'warning' | 'info';

/** What a rule looks at: the whole text, one 绩效目标表, one indicator row, or one cell. */
export type RuleScope = 'document' | 'project' | 'row' | 'cell';

/**
 * Where a finding points, so the UI can select the cell.
 * `project`/`indicator` are entity ids. `field` is an `IndicatorField` when `indicator` is set;
 * otherwise a project header path (`code`, `name`, `budget.total`, `budget.fiscal`, `budget.other`,
 * `purpose`, `goal`, `spendingPlan`, `spendingPlan.mar` …) or a document path (`title`,
 * `department.name`, `department.code`, `overview.overallGoal`, `overview.subGoals`,
 * `overview.safeguards`, `projects`). An empty place means the document as a whole.
 */
export interface FindingPlace {
  project?: string;
  indicator?: string;
  field?: string;
}

/** A one-click fix: applying `ops` (in order, as one undoable edit) resolves the finding. */
export interface FindingFix {
  zh: string;
  en: string;
  ops: BudgetOp[];
}

/** One result of validation: which catalogue rule, how bad, where, and what to tell the user in both languages. */
export interface Finding {
  /** Catalogue id, e.g. `R-COST-LE-BUDGET`. */
  ruleId: string;
  severity: Severity;
  scope: RuleScope;
  place: FindingPlace;
  zh: string;
  en: string;
  fix?: FindingFix;
}
