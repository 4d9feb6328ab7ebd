import type { IndicatorField } from '../../shared/model/index.ts';
import type { IndicatorHierarchy } from '../../shared/rules/index.ts';
// Not re-exported by shared/rules/index.ts; these are the hierarchy's own definitions.
import { CATEGORY_NAMES, COST, LEVEL1_NAMES, OUTPUT, canonicalCategory, isAllowedLevel2, requiredLevel1 } from '../../shared/rules/indicator-hierarchy.ts';

/*
 * Allowed values of the controlled columns (一级指标, 二级指标), like a spreadsheet's data
 * validation list. The cell stays free text, so an unusual value can still be typed (the
 * validator flags it); the list only offers the values the document's hierarchy allows.
 */

/** Whether a column is chosen from a list. */
export function isChoiceField(field: IndicatorField): field is 'level1' | 'level2' {
  return field === 'level1' || field === 'level2';
}

// 成本指标 is a 一级 name too; as a 二级 (under 产出, legacy-3) it comes after 数量/质量/时效.
const LEVEL2_ORDER = [...[...CATEGORY_NAMES].filter((c) => !LEVEL1_NAMES.has(c)), ...LEVEL1_NAMES];

/**
 * The allowed values of `field` for a row whose (effective) 一级指标 is `level1`, in table
 * order. For 二级指标 under an unknown 一级 every 二级 of the hierarchy is offered.
 */
export function choicesFor(field: 'level1' | 'level2', hierarchy: IndicatorHierarchy, level1: string): string[] {
  const level1s = requiredLevel1(hierarchy);
  if (field === 'level1') return [...level1s];
  const under = (l1: string) =>
    LEVEL2_ORDER.filter((l2) => isAllowedLevel2(l1, l2) && !(hierarchy === 'mof-2021-4' && l1 === OUTPUT && l2 === COST));
  const canonical = canonicalCategory(level1.replace(/\s+/g, ''));
  if (level1s.includes(canonical)) return under(canonical);
  return [...new Set(level1s.flatMap(under))];
}

/**
 * The 一级指标 that applies to row `index`: its own, or — when blank, as in a table whose merged
 * 一级 cell was imported onto its first row only — the nearest non-blank one above.
 */
export function effectiveLevel1(level1s: readonly string[], index: number): string {
  for (let i = Math.min(index, level1s.length - 1); i >= 0; i--) {
    const v = level1s[i]?.trim();
    if (v) return v;
  }
  return '';
}

/** The choices matching what the user typed so far: prefix matches first, then any containing it. */
export function filterChoices(choices: readonly string[], typed: string): string[] {
  const q = typed.trim();
  if (q === '' || choices.includes(q)) return [...choices];
  const starts = choices.filter((c) => c.startsWith(q));
  return [...starts, ...choices.filter((c) => !c.startsWith(q) && c.includes(q))];
}
