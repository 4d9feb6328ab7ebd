import { compact } from './normalize-cell.ts';
import type { Checkpoint } from './place-plan-values.ts';
import type { RawCell } from './raw-project.ts';

/** What a plan's values say about its unit; `ambiguous` and `empty` are settled by the rest of the document. */
export type PlanEvidence = 'percent' | 'amount' | 'ambiguous' | 'empty';

/**
 * An amount or percentage cell as a number: `150.00`, `1,322.00`, `25%`, `20万元` → 150, 1322, 25, 20.
 * Returns null for a blank cell and for text that is not a plain number (the caller reports it).
 */
export function parseAmount(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = compact(text).replace(/[,，]/g, '').replace(/(?:万元|%|％)$/, '');
  return /^-?\d{1,15}(?:\.\d{1,10})?$/.test(t) ? Number(t) : null;
}

/**
 * Reads the unit of a 资金支出计划 from its values (RULES §2.1): any value written with % → `percent`;
 * otherwise values whose largest equals 预算数 (±0.01 万元) are `amount`, unless 预算数 is 100, where both
 * readings fit (`ambiguous`); values above 100 can only be `amount`; anything else is `ambiguous`, unless
 * the plan's label says 万元 (`amountLabel`, as the .docx/.xlsx export writes it), which makes it `amount`.
 */
export function planEvidence(cells: Readonly<Record<Checkpoint, RawCell | null>>, total: number | null, amountLabel = false): PlanEvidence {
  const evidence = evidenceOfValues(cells, total);
  return evidence === 'ambiguous' && amountLabel ? 'amount' : evidence;
}

function evidenceOfValues(cells: Readonly<Record<Checkpoint, RawCell | null>>, total: number | null): PlanEvidence {
  const texts = Object.values(cells).filter((c): c is RawCell => c !== null).map((c) => c.text);
  if (texts.length === 0) return 'empty';
  if (texts.some((t) => /[%％]/.test(t))) return 'percent';
  const numbers = texts.map(parseAmount).filter((n): n is number => n !== null);
  if (numbers.length === 0) return 'ambiguous';
  const max = Math.max(...numbers);
  if (total !== null && Math.round(Math.abs(max - total) * 100) <= 1) return total === 100 ? 'ambiguous' : 'amount';
  return max > 100 ? 'amount' : 'ambiguous';
}

/**
 * The unit a document's plans mostly use, for settling ambiguous ones: the one with more clear
 * plans; `percent` (what the （%） header asks for) when tied or when no plan is clear.
 */
export function prevailingPlanUnit(evidence: readonly PlanEvidence[]): 'percent' | 'amount' {
  const amount = evidence.filter((e) => e === 'amount').length;
  const percent = evidence.filter((e) => e === 'percent').length;
  return amount > percent ? 'amount' : 'percent';
}
