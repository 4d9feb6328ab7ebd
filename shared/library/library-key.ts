/**
 * Text as a person searching or comparing means it: full-width forms folded to half-width
 * (ＡＢＣ１ → abc1, （ → (), letters lower-cased, runs of white space (full-width spaces and line
 * breaks included) made one space, the ends trimmed.
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Folded text without any white space: spaces between Chinese characters, or around ≥ and %, say
 * nothing (年度印发  文件 = 年度印发文件, ≥ 95% = ≥95%).
 */
export function compactText(text: string): string {
  return foldText(text).replace(/ /g, '');
}

/** The key two indicator rows are the same library entry by: (二级指标, 三级指标, 绩效指标描述), compacted. */
export function libraryKey(row: { level2: string; name: string; description: string }): string {
  return `${compactText(row.level2)}\u0000${compactText(row.name)}\u0000${compactText(row.description)}`;
}
