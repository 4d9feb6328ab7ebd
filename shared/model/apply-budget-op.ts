import type * as Y from 'yjs';
import type { BudgetOp } from './budget-op.ts';
import { replaceText, setBudget, setIndicatorField, setProjectField, setSpendingPlan } from './mutations.ts';

/**
 * Applies a {@link BudgetOp} through the mutation API, all ops in one transaction (one undo step).
 * Returns false if any op's target no longer exists; the ops that could apply still do.
 */
export function applyBudgetOps(doc: Y.Doc, ops: readonly BudgetOp[], origin?: unknown): boolean {
  let all = true;
  doc.transact(() => {
    for (const op of ops) all = applyOne(doc, op, origin) && all;
  }, origin);
  return all;
}

function applyOne(doc: Y.Doc, op: BudgetOp, origin: unknown): boolean {
  switch (op.op) {
    case 'setIndicatorField':
      return setIndicatorField(doc, op.project, op.indicator, op.field, op.value, origin);
    case 'setProjectField':
      return setProjectField(doc, op.project, op.field, op.value, origin);
    case 'setProjectText':
      return replaceText(doc, { project: op.project, field: op.field }, op.value, origin);
    case 'setBudget':
      return setBudget(doc, op.project, op.field, op.value, origin);
    case 'setSpendingPlan':
      return setSpendingPlan(doc, op.project, op.plan, origin);
    case 'setOverview':
      return replaceText(doc, { section: op.section }, op.value, origin);
  }
}
