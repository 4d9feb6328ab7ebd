import { OVERVIEW_SECTIONS, type OverviewSection } from '../../model/budget-text-schema.ts';
import type { Rule } from '../rule.ts';

/** Headings of the three sections of 第一部分 部门整体绩效目标, keyed like `BudgetText.overview`. */
export const OVERVIEW_HEADINGS: Readonly<Record<OverviewSection, string>> = {
  overallGoal: '一、总体绩效目标',
  subGoals: '二、分项绩效目标',
  safeguards: '三、工作保障措施',
};

/**
 * R-DOC-SECTIONS, adapted to the canonical JSON (which keeps section bodies, not headings):
 * each overview section must have a non-blank body, and 第二部分 must hold at least one project.
 */
export const rDocSections: Rule = {
  id: 'R-DOC-SECTIONS',
  severity: 'error',
  scope: 'document',
  message: { zh: '部门预算绩效文本结构不完整：缺少“{section}”。', en: 'Document structure incomplete: section “{section}” is missing.' },
  checkDocument(doc, views, _ctx, report) {
    for (const section of OVERVIEW_SECTIONS) {
      if (doc.overview[section].trim() === '') {
        report({ place: { field: `overview.${section}` }, params: { section: `第一部分 部门整体绩效目标 ${OVERVIEW_HEADINGS[section]}` } });
      }
    }
    if (views.length === 0) report({ place: { field: 'projects' }, params: { section: '第二部分 预算项目绩效目标' } });
  },
};
