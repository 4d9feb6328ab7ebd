import { excerpt } from '../format-message.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';
import { isBasisEcho } from './basis-echo.ts';

const SOURCE_WORDS = /文件|方案|计划|标准|规定|办法|通知|意见|报告|合同|预算|安排|决定|规范|批复|测算|历史|行业|年度|上年|往年|申请|说明|请示|\[|〔|号/;

/**
 * R-ROW-BASIS-WEAK: a filled 依据 names no source (none of the catalogue's source words).
 * Echoes and questions are left to R-ROW-BASIS-ECHO / -QUESTION so a cell gets one hint.
 */
export const rRowBasisWeak: Rule = {
  id: 'R-ROW-BASIS-WEAK',
  severity: 'info',
  scope: 'row',
  message: {
    zh: '指标值确定依据“{v}”未说明来源（计划标准/行业标准/历史标准/预算支出标准/其他标准）。',
    en: 'Basis “{v}” names no source standard.',
  },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      if (row.basis === '' || row.basis.startsWith('是否') || isBasisEcho(row) || SOURCE_WORDS.test(row.basis)) continue;
      report({ place: cellPlace(view, row, 'basis'), params: { v: excerpt(row.indicator.basis) } });
    }
  },
};
