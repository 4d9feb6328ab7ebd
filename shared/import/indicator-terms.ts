import { compact } from './normalize-cell.ts';

/** 一级指标 names (legacy-3 and 财预〔2021〕101号); a PDF table prints them alone on a line. */
export const LEVEL1_TERMS: readonly string[] = ['产出指标', '效益指标', '满意度指标'];

/** 二级指标 names of both hierarchies (RULES §1.2); they mark where a PDF indicator row starts. */
export const LEVEL2_TERMS: readonly string[] = [
  '数量指标', '质量指标', '时效指标', '成本指标',
  '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标',
  '服务对象满意度指标',
  '经济成本指标', '社会成本指标', '生态环境成本指标',
];

/** True when the text (whitespace and `|` ignored) is the indicator header row, as a whole or as its first cells. */
export function isIndicatorHeader(text: string): boolean {
  return compact(text).replace(/\|/g, '').startsWith('一级指标二级指标');
}

/** Start of an 指标值: a comparator, the type word 文字描述, or a digit (`= 1 场次`, `≥95%`, `15`). */
export function startsLikeValue(text: string): boolean {
  return /^(?:[=＝≥≤>＞<＜]|文字描述|\d)/.test(text.trim());
}

/** The 资金支出计划 checkpoint a header cell names (`3月底`, `6 月底`, …), or null. */
export function checkpointOf(text: string): 'mar' | 'jun' | 'oct' | 'dec' | null {
  switch (compact(text)) {
    case '3月底': return 'mar';
    case '6月底': return 'jun';
    case '10月底': return 'oct';
    case '12月底': return 'dec';
    default: return null;
  }
}

/** Checkpoints in calendar order. */
export const CHECKPOINTS = ['mar', 'jun', 'oct', 'dec'] as const;
/** Chinese label of each checkpoint, for report messages. */
export const CHECKPOINT_LABELS: Readonly<Record<(typeof CHECKPOINTS)[number], string>> = {
  mar: '3月底', jun: '6月底', oct: '10月底', dec: '12月底',
};
