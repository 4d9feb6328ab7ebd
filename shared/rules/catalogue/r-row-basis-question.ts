import { excerpt } from '../format-message.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/** R-ROW-BASIS-QUESTION: the 依据 is phrased as a question (starts with 是否). */
export const rRowBasisQuestion: Rule = {
  id: 'R-ROW-BASIS-QUESTION',
  severity: 'info',
  scope: 'row',
  message: { zh: '指标值确定依据写成了疑问句“{v}”。', en: 'Basis phrased as a question “{v}”.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) if (row.basis.startsWith('是否')) report({ place: cellPlace(view, row, 'basis'), params: { v: excerpt(row.indicator.basis) } });
  },
};
