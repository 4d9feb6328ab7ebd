import type { RowView } from '../project-view.ts';

const NON_BASIS = new Set(['不涉及', '文字描述']);

/** Whether a row's 依据 only repeats its 三级, 描述 or 指标值, or is 不涉及/文字描述 (R-ROW-BASIS-ECHO). */
export function isBasisEcho(row: RowView): boolean {
  const b = row.basis;
  if (b === '') return false;
  return NON_BASIS.has(b) || b === row.name || b === row.description || b === row.value || b === row.value.replace(/^文字描述/, '');
}
