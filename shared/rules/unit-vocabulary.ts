/** What a unit measures; `none` when a quantitative value has no unit. */
export type UnitKind = 'count' | 'percent' | 'money' | 'time' | 'measure' | 'none';

/** Units a 定量 指标值 may carry, by what they measure (CATALOGUE.md, "Units"); extended with variants seen in 河北 tables. */
export const UNITS: ReadonlyArray<readonly [UnitKind, readonly string[]]> = [
  ['count', ['个', '人', '人次', '次', '场', '场次', '批', '批次', '家', '条', '套', '台', '辆', '份', '项', '件', '户', '所', '处', '座', '口', '发', '篇', '期', '册', '本', '部', '名', '株', '棵', '只', '头', '万人', '万人次', '户次', '个次', '张', '间', '栋', '种', '类', '盏', '块', '万株', '万册', '期次', '课时', '学时']],
  ['percent', ['%', '‰']],
  ['money', ['元', '万元', '亿元']],
  ['time', ['天', '日', '工作日', '周', '月', '个月', '年', '小时', '分钟']],
  ['measure', ['米', '千米', '公里', '平方米', '平方公里', '亩', '万亩', '公顷', '吨', '万吨', '立方米', '万立方米', '千瓦时', '千瓦', '公斤', '千克', 'mg/l', 'mg/L']],
];

const KIND_BY_UNIT = new Map<string, UnitKind>();
for (const [kind, list] of UNITS) for (const unit of list) KIND_BY_UNIT.set(unit, kind);

/* Units by first character, longest first, so that a prefix match prefers `万元` over `万人`-less `元` and `人次` over `人`. */
const UNITS_BY_FIRST_CHAR = new Map<string, string[]>();
for (const unit of [...KIND_BY_UNIT.keys()].sort((a, b) => b.length - a.length)) {
  const first = unit.charAt(0);
  UNITS_BY_FIRST_CHAR.set(first, [...(UNITS_BY_FIRST_CHAR.get(first) ?? []), unit]);
}

/** Kind of a vocabulary unit, or undefined when the token is not a unit. */
export function unitKindOf(unit: string): UnitKind | undefined {
  return KIND_BY_UNIT.get(unit);
}

/** The longest vocabulary unit that `text` starts with, or undefined. */
export function leadingUnit(text: string): string | undefined {
  for (const unit of UNITS_BY_FIRST_CHAR.get(text.charAt(0)) ?? []) if (text.startsWith(unit)) return unit;
  return undefined;
}

/** Factor that turns an amount in `unit` into 万元 (元 ÷ 10000); undefined for non-money units. */
export function toWanYuanFactor(unit: string): number | undefined {
  if (unit === '万元') return 1;
  if (unit === '元') return 1e-4;
  if (unit === '亿元') return 1e4;
  return undefined;
}
