import type { BudgetOp } from '../../../shared/model/budget-op.ts';
import type { BudgetText } from '../../../shared/model/budget-text-schema.ts';

/** Applies fix ops to a deep copy of a canonical document, as applyBudgetOps would to a Y.Doc. */
export function applyOpsToJson(doc: BudgetText, ops: readonly BudgetOp[]): BudgetText {
  const out = structuredClone(doc);
  for (const op of ops) {
    if (op.op === 'setOverview') {
      out.overview[op.section] = op.value;
      continue;
    }
    const project = out.projects.find((p) => p.id === op.project);
    if (!project) throw new Error(`no project ${op.project}`);
    switch (op.op) {
      case 'setIndicatorField': {
        const row = project.indicators.find((i) => i.id === op.indicator);
        if (!row) throw new Error(`no indicator ${op.indicator}`);
        row[op.field] = op.value;
        break;
      }
      case 'setProjectField':
      case 'setProjectText':
        project[op.field] = op.value;
        break;
      case 'setBudget':
        project.budget[op.field] = op.value;
        break;
      case 'setSpendingPlan':
        project.spendingPlan = { ...project.spendingPlan, ...op.plan };
        break;
    }
  }
  return out;
}
