import type { Severity } from './finding.ts';

/** Which 一级/二级 indicator hierarchy a document follows (see README, "Hierarchies"). */
export type IndicatorHierarchy = 'legacy-3' | 'mof-2021-4';

/** Per-document, per-jurisdiction knobs of the validator. Every field has a default in {@link DEFAULT_VALIDATION_SETTINGS}. */
export interface ValidationSettings {
  /** `legacy-3` (财预〔2015〕88号 style, Hebei county texts) or `mof-2021-4` (财预〔2021〕101号: 成本指标 is a 一级). */
  hierarchy: IndicatorHierarchy;
  /** R-SAT-THRESHOLD: a satisfaction target below this percentage is flagged. */
  satisfactionMin: number;
  /** R-SAT-FORMAT: a satisfaction target below this percentage is not a valid target at all. */
  satisfactionFloor: number;
  /** Replaces the severity of a rule's main message, by catalogue id (e.g. `{ 'R-IND-COST': 'error' }`). Variant messages keep theirs. */
  severityOverrides: Partial<Record<string, Severity>>;
  /** Catalogue ids of rules that must not run at all. */
  disabledRules: readonly string[];
  /** Amounts (万元) closer than this are equal (R-FUND-SUM, R-PLAN-FINAL, R-COST-*). */
  moneyTolerance: number;
  /** R-COST-BUDGET-NEAR: a cost within this fraction of 预算数, but not equal, is a probable typo. */
  costNearRatio: number;
  /** R-XPROJ-COPY: two projects sharing at least this many specific indicator rows are reported. */
  copyMinShared: number;
  /** R-PRJ-CODE-REGION: the county's 6-digit 行政区划代码; null = take it from `department.region`, else the majority of codes. */
  regionCode: string | null;
  /** R-TXT-TYPO: known typo → correction. Replaces the default dictionary when given. */
  typos: Readonly<Record<string, string>>;
}

/** The catalogue's typo dictionary (R-TXT-TYPO); extend through {@link ValidationSettings.typos}. */
export const DEFAULT_TYPOS: Readonly<Record<string, string>> = Object.freeze({
  补涉及: '不涉及',
  和和: '和',
  费费: '费',
  意见意见: '意见',
  国防知识意思: '国防知识意识',
  公文旅游: '公文旅行',
});

/** Defaults for Hebei county texts: legacy hierarchy, satisfaction ≥ 85 %, catalogue severities. */
export const DEFAULT_VALIDATION_SETTINGS: ValidationSettings = Object.freeze({
  hierarchy: 'legacy-3',
  satisfactionMin: 85,
  satisfactionFloor: 80,
  severityOverrides: Object.freeze({}),
  disabledRules: Object.freeze([]),
  moneyTolerance: 0.005,
  costNearRatio: 0.01,
  copyMinShared: 3,
  regionCode: null,
  typos: DEFAULT_TYPOS,
});

/** Fills the gaps of a partial settings object with the defaults; `undefined` fields count as gaps. */
export function resolveValidationSettings(partial?: Partial<ValidationSettings>): ValidationSettings {
  const out: ValidationSettings = { ...DEFAULT_VALIDATION_SETTINGS };
  if (!partial) return out;
  for (const key of Object.keys(partial) as Array<keyof ValidationSettings>) {
    const v = partial[key];
    if (v !== undefined) Object.assign(out, { [key]: v });
  }
  return out;
}
