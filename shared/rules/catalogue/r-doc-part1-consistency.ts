import type { Comparator } from '../parse-indicator-value.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';
import { leadingUnit } from '../unit-vocabulary.ts';

/* A target stated in prose right after the indicator name: `…培训达到3场次`, `…满意度不低于95%`. */
const PROSE_TARGET = /^[^。；;，,、\d]{0,8}?(≥|≤|>|<|=|不低于|不少于|不高于|不超过|不多于)?(\d+(?:\.\d+)?)/;
const WORD_OP: Readonly<Record<string, Comparator>> = { 不低于: '≥', 不少于: '≥', 不高于: '≤', 不超过: '≤', 不多于: '≤' };
/* Shorter names (成本, 时效) occur in prose for unrelated reasons. */
const MIN_NAME_LENGTH = 4;

/**
 * R-DOC-PART1-CONSISTENCY (heuristic): where 分项绩效目标 names a project's indicator (its 三级 name)
 * followed by a number and a unit, that number, unit and (when written) comparator must match the
 * table's 指标值. Reported on the table cell when no mention agrees.
 */
export const rDocPart1Consistency: Rule = {
  id: 'R-DOC-PART1-CONSISTENCY',
  severity: 'info',
  scope: 'project',
  message: { zh: '分项绩效目标中的“{text1}”与绩效目标表中的“{text2}”不一致。', en: 'Part-1 target “{text1}” differs from table value “{text2}”.' },
  checkProject(view, ctx, report) {
    const prose = ctx.subGoals;
    if (prose === '') return;
    for (const row of view.rows) {
      const parsed = row.parsed;
      if (parsed.kind !== 'quantitative' || row.name.length < MIN_NAME_LENGTH) continue;
      let mismatch: string | null = null;
      let agreed = false;
      for (let at = prose.indexOf(row.name); at >= 0 && !agreed; at = prose.indexOf(row.name, at + 1)) {
        const after = prose.slice(at + row.name.length, at + row.name.length + 24);
        const m = PROSE_TARGET.exec(after);
        if (!m) continue;
        const unit = leadingUnit(after.slice(m[0].length));
        if (unit === undefined) continue;
        const opWord = m[1];
        const op = opWord === undefined ? undefined : (WORD_OP[opWord] ?? (opWord as Comparator));
        const same = Number(m[2]) === parsed.number && unit === parsed.unit && (op === undefined || op === parsed.op);
        if (same) agreed = true;
        else mismatch ??= `${row.name}${m[0]}${unit}`;
      }
      if (!agreed && mismatch !== null) report({ place: cellPlace(view, row, 'value'), params: { text1: mismatch, text2: `${row.name}${parsed.text}` } });
    }
  },
};
