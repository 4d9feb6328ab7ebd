import { CHECKPOINTS, CHECKPOINT_LABELS, checkpointOf } from './indicator-terms.ts';
import type { RawCell, RawNote, RawPlan } from './raw-project.ts';

/** A 资金支出计划 checkpoint: 3月底, 6月底, 10月底, 12月底. */
export type Checkpoint = (typeof CHECKPOINTS)[number];

/** The plan's value cells by checkpoint (null = blank), and notes on every value placed by guess. */
export interface PlacedPlan {
  cells: Record<Checkpoint, RawCell | null>;
  notes: RawNote[];
}

/**
 * Puts each 资金支出计划 value under its checkpoint by column. A value under no checkpoint header (seed 001
 * line 524 `⇥⇥30%⇥⇥60%⇥⇥100%`: one column right of its headers) goes to the checkpoint of the nearest header
 * on its left if that is still empty, otherwise to the next empty checkpoint after it (001 line 378: a
 * `100%` right of 10月底 in a header without 12月底 goes to 12月底). Each such placement is noted, as is a
 * header lacking a checkpoint (left blank) and a value that fits nowhere.
 */
export function placePlanValues(plan: RawPlan | null, projectLine: number): PlacedPlan {
  const cells: Record<Checkpoint, RawCell | null> = { mar: null, jun: null, oct: null, dec: null };
  const notes: RawNote[] = [];
  if (plan === null) {
    notes.push({ field: 'spendingPlan', line: projectLine, zh: '未找到资金支出计划，各节点留空。', en: 'No spending plan was found; all checkpoints were left blank.' });
    return { cells, notes };
  }
  const headerAt = new Map<number, Checkpoint>();
  for (const header of plan.headers) {
    const key = checkpointOf(header.text);
    if (key !== null) headerAt.set(header.col, key);
  }
  const headerCols = [...headerAt.keys()].sort((a, b) => a - b);
  for (const value of [...plan.values].sort((a, b) => a.col - b.col)) {
    if (value.text.trim() === '') continue;
    const own = headerAt.get(value.col);
    if (own !== undefined && cells[own] === null) {
      cells[own] = value;
      continue;
    }
    const leftCol = headerCols.filter((c) => c < value.col).pop();
    const left = leftCol === undefined ? undefined : headerAt.get(leftCol);
    const after = left === undefined ? CHECKPOINTS : CHECKPOINTS.slice(CHECKPOINTS.indexOf(left));
    const target = after.find((key) => cells[key] === null);
    if (target === undefined) {
      notes.push({ field: 'spendingPlan', line: value.line, zh: '资金支出计划中多出的数值无法对应到任何节点，未导入。', en: 'An extra spending-plan value matches no checkpoint and was not imported.', raw: value.text });
      continue;
    }
    cells[target] = value;
    notes.push({
      field: `spendingPlan.${target}`, line: value.line,
      zh: `该数值不在任何节点列下，按位置归入“${CHECKPOINT_LABELS[target]}”。`,
      en: `This value is under no checkpoint column; by position it was taken as ${CHECKPOINT_LABELS[target]}.`,
      raw: value.text,
    });
  }
  const named = new Set(headerAt.values());
  for (const key of CHECKPOINTS) {
    if (named.has(key) || cells[key] !== null) continue;
    notes.push({
      field: `spendingPlan.${key}`, line: plan.line,
      zh: `资金支出计划表头缺少“${CHECKPOINT_LABELS[key]}”节点，该节点留空。`,
      en: `The spending-plan header has no ${CHECKPOINT_LABELS[key]} checkpoint; it was left blank.`,
    });
  }
  return { cells, notes };
}
