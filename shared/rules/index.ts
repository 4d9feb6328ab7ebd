/*
 * Public names of the validation rules (catalogue: CATALOGUE.md, `npm run rules:doc`). Code inside shared/rules imports
 * files directly; everything else imports from here.
 */
export type { Finding, FindingFix, FindingPlace, RuleScope, Severity } from './finding.ts';
export type { LocalText, MessageParams, Report, Reporter, Rule, RuleMessage, RuleVariant } from './rule.ts';
export { DEFAULT_TYPOS, DEFAULT_VALIDATION_SETTINGS, resolveValidationSettings } from './validation-settings.ts';
export type { IndicatorHierarchy, ValidationSettings } from './validation-settings.ts';
export { RULES } from './rules.ts';
export { validateBudgetText } from './validate-budget-text.ts';
export { IncrementalValidator } from './incremental-validator.ts';
export { summarizeFindings } from './summarize-findings.ts';
export { parseIndicatorValue } from './parse-indicator-value.ts';
export type { Comparator, MalformedReason, ParsedValue } from './parse-indicator-value.ts';
export type { UnitKind } from './unit-vocabulary.ts';
export { canonicalizeSymbols, normalizeValueText } from './normalize-value-text.ts';
export { amountPlanToPercent } from './spending-plan.ts';
