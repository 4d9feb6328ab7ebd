import type { Reporter, Rule } from '../rule.ts';
import { documentTextCells, type TextCell } from '../text-cells.ts';

const EVALUATION = /完成情况分析|完成值|实际完成|已完成/;

function scan(cells: readonly TextCell[], report: Reporter): void {
  for (const cell of cells) {
    const m = EVALUATION.exec(cell.text);
    if (m) report({ place: cell.place, params: { text: m[0] } });
  }
}

/** R-DOC-EVAL-WORDING: self-evaluation words in the overview prose, or in a project's 资金用途/绩效目标. */
export const rDocEvalWording: Rule = {
  id: 'R-DOC-EVAL-WORDING',
  severity: 'info',
  scope: 'document',
  message: { zh: '绩效目标文本中出现评价/自评用语“{text}”。', en: 'Evaluation wording “{text}” found in a target document.' },
  checkDocument(doc, _views, _ctx, report) {
    scan(documentTextCells(doc), report);
  },
  checkProject(view, _ctx, report) {
    const { id, purpose, goal } = view.project;
    scan(
      [
        { place: { project: id, field: 'purpose' }, text: purpose, rewrite: () => null },
        { place: { project: id, field: 'goal' }, text: goal, rewrite: () => null },
      ],
      report,
    );
  },
};
