import type { Reporter, Rule } from '../rule.ts';
import { documentTextCells, projectTextCells, type TextCell } from '../text-cells.ts';

/** `any` tests for a typo (stateless); `all` (global) lists them. */
interface TypoPatterns {
  any: RegExp;
  all: RegExp;
}

const compiled = new WeakMap<object, TypoPatterns | null>();

/* One alternation per dictionary, longest key first, compiled once per dictionary object. */
function typoPatterns(typos: Readonly<Record<string, string>>): TypoPatterns | null {
  let patterns = compiled.get(typos);
  if (patterns === undefined) {
    const keys = Object.keys(typos).sort((a, b) => b.length - a.length);
    const source = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    patterns = keys.length === 0 ? null : { any: new RegExp(source), all: new RegExp(source, 'g') };
    compiled.set(typos, patterns);
  }
  return patterns;
}

function scan(cells: readonly TextCell[], typos: Readonly<Record<string, string>>, patterns: TypoPatterns, report: Reporter): void {
  for (const cell of cells) {
    if (!patterns.any.test(cell.text)) continue;
    for (const typo of new Set(cell.text.match(patterns.all))) {
      const fix = typos[typo];
      if (fix === undefined) continue;
      const op = cell.rewrite(cell.text.split(typo).join(fix));
      report({
        place: cell.place,
        params: { v: typo, fix },
        ...(op ? { fix: { zh: `改为“${fix}”`, en: `Replace with “${fix}”`, ops: [op] } } : {}),
      });
    }
  }
}

/** R-TXT-TYPO: a known typo (settings.typos) in any cell or prose; the fix replaces every occurrence in that cell. */
export const rTxtTypo: Rule = {
  id: 'R-TXT-TYPO',
  severity: 'warning',
  scope: 'cell',
  message: { zh: '疑似错别字“{v}”，建议改为“{fix}”。', en: 'Probable typo “{v}”; suggest “{fix}”.' },
  checkDocument(doc, _views, ctx, report) {
    const patterns = typoPatterns(ctx.settings.typos);
    if (patterns) scan(documentTextCells(doc), ctx.settings.typos, patterns, report);
  },
  checkProject(view, ctx, report) {
    const patterns = typoPatterns(ctx.settings.typos);
    if (patterns?.any.test(view.allText)) scan(projectTextCells(view.project), ctx.settings.typos, patterns, report);
  },
};
