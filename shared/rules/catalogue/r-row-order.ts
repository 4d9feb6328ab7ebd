import { COST, OUTPUT, QUALITY, QUANTITY, TIMELINESS } from '../indicator-hierarchy.ts';
import type { Rule } from '../rule.ts';

const RANK = new Map([
  [QUANTITY, 0],
  [QUALITY, 1],
  [TIMELINESS, 2],
  [COST, 3],
]);

/** R-ROW-ORDER: under 产出指标 the 二级 run 数量 → 质量 → 时效 → 成本; one finding per project, showing the actual sequence. */
export const rRowOrder: Rule = {
  id: 'R-ROW-ORDER',
  severity: 'info',
  scope: 'project',
  message: { zh: '指标顺序不规范：{seq}。', en: 'Indicator order unusual: {seq}.' },
  checkProject(view, _ctx, report) {
    const seq: string[] = [];
    let max = -1;
    let unusual = false;
    for (const row of view.rows) {
      if (row.level1 !== OUTPUT) continue;
      const rank = RANK.get(row.level2);
      if (rank === undefined) continue;
      if (seq[seq.length - 1] !== row.level2) seq.push(row.level2);
      if (rank < max) unusual = true;
      max = Math.max(max, rank);
    }
    if (unusual) report({ place: { project: view.project.id }, params: { seq: seq.join('→') } });
  },
};
