import type { PlanCheckpoint } from '../model/budget-op.ts';
import type { SpendingPlan } from '../model/budget-text-schema.ts';
import { formatAmount, formatNumber } from './format-message.ts';

/** The four checkpoints of 资金支出计划 in table order. */
export const PLAN_CHECKPOINTS: readonly PlanCheckpoint[] = ['mar', 'jun', 'oct', 'dec'];

/** Column headings of the checkpoints. */
export const CHECKPOINT_LABELS: Readonly<Record<PlanCheckpoint, string>> = { mar: '3月底', jun: '6月底', oct: '10月底', dec: '12月底' };

/** A plan value as the table shows it: `75%` or `12.50万元`. */
export function formatPlanValue(plan: SpendingPlan, value: number): string {
  return plan.unit === 'percent' ? `${formatNumber(value)}%` : `${formatAmount(value)}万元`;
}

/** The checkpoints that hold a value, in order (blank ≠ 0). */
export function filledCheckpoints(plan: SpendingPlan): Array<{ checkpoint: PlanCheckpoint; value: number }> {
  const out: Array<{ checkpoint: PlanCheckpoint; value: number }> = [];
  for (const checkpoint of PLAN_CHECKPOINTS) {
    const value = plan[checkpoint];
    if (value !== null) out.push({ checkpoint, value });
  }
  return out;
}

/**
 * The plan read as cumulative amounts and rewritten as cumulative percentages of `total`
 * (amount / total × 100, rounded to 2 decimals); blank checkpoints stay blank. `total` must be > 0.
 */
export function amountPlanToPercent(plan: SpendingPlan, total: number): SpendingPlan {
  const pct = (v: number | null): number | null => (v === null ? null : Math.round((v / total) * 100 * 100) / 100);
  return { unit: 'percent', mar: pct(plan.mar), jun: pct(plan.jun), oct: pct(plan.oct), dec: pct(plan.dec) };
}
