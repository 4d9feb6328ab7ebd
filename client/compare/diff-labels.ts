import type { FieldValue, MetaField } from '../../shared/diff/index.ts';
import { PROJECT_FIELD_SPECS, type IndicatorField, type ProjectField } from '../../shared/model/index.ts';
import { currentLanguage, t } from '../i18n/i18n.ts';

const META_LABELS = {
  title: 'compare.metaFields.title',
  year: 'compare.metaFields.year',
  'department.code': 'compare.metaFields.deptCode',
  'department.name': 'compare.metaFields.deptName',
  'department.region': 'compare.metaFields.deptRegion',
} as const;

/** The label of a document field of the comparison. */
export function metaFieldLabel(field: MetaField): string {
  return t(META_LABELS[field]);
}

/** The label of a project header field (`budget.total`, `spendingPlan.mar` …), as the header shows it. */
export function projectFieldLabel(field: ProjectField): string {
  return PROJECT_FIELD_SPECS[field].label[currentLanguage() === 'en' ? 'en' : 'zh'];
}

/** The column header of an indicator field. */
export function indicatorFieldLabel(field: IndicatorField): string {
  return t(`grid.${field}`);
}

/** A compared value as shown: blank as （空）, the plan unit by its name, numbers as written. */
export function formatDiffValue(value: FieldValue, field?: string): string {
  if (value === null || value === '') return t('compare.blank');
  if (field === 'spendingPlan.unit') return value === 'amount' ? t('project.unitAmount') : t('project.unitPercent');
  return String(value);
}
