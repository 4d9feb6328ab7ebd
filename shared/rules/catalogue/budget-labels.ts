import type { BudgetField } from '../../model/budget-op.ts';
import type { LocalText } from '../rule.ts';

/** Labels of the budget cells of a 绩效目标表 header, for messages. */
export const BUDGET_LABELS: Readonly<Record<BudgetField, LocalText>> = {
  total: { zh: '预算数', en: 'Budget' },
  fiscal: { zh: '财政资金', en: 'Fiscal funds' },
  other: { zh: '其他资金', en: 'Other funds' },
};
