import type { RowView } from '../project-view.ts';
import type { ValidationSettings } from '../validation-settings.ts';

/** Whether a satisfaction row's 指标值 has the R-SAT-FORMAT shape: %, `≥`/`>`/`=`, floor ≤ value ≤ 100. */
export function isWellFormedSatisfaction(row: RowView, settings: ValidationSettings): boolean {
  const p = row.parsed;
  return p.kind === 'quantitative' && p.unit === '%' && (p.op === '≥' || p.op === '>' || p.op === '=') && p.number >= settings.satisfactionFloor && p.number <= 100;
}
