export {
  BudgetTextSchema,
  EntityIdSchema,
  IndicatorSchema,
  INDICATOR_FIELDS,
  OVERVIEW_SECTIONS,
  ProjectSchema,
  SCHEMA_VERSION,
  SpendingPlanSchema,
} from './budget-text-schema.ts';
export type { BudgetText, Indicator, IndicatorField, OverviewSection, Project, SpendingPlan } from './budget-text-schema.ts';
export type { BudgetField, BudgetOp, PlanCheckpoint, ProjectScalarField, ProjectTextField } from './budget-op.ts';
export { newIndicatorMap, newProjectMap, toBudgetJson, toBudgetYDoc, toDocumentHeadJson, toIndicatorJson, toProjectJson } from './budget-ydoc.ts';
export { isProjectField, PROJECT_FIELD_SPECS, PROJECT_FIELDS, projectFieldOfKey } from './project-fields.ts';
export type { ProjectField, ProjectFieldSpec, ProjectFieldValue } from './project-fields.ts';
export { applyBudgetOps } from './apply-budget-op.ts';
export { reconcileBudgetYDoc } from './reconcile-budget-ydoc.ts';
export { reorderEntries } from './reorder-entries.ts';
export { DEFAULT_DOC_SETTINGS, DocSettingsSchema, readDocSettings, setDocSettings } from './doc-settings.ts';
export type { DocSettings } from './doc-settings.ts';
export { MIGRATIONS, migrateBudgetYDoc, readSchemaVersion } from './migrations.ts';
export type { Migration } from './migrations.ts';
export {
  addIndicator,
  addProject,
  editText,
  moveIndicator,
  moveProject,
  removeIndicator,
  removeProject,
  replaceText,
  resolveText,
  setBudget,
  setDocumentMeta,
  setIndicatorField,
  setProjectField,
  setSpendingPlan,
} from './mutations.ts';
export type { TextRef } from './mutations.ts';
export { duplicateIndicator } from './duplicate-indicator.ts';
export { pasteIndicators, setIndicatorCells } from './paste-indicators.ts';
export type { IndicatorCellWrite, PasteResult } from './paste-indicators.ts';
export { initialOrderKeys, orderKeyAt, orderKeyBetween } from './order-key.ts';
export {
  indicatorsOf,
  metaMap,
  overviewText,
  projectText,
  projectsMap,
  readAmount,
  readOrder,
  readString,
  settingsMap,
  sortedEntries,
} from './ydoc-layout.ts';
export type { IndicatorMap, ProjectMap } from './ydoc-layout.ts';
