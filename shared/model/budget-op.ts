import type { IndicatorField, OverviewSection, SpendingPlan } from './budget-text-schema.ts';

/** Header fields of a project that hold a single value (last writer wins). */
export type ProjectScalarField = 'code' | 'name';
/** Header fields of a project that are collaborative text (merge by character). */
export type ProjectTextField = 'purpose' | 'goal';
/** Budget amounts of a project header, in 万元. */
export type BudgetField = 'total' | 'fiscal' | 'other';
/** Spending-plan checkpoints: 3月底, 6月底, 10月底, 12月底. */
export type PlanCheckpoint = 'mar' | 'jun' | 'oct' | 'dec';

/**
 * A document change as data: what a validation fix, a suggestion or an API call asks for.
 * Applied only through `applyBudgetOp` (mutations.ts), so it is an ordinary, undoable edit.
 */
export type BudgetOp =
  | { op: 'setIndicatorField'; project: string; indicator: string; field: IndicatorField; value: string }
  | { op: 'setProjectField'; project: string; field: ProjectScalarField; value: string }
  | { op: 'setProjectText'; project: string; field: ProjectTextField; value: string }
  | { op: 'setBudget'; project: string; field: BudgetField; value: number | null }
  | { op: 'setSpendingPlan'; project: string; plan: Partial<SpendingPlan> }
  | { op: 'setOverview'; section: OverviewSection; value: string };
