import type { Indicator } from '../model/budget-text-schema.ts';

/**
 * For each indicator row, how many rows the 一级指标 and 二级指标 cells merged from it span downward:
 * `level1`/`level2` is the run length on the row that starts a run of equal values, 0 on the rows it
 * covers. A 二级指标 run never crosses a 一级指标 boundary. Blank values are not merged, so an empty cell
 * stays an empty cell on the way back.
 */
export function indicatorRuns(indicators: readonly Indicator[]): { level1: number; level2: number }[] {
  const runs = indicators.map(() => ({ level1: 1, level2: 1 }));
  let start1 = 0;
  let start2 = 0;
  indicators.forEach((row, i) => {
    if (i === 0) return;
    const prev = indicators[i - 1] as Indicator;
    const same1 = row.level1 !== '' && row.level1 === prev.level1;
    if (same1) {
      (runs[start1] as { level1: number }).level1++;
      (runs[i] as { level1: number }).level1 = 0;
    } else start1 = i;
    if (same1 && row.level2 !== '' && row.level2 === prev.level2) {
      (runs[start2] as { level2: number }).level2++;
      (runs[i] as { level2: number }).level2 = 0;
    } else start2 = i;
  });
  return runs;
}
