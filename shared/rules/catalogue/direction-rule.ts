import type { Comparator } from '../parse-indicator-value.ts';
import { cellPlace, type RowView } from '../project-view.ts';
import type { Severity } from '../finding.ts';
import type { Rule, RuleMessage } from '../rule.ts';

/**
 * Builds an R-VAL-DIRECTION-* rule: reports rows selected by `applies` whose explicit comparator
 * (quantitative or date) is in `ops`. Params: `name` (三级), `op`.
 */
export function makeDirectionRule(id: string, severity: Severity, message: RuleMessage, ops: readonly Comparator[], applies: (row: RowView) => boolean): Rule {
  return {
    id,
    severity,
    scope: 'cell',
    message,
    checkProject(view, _ctx, report) {
      for (const row of view.rows) {
        const p = row.parsed;
        const op = p.kind === 'quantitative' && p.opExplicit ? p.op : p.kind === 'date' ? p.op : null;
        if (op !== null && ops.includes(op) && applies(row)) report({ place: cellPlace(view, row, 'value'), params: { name: row.name, op } });
      }
    },
  };
}
