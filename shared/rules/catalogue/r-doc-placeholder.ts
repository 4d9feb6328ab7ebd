import type { Rule } from '../rule.ts';
import { documentTextCells } from '../text-cells.ts';

const PLACEHOLDER = /（厅\/局）|\(厅\/局\)|×{2,}|[Xx]{2}年|[Xx]{4}|page\s*number|页码/;

/** R-DOC-PLACEHOLDER: template residue in the title, department name or overview prose; one finding per text. */
export const rDocPlaceholder: Rule = {
  id: 'R-DOC-PLACEHOLDER',
  severity: 'warning',
  scope: 'document',
  message: { zh: '存在未替换的模板占位符“{text}”。', en: 'Unreplaced template placeholder “{text}”.' },
  checkDocument(doc, _views, _ctx, report) {
    for (const cell of documentTextCells(doc)) {
      const m = PLACEHOLDER.exec(cell.text);
      if (m) report({ place: cell.place, params: { text: m[0] } });
    }
  },
};
