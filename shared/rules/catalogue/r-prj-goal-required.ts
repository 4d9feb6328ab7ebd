import { stripNumbering, stripWhitespace } from '../normalize-value-text.ts';
import type { Rule } from '../rule.ts';

/** R-PRJ-GOAL-REQUIRED: 绩效目标 must have content once list numbering (`1.`, `一、`) is removed. */
export const rPrjGoalRequired: Rule = {
  id: 'R-PRJ-GOAL-REQUIRED',
  severity: 'error',
  scope: 'project',
  message: { zh: '绩效目标不能为空。', en: 'Performance goal must not be empty.' },
  checkProject(view, _ctx, report) {
    if (stripWhitespace(stripNumbering(view.project.goal)) === '') report({ place: { project: view.project.id, field: 'goal' } });
  },
};
