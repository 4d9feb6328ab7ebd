export { diffBudgetTexts } from './diff-budget-texts.ts';
export { summarizeDiff } from './summarize-diff.ts';
export type { DiffSummary } from './summarize-diff.ts';
export { formatDiffSummary } from './format-diff-summary.ts';
export { diffText } from './diff-text.ts';
export { META_FIELDS } from './budget-diff.ts';
export type {
  BudgetDiff,
  DiffChange,
  DiffMatching,
  DiffStatus,
  FieldChange,
  FieldValue,
  IndicatorDiff,
  MetaField,
  OverviewDiff,
  ProjectDiff,
  ProjectHeader,
  TextSegment,
} from './budget-diff.ts';
