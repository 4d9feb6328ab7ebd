import type { IndicatorHierarchy } from './validation-settings.ts';

/** 一级 产出指标 (outputs). */
export const OUTPUT = '产出指标';
/** 一级 成本指标 (mof-2021-4), also the 二级 成本指标 under 产出 in legacy-3. */
export const COST = '成本指标';
/** 一级 效益指标 (benefits). */
export const BENEFIT = '效益指标';
/** 一级 满意度指标 (satisfaction). */
export const SATISFACTION = '满意度指标';
/** 二级 数量指标 (quantity). */
export const QUANTITY = '数量指标';
/** 二级 质量指标 (quality). */
export const QUALITY = '质量指标';
/** 二级 时效指标 (timeliness). */
export const TIMELINESS = '时效指标';
/** 二级 经济效益指标 (the one 效益 category where money is a valid target). */
export const ECONOMIC_BENEFIT = '经济效益指标';
/** 二级 服务对象满意度指标. */
export const SERVICE_SATISFACTION = '服务对象满意度指标';

const BENEFIT_LEVEL2 = ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'];

/** Allowed 二级 per 一级 of each hierarchy, 一级 in table order (CATALOGUE.md, "Indicator hierarchies"). */
export const HIERARCHIES: Record<IndicatorHierarchy, ReadonlyMap<string, readonly string[]>> = {
  'legacy-3': new Map([
    [OUTPUT, [QUANTITY, QUALITY, TIMELINESS, COST]],
    [BENEFIT, BENEFIT_LEVEL2],
    [SATISFACTION, [SERVICE_SATISFACTION]],
  ]),
  'mof-2021-4': new Map([
    [COST, ['经济成本指标', '社会成本指标', '生态环境成本指标']],
    [OUTPUT, [QUANTITY, QUALITY, TIMELINESS]],
    [BENEFIT, BENEFIT_LEVEL2],
    [SATISFACTION, [SERVICE_SATISFACTION]],
  ]),
};

/** 一级 names accepted in any hierarchy: R-ROW-YIJI-ENUM. */
export const LEVEL1_NAMES: ReadonlySet<string> = new Set([OUTPUT, COST, BENEFIT, SATISFACTION]);

/*
 * R-ROW-ERJI-ENUM checks against the union of both hierarchies, so a 产出/成本指标 row in a
 * mof-2021-4 document is an R-ROW-ERJI-SCHEMA hint, not an error.
 */
const ALLOWED_UNION = new Map<string, Set<string>>();
for (const h of Object.values(HIERARCHIES)) {
  for (const [l1, l2s] of h) {
    const set = ALLOWED_UNION.get(l1) ?? new Set<string>();
    for (const l2 of l2s) set.add(l2);
    ALLOWED_UNION.set(l1, set);
  }
}

/** Every category name of either hierarchy (R-ROW-SANJI-IS-CATEGORY). */
export const CATEGORY_NAMES: ReadonlySet<string> = new Set([...LEVEL1_NAMES, ...[...ALLOWED_UNION.values()].flatMap((s) => [...s])]);

/** The 一级 names a project must use under `hierarchy`, in table order (R-IND-YIJI-REQUIRED). */
export function requiredLevel1(hierarchy: IndicatorHierarchy): readonly string[] {
  return [...HIERARCHIES[hierarchy].keys()];
}

/** Whether `level2` is a valid 二级 under `level1` in either hierarchy. */
export function isAllowedLevel2(level1: string, level2: string): boolean {
  return ALLOWED_UNION.get(level1)?.has(level2) ?? false;
}

/** Whether a 二级 name is one of the 效益 categories. */
export function isBenefitLevel2(level2: string): boolean {
  return BENEFIT_LEVEL2.includes(level2);
}

/**
 * The canonical spelling of a category cell (whitespace already stripped): `数量` → `数量指标`
 * when that is a known category, otherwise the text unchanged.
 */
export function canonicalCategory(text: string): string {
  if (text === '' || text.endsWith('指标')) return text;
  const suffixed = `${text}指标`;
  return CATEGORY_NAMES.has(suffixed) ? suffixed : text;
}
